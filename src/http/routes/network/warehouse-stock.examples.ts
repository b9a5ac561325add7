import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { WarehouseStock } from './warehouse-stock.schemas.ts';

export const warehouseStockExample: Static<typeof WarehouseStock> = {
  warehouseId: '01936f6e-7c1a-7000-8000-0000000000e1',
  name: 'Gudang Utama',
  items: [
    {
      productId: EXAMPLE_IDS.gula,
      sku: 'GKP-1',
      name: 'Gula Kristal Putih 1 kg',
      unit: 'pak',
      onHand: 1_823,
      inTransit: 240,
      reserved: 120,
      value: 27_527_300,
    },
  ],
  totalValue: 27_527_300,
};
