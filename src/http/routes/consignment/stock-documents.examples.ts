import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { ReturnList, StockCountList } from './stock-documents.schemas.ts';

const { gula: GULA } = EXAMPLE_IDS;

export const returnListExample: Static<typeof ReturnList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000301',
      number: 'RTR/KDKMP-TLP/2026/03/0002',
      date: '2026-03-12',
      lines: [{ productId: GULA, productName: 'Gula Kristal Putih 1 kg', quantity: 1 }],
      value: 15_100,
      reason: 'Karung rusak',
      reversed: false,
    },
  ],
};

export const stockCountListExample: Static<typeof StockCountList> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000401',
      number: 'SO/KDKMP-TLP/2026/03/0001',
      date: '2026-03-31',
      lines: [{ productId: GULA, productName: 'Gula Kristal Putih 1 kg', quantity: -2 }],
      value: 32_000,
      reversed: true,
      reversalId: '01936f6e-7c1a-7000-8000-000000000901',
    },
  ],
  nextCursor: 'MjAyNi0wMy0zMXwwMTkzNmY2ZQ',
};
