import { Type } from 'typebox';
import { BusinessDate, Id, Instant, Nullable, OneOf, Rupiah, SignedRupiah } from '../../schemas.ts';
import { SHU_KEYS } from '../../../core/yearend/index.ts';

/** Schemas of a cooperative's SHU split, its simulation, the year-end close and the distribution. */
export const FiscalYearParams = Type.Object({
  id: Id,
  year: Type.String({
    pattern: '^\\d{4}$',
    examples: ['2025'],
    description: 'The fiscal year (calendar year, business dates in WIB)',
  }),
});

export const CooperativeParams = Type.Object({ id: Id });

const Percent = Type.Number({
  minimum: 0,
  maximum: 100,
  description: 'Percent, at most 2 decimals',
});
const ShuKey = OneOf(SHU_KEYS, { description: 'A key of the AD/ART’s SHU split' });

export const ShuRulesBody = Type.Object(
  {
    allocation: Type.Array(
      Type.Object({ key: ShuKey, percent: Percent }, { additionalProperties: false }),
      { minItems: 1, maxItems: SHU_KEYS.length },
    ),
    jasaUsahaPercent: Percent,
    jasaModalPercent: Percent,
  },
  { additionalProperties: false },
);

export const ShuRules = Type.Object({
  year: Type.Integer(),
  allocation: Type.Array(Type.Object({ key: ShuKey, percent: Type.Number() })),
  jasaUsahaPercent: Type.Number(),
  jasaModalPercent: Type.Number(),
});

const ShuMember = Type.Object({
  memberId: Type.String(),
  memberNo: Type.String(),
  name: Type.String(),
  purchases: SignedRupiah,
  savings: SignedRupiah,
  jasaUsaha: Rupiah,
  jasaModal: Rupiah,
  total: Rupiah,
});

const shuResultFields = {
  year: Type.Integer(),
  shu: Type.Integer({ description: 'SHU of the year from the books, rupiah; negative: a loss' }),
  rules: ShuRules,
  allocation: Type.Array(Type.Object({ key: ShuKey, percent: Type.Number(), amount: Rupiah })),
  jasaUsaha: Rupiah,
  jasaModal: Rupiah,
  undivided: Type.Integer({
    description: 'Jasa nobody could take (no member bought, or none saved): added to cadangan',
  }),
  totalPurchases: SignedRupiah,
  totalSavings: SignedRupiah,
  members: Type.Array(ShuMember),
};

export const ShuResult = Type.Object({
  ...shuResultFields,
  estimate: Type.Optional(
    Type.Boolean({ description: 'The year has not ended: an estimate from the books to date' }),
  ),
});

export const CloseBody = Type.Object({}, { additionalProperties: false });

/** The simulation's split: any split to try, or nothing (`{}` or no body) for the year's own. */
export const PreviewShuBody = Type.Partial(ShuRulesBody, { additionalProperties: false });

/** A command whose body may be left out: no body reads as `{}`. */
export async function emptyBodyAsObject(request: { body: unknown }): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

export const FiscalYearView = Type.Object({
  ...shuResultFields,
  status: Type.Literal('closed'),
  closedAt: Instant,
  closeId: Type.String(),
  distribution: Nullable(
    Type.Object({
      id: Type.String(),
      method: OneOf(['cash', 'bank', 'sukarela'] as const),
      paidOn: BusinessDate,
      total: Rupiah,
    }),
  ),
});

export const FiscalYears = Type.Object({
  items: Type.Array(
    Type.Object({
      year: Type.Integer(),
      status: OneOf(['open', 'closed'] as const),
      shu: Type.Optional(Type.Integer()),
      closedAt: Type.Optional(Instant),
    }),
  ),
});

export const DistributeBody = Type.Object(
  {
    id: Id,
    method: OneOf(['cash', 'bank', 'sukarela'] as const, {
      description: 'Paid in cash, by bank, or credited to each member’s simpanan sukarela',
    }),
    date: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const Distribution = Type.Object({
  id: Type.String(),
  method: OneOf(['cash', 'bank', 'sukarela'] as const),
  paidOn: BusinessDate,
  total: Rupiah,
  members: Type.Integer({ description: 'How many members received their SHU' }),
});
