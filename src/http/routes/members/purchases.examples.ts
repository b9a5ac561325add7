import type { Static } from 'typebox';
import type { MemberPurchases } from './purchases.schemas.ts';

export const memberPurchasesExample: Static<typeof MemberPurchases> = {
  year: 2026,
  total: 52_500,
  count: 2,
  items: [
    {
      saleId: '01936f6e-7c1a-7000-8000-000000000202',
      occurredAt: '2026-03-12T03:40:00.000Z',
      amount: 17_500,
      paymentMethod: 'qris',
    },
    {
      saleId: '01936f6e-7c1a-7000-8000-000000000201',
      occurredAt: '2026-03-10T02:15:00.000Z',
      amount: 35_000,
      paymentMethod: 'cash',
    },
  ],
};
