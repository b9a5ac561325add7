import { Type } from 'typebox';
import {
  BusinessDate,
  DocumentNumber,
  Id,
  List,
  Nullable,
  NumberSearch,
  Rupiah,
  SignedRupiah,
  Uuid,
} from '../../schemas.ts';

const S = Type.String();

/** The path of a cooperative's resources. */
export const CooperativeParams = Type.Object({ id: Id });

export const StatementParams = Type.Object({ id: Id, statementId: Id });

/** A PDF document: binary on the wire, the handler sends its bytes. */
export const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

export const Aging = Type.Object({
  current: Rupiah,
  d1to30: Rupiah,
  d31to60: Rupiah,
  d61to90: Rupiah,
  d90plus: Rupiah,
});

/** What a cooperative owes, how late, and how exposed the hub is to it (also the dashboard's). */
export const Balance = Type.Object({
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  exposure: SignedRupiah,
  exposureLimit: Rupiah,
  consignedStockValue: Rupiah,
  inTransitValue: Rupiah,
  onHold: Type.Boolean(),
  aging: Aging,
});

export const Statement = Type.Object({
  id: S,
  number: DocumentNumber,
  periodStart: S,
  periodEnd: S,
  openingBalance: SignedRupiah,
  // A period's sums include its adjustments: negative when reversals outweigh its documents.
  salesAmount: SignedRupiah,
  shrinkageAmount: SignedRupiah,
  paymentsAmount: SignedRupiah,
  subsidyNettedAmount: SignedRupiah,
  closingBalance: SignedRupiah,
  dueDate: S,
  outstanding: Rupiah,
  issuedAt: S,
  paymentReference: Nullable(
    Type.String({
      description: "The cooperative's payment reference, to write in a bank transfer's remark",
      examples: ['LMB15710110014'],
    }),
  ),
});

/** A reversal on a statement: the reversed document stays on the statement that billed it. */
export const StatementAdjustment = Type.Object({
  reversalId: Type.String({
    description: 'The reversal’s id, or the refund’s for a `sale_refund`',
  }),
  docType: Type.String({
    description:
      'The reversed document’s kind: sale, payment, stock_count, …; `sale_refund` for a buyer’s refund of part of the sale `docId`',
  }),
  docId: S,
  number: Type.Optional(DocumentNumber),
  date: BusinessDate,
  reason: S,
  amount: Type.Integer({
    description:
      'What it changes the closing balance by (whole rupiah): negative for a reversed charge (sale, shrinkage), positive for a reversed credit (payment, netted subsidy)',
  }),
});

/** A statement in the lists: with its adjustment lines ("Penyesuaian"), the reversals dated in its period. */
export const StatementWithAdjustments = Type.Object({
  ...Statement.properties,
  adjustments: Type.Array(StatementAdjustment),
});

/** A list's search by number, alone. */
export const NumberQuery = Type.Object(
  { q: Type.Optional(NumberSearch) },
  { additionalProperties: false },
);

/** Where the cooperative's payments go: the hub's bank account and the cooperative's payment reference. */
export const PayTo = Type.Object({
  hubName: S,
  bankName: Nullable(S),
  bankAccountNo: Nullable(S),
  bankAccountName: Nullable(S),
  paymentReference: Nullable(S),
});

/** A cooperative's statements and how to pay them (null: it takes part in no program). */
export const CooperativeStatementList = Type.Object({
  ...List(StatementWithAdjustments).properties,
  payTo: Nullable(PayTo),
});

export const ClosedStatement = Type.Object({ ...Statement.properties, cooperativeId: S, hubId: S });

export const NetworkStatement = Type.Object({
  ...StatementWithAdjustments.properties,
  cooperativeId: S,
  cooperativeName: S,
  daysPastDue: Type.Integer(),
});

export const NetworkStatementList = List(NetworkStatement);

export const CooperativeAging = Type.Object({
  cooperativeId: S,
  cooperativeName: S,
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  onHold: Type.Boolean(),
  aging: Aging,
});

export const Payment = Type.Object({
  orgId: S,
  id: S,
  number: DocumentNumber,
  hubId: S,
  amount: Rupiah,
  receivedOn: S,
  method: S,
  reference: S,
  statementId: Nullable(S),
  createdAt: S,
});

export const PaymentListItem = Type.Object({
  id: Type.String(),
  number: DocumentNumber,
  amount: Rupiah,
  receivedOn: Type.String(),
  method: Type.String(),
  reference: Type.String(),
  statementId: Type.Union([Type.String(), Type.Null()]),
  reversed: Type.Optional(
    Type.Boolean({
      description: 'Reversed by a reversing document (reverseDocument): shown as such',
    }),
  ),
  reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
});

export const PaymentList = List(PaymentListItem);

export const RecordPaymentBody = Type.Object(
  {
    id: Uuid,
    amount: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
    receivedOn: Type.Optional(BusinessDate),
    method: Type.Union([Type.Literal('cash'), Type.Literal('transfer'), Type.Literal('qris')]),
    reference: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const CloseSettlementBody = Type.Object(
  { periodEnd: BusinessDate, cooperativeId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const ClosedStatements = Type.Object({ statements: Type.Array(ClosedStatement) });

export const NetworkAging = Type.Object({
  asOf: Type.String(),
  items: Type.Array(CooperativeAging),
  totals: Type.Object({
    balanceDue: Type.Integer(),
    overdueAmount: Rupiah,
    aging: Aging,
  }),
});

export const NetworkStatementsQuery = Type.Object(
  {
    periodEnd: Type.Optional(BusinessDate),
    cooperativeId: Type.Optional(Id),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('paid')], {
        description: 'open: something outstanding; overdue: outstanding past due; paid',
      }),
    ),
    q: Type.Optional(NumberSearch),
  },
  { additionalProperties: false },
);
