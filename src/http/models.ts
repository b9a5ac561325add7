import { Type, type TSchema } from 'typebox';
import { Rupiah, SignedRupiah } from './schemas.ts';

/** Response models: what the API answers, field by field (the OpenAPI document shows them). */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const S = Type.String();
const NS = Nullable(Type.String());
const I = Type.Integer();

export const Participation = Type.Object({
  orgId: S,
  id: S,
  hubId: S,
  program: S,
  agreementNo: S,
  startDate: S,
  endDate: NS,
  exposureLimit: Rupiah,
  monthlySubsidy: Rupiah,
  settlementPeriod: S,
  paymentTermsDays: I,
  graceDays: I,
  subsidyMode: S,
  createdAt: S,
});

export const Officer = Type.Object({ orgId: S, id: S, role: S, name: S, phone: NS });

export const CooperativeDetail = Type.Object({
  id: S,
  kind: S,
  name: S,
  villageCode: NS,
  villageName: NS,
  districtCode: NS,
  districtName: NS,
  regencyCode: NS,
  provinceCode: NS,
  legalNumber: NS,
  nikKoperasi: NS,
  npwp: NS,
  bankName: NS,
  bankAccountNo: NS,
  bankAccountName: NS,
  status: S,
  createdAt: S,
  participation: Nullable(Participation),
  officers: Type.Array(Officer),
});

export const Payment = Type.Object({
  orgId: S,
  id: S,
  hubId: S,
  amount: Rupiah,
  receivedOn: S,
  method: S,
  reference: S,
  statementId: NS,
  createdAt: S,
});

