import { Type } from 'typebox';
import { BusinessDate, Nullable, OneOf, Rupiah, Text } from '../../schemas.ts';

const Days = Type.Integer({ minimum: 0, maximum: 365, description: 'Whole days' });
const Period = OneOf(['weekly', 'monthly'] as const, {
  description: 'Settlement period: statements each Sunday (weekly) or each month end (monthly)',
});
const Mode = OneOf(['payout', 'net'] as const, {
  description: 'How the subsidy is settled: transferred (payout) or netted against the statement',
});
const SalesPotential = Type.Integer({
  minimum: 1,
  maximum: 9_007_199_254_740_991,
  description:
    'Whole rupiah of sales a month the cooperative could reach (the dashboards’ yardstick)',
});

/** Every term a version of the participation holds. */
const terms = {
  exposureLimit: Rupiah,
  monthlySubsidy: Rupiah,
  settlementPeriod: Period,
  paymentTermsDays: Days,
  graceDays: Days,
  subsidyMode: Mode,
  monthlySalesPotential: SalesPotential,
};

export const CreateParticipationBody = Type.Object(
  {
    agreementNo: Text(100),
    startDate: BusinessDate,
    endDate: Type.Optional(BusinessDate),
    exposureLimit: Rupiah,
    monthlySubsidy: Type.Optional(Rupiah),
    settlementPeriod: Type.Optional(Period),
    paymentTermsDays: Type.Optional(Days),
    graceDays: Type.Optional(Days),
    subsidyMode: Type.Optional(Mode),
    monthlySalesPotential: Type.Optional(SalesPotential),
  },
  { additionalProperties: false },
);

/** One version of the terms, as the history lists it. */
export const TermsVersion = Type.Object({
  effectiveFrom: BusinessDate,
  ...terms,
  reason: Type.String(),
  changedBy: Nullable(
    Type.String({
      description:
        'The user who made the change; null for a first version entered before terms were versioned',
    }),
  ),
  changedByName: Nullable(Type.String()),
  createdAt: Type.String({ description: 'When the change was recorded (ISO 8601 instant)' }),
});

export const ParticipationState = Type.Object({
  id: Type.String(),
  cooperativeId: Type.String(),
  hubId: Type.String(),
  agreementNo: Type.String(),
  startDate: BusinessDate,
  endDate: Type.Optional(BusinessDate),
  endReason: Type.Optional(Type.String()),
  endedBy: Type.Optional(Type.String()),
  ...terms,
  termsFrom: Type.String({ description: 'From when the terms in force today apply' }),
  history: Type.Array(TermsVersion, {
    description:
      'Every version, the latest effective date first (a version dated after today is not in force yet)',
  }),
});

export const UpdateParticipationBody = Type.Object(
  {
    effectiveFrom: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description:
        'Business date YYYY-MM-DD from which the new version applies (within the participation; a future date is allowed)',
    }),
    reason: Text(500),
    exposureLimit: Type.Optional(Rupiah),
    monthlySubsidy: Type.Optional(Rupiah),
    paymentTermsDays: Type.Optional(Days),
    graceDays: Type.Optional(Days),
    settlementPeriod: Type.Optional(Period),
    subsidyMode: Type.Optional(Mode),
    monthlySalesPotential: Type.Optional(SalesPotential),
  },
  { additionalProperties: false },
);

export const EndParticipationBody = Type.Object(
  {
    endDate: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description: 'The last day of the participation (inclusive); a future date is allowed',
    }),
    reason: Text(500),
  },
  { additionalProperties: false },
);
