import { Type } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import {
  BusinessDate,
  DocumentNumber,
  Id,
  Instant,
  List,
  Nullable,
  Qty,
  Rupiah,
  Text,
  Uuid,
} from '../../schemas.ts';
import { Lines, UnitsCounted } from './consignment.schemas.ts';

/** Schemas of consignment at the cooperative: sales, returns, stock counts, the stock it holds. */
const S = Type.String();
const NS = Nullable(Type.String());
const I = Type.Integer();

// --- Sales ---
export const PaymentMethod = Type.Union([
  Type.Literal('cash'),
  Type.Literal('qris'),
  Type.Literal('transfer'),
  Type.Literal('payroll'),
]);

export const SalesBody = Type.Object(
  {
    sales: Type.Array(
      Type.Object(
        {
          id: Uuid,
          occurredAt: Instant,
          lines: Lines(
            Type.Object(
              { productId: Id, qty: Qty, unitPrice: Rupiah },
              { additionalProperties: false },
            ),
          ),
          paymentMethod: PaymentMethod,
          memberId: Type.Optional(Type.String({ maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const SalesResults = Type.Object({
  results: Type.Array(
    Type.Object({
      id: S,
      status: S,
      code: Type.Optional(S),
      message: Type.Optional(S),
    }),
  ),
});

export const SaleWithLines = Type.Object({
  id: S,
  saleDate: S,
  occurredAt: S,
  receivedAt: S,
  clockSkew: Type.Boolean(),
  paymentMethod: S,
  memberId: NS,
  totalAmount: Rupiah,
  consignmentAmount: Rupiah,
  statementId: NS,
  postingId: Type.Union([S, Type.Null()], {
    description:
      'The journal entries (`documentType` sales_batch, `documentId` = this id) that carry this sale in both books; null for sales posted one by one before them',
  }),
  reversed: Type.Optional(
    Type.Boolean({
      description: 'Reversed by a reversing document (reverseDocument): shown as such',
    }),
  ),
  reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
  refunded: Type.Optional(
    Type.Array(Type.Object({ productId: S, quantity: I, amount: Rupiah }), {
      description: 'What the buyer gave back so far (refundSale), per product',
    }),
  ),
  lines: Type.Array(
    Type.Object({
      saleId: S,
      lineNo: I,
      productId: S,
      qty: I,
      unitPrice: Rupiah,
      consignmentPrice: Rupiah,
    }),
  ),
});
export const SaleList = List(SaleWithLines);

export const SaleListQuery = Type.Object(
  {
    from: Type.Optional(BusinessDate),
    to: Type.Optional(BusinessDate),
    postingId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Only the sales of one posting: the `documentId` of a sales_batch journal entry',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

// --- Returns, stock counts, stock ---
export const ReturnBody = Type.Object(
  {
    id: Uuid,
    lines: Lines(Type.Object({ productId: Id, qty: Qty }, { additionalProperties: false })),
    reason: Text(500),
    warehouseId: Type.Optional(Id),
    date: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);
export const ReturnCreated = Type.Object({ id: S, number: DocumentNumber });

export const StockCountBody = Type.Object(
  {
    id: Uuid,
    countedAt: Instant,
    lines: Lines(
      Type.Object({ productId: Id, qtyCounted: UnitsCounted }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

const CountLine = Type.Object({
  productId: S,
  expected: I,
  counted: I,
  variance: I,
  chargeAmount: Rupiah,
});
export const StockCountResult = Type.Object({
  id: S,
  number: DocumentNumber,
  lines: Type.Array(CountLine),
});

export const CooperativeStock = List(
  Type.Object({ productId: S, ownerOrgId: S, qty: I, inTransit: I }),
);
