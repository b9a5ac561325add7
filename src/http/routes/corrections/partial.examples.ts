import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { ReceiptCorrectionBody, RefundBody } from './partial.schemas.ts';

export const refundExample: Static<typeof RefundBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000e11',
  reason: 'Pembeli mengembalikan 1 bungkus yang sobek',
  lines: [{ productId: EXAMPLE_IDS.gula, quantity: 1 }],
  method: 'cash',
};

export const receiptCorrectionExample: Static<typeof ReceiptCorrectionBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000e21',
  reason: 'Satu karung ditemukan di gudang belakang',
  lines: [{ productId: EXAMPLE_IDS.gula, quantity: 1 }],
};