export const SubsidyGrant = Type.Object({
  orgId: S,
  cooperativeId: Type.Optional(S),
  id: S,
  hubId: S,
  runId: S,
  month: S,
  participationId: S,
  activeDays: I,
  daysInMonth: I,
  amount: Rupiah,
  eligible: Type.Boolean(),
  reason: NS,
  mode: S,
  status: S,
  grantedOn: S,
  settledOn: NS,
  paidReference: NS,
  statementId: NS,
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

export const DeliveryOrderSummary = Type.Object({
  id: S,
  orgId: S,
  cooperativeId: S,
  hubId: S,
  status: S,
  value: Rupiah,
  orderDate: S,
  dispatchedOn: NS,
  receivedOn: NS,
  cancelledOn: NS,
  overrideReason: NS,
  createdAt: S,
});

export const DeliveryOrderDetail = Type.Object({
  ...DeliveryOrderSummary.properties,
  warehouseId: S,
  overrideBy: NS,
  createdBy: NS,
  lines: Type.Array(
    Type.Object({
      orgId: S,
      deliveryOrderId: S,
      lineNo: I,
      productId: S,
      qty: I,
      dispatchValue: Nullable(Rupiah),
      qtyReceived: Nullable(I),
      receivedValue: Nullable(Rupiah),
    }),
  ),
});

export const GoodsReceiptSummary = Type.Object({
  id: S,
  warehouseId: S,
  supplierName: S,
  receiptDate: S,
  totalCost: Rupiah,
  createdAt: S,
});

export const Statement = Type.Object({
  id: S,
  periodStart: S,
  periodEnd: S,
  openingBalance: SignedRupiah,
  salesAmount: Rupiah,
  shrinkageAmount: Rupiah,
  paymentsAmount: Rupiah,
  subsidyNettedAmount: Rupiah,
  closingBalance: SignedRupiah,
  dueDate: S,
  outstanding: Rupiah,
  issuedAt: S,
});

export const ClosedStatement = Type.Object({ ...Statement.properties, cooperativeId: S, hubId: S });

export const JournalRow = Type.Object({
  entryId: S,
  entryDate: S,
  docType: S,
  docId: S,
  memo: S,
  lineNo: I,
  accountCode: S,
  counterpartyOrgId: S,
  debit: Rupiah,
  credit: Rupiah,
});

const Score = Nullable(Type.Number({ minimum: 0, maximum: 100 }));

export const TrainingEventSummary = Type.Object({
  id: S,
  organizerId: S,
  title: S,
  date: S,
  venue: S,
  organizerName: S,
  materials: NS,
  createdAt: S,
  invited: I,
  attended: I,
  cooperatives: I,
});

export const TrainingParticipant = Type.Object({
  id: S,
  cooperativeId: S,
  cooperativeName: S,
  districtName: S,
  name: S,
  position: S,
  attended: Type.Boolean(),
  preScore: Nullable(I),
  postScore: Nullable(I),
  updatedAt: S,
});

export const TrainingEventDetail = Type.Object({
  id: S,
  organizerId: S,
  title: S,
  date: S,
  venue: S,
  organizerName: S,
  materials: NS,
  createdAt: S,
  participants: Type.Array(TrainingParticipant),
});

const CoverageFiguresProps = {
  cooperatives: I,
  trainedCooperatives: I,
  officersInvited: I,
  officersTrained: I,
  avgPreScore: Score,
  avgPostScore: Score,
};

export const TrainingCoverage = Type.Object({
  month: S,
  asOf: S,
  districts: Type.Array(Type.Object({ districtCode: S, districtName: S, ...CoverageFiguresProps })),
  totals: Type.Object(CoverageFiguresProps),
  items: Type.Array(
    Type.Object({
      cooperativeId: S,
      name: S,
      districtName: S,
      officersInvited: I,
      officersTrained: I,
      avgPreScore: Score,
      avgPostScore: Score,
      participating: Type.Boolean(),
      salesAmount: Rupiah,
      overdueAmount: Rupiah,
      onHold: Type.Boolean(),
    }),
  ),
});

export const JournalEntry = Type.Object({
  id: S,
  date: S,
  documentType: S,
  documentId: S,
  memo: S,
  lines: Type.Array(
    Type.Object({
      accountCode: S,
      accountName: S,
      counterpartyOrgId: Type.Optional(S),
      counterpartyName: Type.Optional(S),
      debit: Rupiah,
      credit: Rupiah,
    }),
  ),
});

export const NetworkStatement = Type.Object({
  ...Statement.properties,
  cooperativeId: S,
  cooperativeName: S,
  daysPastDue: I,
});

export const Aging = Type.Object({
  current: Rupiah,
  d1to30: Rupiah,
  d31to60: Rupiah,
  d61to90: Rupiah,
  d90plus: Rupiah,
});

export const CooperativeAging = Type.Object({
  cooperativeId: S,
  cooperativeName: S,
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  onHold: Type.Boolean(),
  aging: Aging,
});

export const DeliveryOrderListItem = Type.Object({
  ...DeliveryOrderSummary.properties,
  lineCount: I,
  totalQty: I,
});

export const DeliverySuggestion = Type.Object({
  productId: S,
  sold28Days: Type.Integer({
    minimum: 0,
    description: 'Units sold at the cooperative in the last 28 days, today included',
  }),
  stock: Type.Integer({
    description: "The hub's units in the cooperative's store (negative: sold past the books)",
  }),
  inTransit: Type.Integer({
    minimum: 0,
    description: 'Units dispatched to the cooperative, not yet received',
  }),
  suggestedQty: Type.Integer({
    minimum: 0,
    description:
      '28 days of sales scaled to 14 days of cover (rounded up), less stock and in transit; never below 0',
  }),
  consignmentPrice: Nullable(Rupiah),
});

export const DispatchCheck = Type.Object({
  exposure: Rupiah,
  orderValue: Rupiah,
  exposureLimit: Rupiah,
  exposureAfter: Rupiah,
  withinLimit: Type.Boolean(),
  onHold: Type.Boolean(),
  overdueAmount: Rupiah,
  stockShortfalls: Type.Array(Type.Object({ productId: S, needed: I, available: I })),
});
