import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { CreateProductBody, ProductList, ProductPricesBody } from './catalog.schemas.ts';

const gula: Static<typeof CreateProductBody> = {
  sku: 'GKP-1',
  name: 'Gula Kristal Putih 1 kg',
  unit: 'pak',
  commodity: 'gula',
  netContent: { value: 1, unit: 'kg' },
  consignmentPrice: 16_300,
  retailPrice: 17_500,
};

export const createProductExample = gula;

export const productListExample: Static<typeof ProductList> = {
  items: [
    {
      ...gula,
      id: EXAMPLE_IDS.gula,
      ceilingPrice: 17_500,
      ceilingRegulation: 'Perbadan No. 12 Tahun 2024 — HAP gula konsumsi tingkat konsumen',
      ceilingEffectiveFrom: '2024-06-26',
      hubId: EXAMPLE_IDS.hub,
    },
  ],
};

export const productPricesExample: Static<typeof ProductPricesBody> = {
  consignmentPrice: 16_500,
  retailPrice: 17_500,
  effectiveFrom: '2026-04-01',
};
