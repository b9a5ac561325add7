import type { Static } from 'typebox';
import type { CommodityCeilings, CreateCeilingBody } from './ceilings.schemas.ts';

const nationalGula = {
  commodity: 'gula',
  unit: 'kg',
  pricePerUnit: 17_500,
  effectiveFrom: '2024-06-26',
  regulationRef: 'Perbadan No. 12 Tahun 2024 — HAP gula konsumsi tingkat konsumen',
} as const;

/** Maluku, Maluku Utara and the Papua provinces have their own, higher sugar ceiling. */
export const createCeilingExample: Static<typeof CreateCeilingBody> = {
  ...nationalGula,
  provinceCode: '81',
  pricePerUnit: 18_500,
};

export const ceilingsExample: Static<typeof CommodityCeilings> = {
  items: [
    { id: '01936f6e-7c1a-7000-8000-000000000e01', ...nationalGula },
    { id: '01936f6e-7c1a-7000-8000-000000000e02', ...createCeilingExample },
  ],
};
