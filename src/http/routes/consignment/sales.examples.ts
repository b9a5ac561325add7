import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CooperativeStock,
  ReturnBody,
  SaleList,
  SalesBody,
  StockCountBody,
} from './sales.schemas.ts';

const { hub: HUB, gula: GULA } = EXAMPLE_IDS;
const SALE = '01936f6e-7c1a-7000-8000-000000000201';

export const salesExample: Static<typeof SalesBody> = {
  sales: [
    {
      id: SALE,
      occurredAt: '2026-03-10T02:15:00Z',
      paymentMethod: 'cash',
      lines: [{ productId: GULA, qty: 2, unitPrice: 17_500 }],
    },
  ],
};

export const saleListExample: Static<typeof SaleList> = {
  items: [
    {
      id: SALE,
      saleDate: '2026-03-10',
      occurredAt: '2026-03-10T02:15:00.000Z',
      receivedAt: '2026-03-10T02:16:04.000Z',
      clockSkew: false,
      paymentMethod: 'cash',
      memberId: null,
      totalAmount: 35_000,
      consignmentAmount: 32_600,
      statementId: null,
      postingId: '01936f6e-7c1a-7000-8000-000000000701',
      lines: [
        {
          saleId: SALE,
          lineNo: 1,
          productId: GULA,
          qty: 2,
          unitPrice: 17_500,
          consignmentPrice: 16_300,
        },
      ],
    },
  ],
};

export const returnExample: Static<typeof ReturnBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000301',
  reason: 'Karung rusak',
  lines: [{ productId: GULA, qty: 1 }],
};

export const stockCountExample: Static<typeof StockCountBody> = {
  id: '01936f6e-7c1a-7000-8000-000000000401',
  countedAt: '2026-03-31T10:00:00Z',
  lines: [{ productId: GULA, qtyCounted: 118 }],
};

export const cooperativeStockExample: Static<typeof CooperativeStock> = {
  items: [{ productId: GULA, ownerOrgId: HUB, qty: 480, inTransit: 0 }],
};
