import { Type } from 'typebox';
import { BusinessDate, OneOf, Rupiah, SignedRupiah } from '../../schemas.ts';

const Bucket = OneOf(['current', 'd1to30', 'd31to60', 'd61to90', 'd90plus'] as const, {
  description: 'Aging bucket: not yet due, 1–30, 31–60, 61–90, more than 90 days past due',
});
const Bps = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'Basis points: 10000 = 100 %',
});
const NullableBps = Type.Union([Bps, Type.Null()]);

const RollStep = Type.Object({
  from: Bucket,
  to: Bucket,
  base: Rupiah,
  rolled: Rupiah,
  rateBps: NullableBps,
});

const MatrixRow = Type.Object({
  bucket: Bucket,
  balance: Rupiah,
  rollRateBps: NullableBps,
  chainBps: Bps,
  floorBps: Bps,
  rateBps: Bps,
  provision: Rupiah,
});

const Aging = Type.Object({
  current: Rupiah,
  d1to30: Rupiah,
  d31to60: Rupiah,
  d61to90: Rupiah,
  d90plus: Rupiah,
});

export const RiskReason = Type.Object({
  code: OneOf([
    'late_payments',
    'rising_overdue',
    'falling_sales',
    'shrinkage',
    'exposure',
  ] as const),
  points: Type.Integer({ minimum: 0, maximum: 100 }),
  text: Type.String(),
  textEn: Type.String(),
});

export const RiskOverview = Type.Object({
  asOf: BusinessDate,
  dso: Type.Union([Type.Number(), Type.Null()], {
    description: 'Days sales outstanding: receivables ÷ consignment sales of the last 90 days × 90',
  }),
  cei: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Collection effectiveness index (%) over the last 90 days: (opening + charges − closing) ÷ (opening + charges − closing current) × 100',
  }),
  windows: Type.Object({
    dso: Type.Object({
      from: BusinessDate,
      to: BusinessDate,
      days: Type.Integer(),
      receivable: SignedRupiah,
      sales: SignedRupiah,
    }),
    cei: Type.Object({
      from: BusinessDate,
      to: BusinessDate,
      opening: SignedRupiah,
      charges: Rupiah,
      closing: SignedRupiah,
      closingCurrent: Rupiah,
    }),
    rollRates: Type.Object({ from: BusinessDate, to: BusinessDate, monthEnds: Type.Integer() }),
  }),
  rollRates: Type.Array(Type.Object({ month: Type.String(), steps: Type.Array(RollStep) }), {
    description:
      'Month by month: of what each bucket held at the previous month end, how much was still unpaid a bucket later',
  }),
  provision: Type.Object({
    total: Rupiah,
    byBucket: Aging,
    matrix: Type.Object({ pooled: Type.Array(RollStep), rows: Type.Array(MatrixRow) }),
    posted: Type.Optional(Type.Object({ periodEnd: BusinessDate, total: Rupiah })),
  }),
  cooperatives: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      score: Type.Integer({ minimum: 0, maximum: 100 }),
      reasons: Type.Array(RiskReason),
      overdueAmount: Rupiah,
      balanceDue: SignedRupiah,
    }),
  ),
});

export const ProvisionBody = Type.Object(
  {
    periodEnd: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description: 'The last day of a month, not after today',
    }),
  },
  { additionalProperties: false },
);

export const ProvisionPosted = Type.Object({
  id: Type.String(),
  periodEnd: BusinessDate,
  total: Rupiah,
  previousTotal: Rupiah,
  adjustment: SignedRupiah,
});

export const EarlyWarning = Type.Object({
  kind: OneOf(['due', 'hold'] as const),
  statementId: Type.String(),
  number: Type.String(),
  date: BusinessDate,
  amount: Rupiah,
  text: Type.String(),
  textEn: Type.String(),
  whatsappUrl: Type.String(),
});
