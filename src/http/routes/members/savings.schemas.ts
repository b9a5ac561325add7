import { Type } from 'typebox';
import { BusinessDate, Month, OneOf, Rupiah, Text, Uuid } from '../../schemas.ts';

const Amount = Type.Integer({
  minimum: 1,
  maximum: 9_007_199_254_740_991,
  description: 'Whole rupiah, > 0',
});
const Kind = OneOf(['pokok', 'wajib', 'sukarela'] as const, {
  description: 'pokok (once), wajib (monthly), sukarela (voluntary)',
});
const Direction = OneOf(['deposit', 'withdrawal'] as const, {
  description: 'Only sukarela is withdrawn while a member (pokok and wajib: 409 InvalidState)',
});
const Method = OneOf(['cash', 'qris', 'transfer', 'payroll'] as const, {
  description:
    'cash → Kas, qris and transfer → Bank, payroll → Piutang Potong Gaji; a withdrawal is cash or transfer',
});

export const CooperativeParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  memberId: Type.String({ minLength: 1, maxLength: 64 }),
});

const Rule = Type.Object({
  effectiveFrom: BusinessDate,
  pokok: Rupiah,
  wajibMonthly: Rupiah,
});

export const SetSavingsRulesBody = Type.Object(
  {
    effectiveFrom: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description: 'Business date YYYY-MM-DD from which it applies (the same date again replaces)',
    }),
    pokok: Type.Integer({
      minimum: 0,
      maximum: 9_007_199_254_740_991,
      description: 'Simpanan pokok: paid once per member (rupiah)',
    }),
    wajibMonthly: Type.Integer({
      minimum: 0,
      maximum: 9_007_199_254_740_991,
      description: 'Simpanan wajib per month (rupiah)',
    }),
  },
  { additionalProperties: false },
);

export const SavingsRules = Type.Object({
  current: Type.Optional(Rule),
  history: Type.Array(Rule, { description: 'Every rule, the latest effectiveFrom first' }),
});

export const RecordSavingsBody = Type.Object(
  {
    id: Uuid,
    kind: Kind,
    direction: Direction,
    amount: Amount,
    date: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        maxLength: 10,
        description: 'Business date (WIB); today when absent; not before the member joined',
      }),
    ),
    method: Method,
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const SavingsTransaction = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  kind: Kind,
  direction: Direction,
  amount: Rupiah,
  date: Type.String(),
  method: Method,
  balance: Type.Object(
    { pokok: Rupiah, wajib: Rupiah, sukarela: Rupiah },
    { description: "The member's balances once it is recorded" },
  ),
});

export const MemberSavings = Type.Object({
  pokok: Rupiah,
  wajib: Rupiah,
  sukarela: Rupiah,
  wajibArrears: Type.Integer({
    minimum: 0,
    description: 'Σ wajib billed − Σ wajib deposited (0 once the membership ended)',
  }),
  pokokDue: Type.Integer({
    minimum: 0,
    description: 'The pokok in force today − the pokok paid (0 once the membership ended)',
  }),
  transactions: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      kind: Kind,
      direction: Direction,
      amount: Rupiah,
      method: Method,
      note: Type.Optional(Type.String()),
      balanceAfter: Type.Integer({ description: "The kind's balance after it" }),
    }),
    { description: 'Newest first' },
  ),
});

export const WajibBillingBody = Type.Object(
  {
    month: Type.String({
      pattern: '^\\d{4}-\\d{2}$',
      maxLength: 7,
      description: 'YYYY-MM, not after the current month',
    }),
  },
  { additionalProperties: false },
);

export const WajibBilling = Type.Object({
  month: Month,
  billed: Type.Integer({ minimum: 0, description: 'Members billed by this run' }),
  alreadyBilled: Type.Integer({
    minimum: 0,
    description: "Members who had the month's bill already",
  }),
  amount: Type.Integer({ minimum: 0, description: 'Σ of the bills this run made' }),
});

export const SavingsArrears = Type.Object({
  items: Type.Array(
    Type.Object({
      memberId: Type.String(),
      memberNo: Type.String(),
      name: Type.String(),
      phone: Type.Optional(Type.String()),
      months: Type.Integer({ minimum: 1, description: 'Billed months not covered' }),
      amount: Rupiah,
      whatsappUrl: Type.Optional(
        Type.String({ description: 'https://wa.me/62…?text=… (a reminder to the member)' }),
      ),
    }),
  ),
  total: Rupiah,
  shareText: Type.String({ description: "The list as one message for the members' group" }),
  shareUrl: Type.String({ description: 'https://wa.me/?text=… for shareText' }),
});

export const EndMembershipBody = Type.Object(
  {
    id: Uuid,
    status: OneOf(['left', 'deceased'] as const),
    date: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        maxLength: 10,
        description: 'The day the membership ended (WIB); today when absent',
      }),
    ),
    method: OneOf(['cash', 'transfer'] as const, {
      description: 'How the savings are paid back',
    }),
    reason: Text(300),
  },
  { additionalProperties: false },
);

export const EndedMembership = Type.Object({
  memberId: Type.String(),
  status: OneOf(['left', 'deceased'] as const),
  leftOn: Type.String(),
  withdrawals: Type.Array(Type.Object({ id: Type.String(), kind: Kind, amount: Rupiah }), {
    description: 'What was paid back: one withdrawal per kind with a balance',
  }),
  total: Rupiah,
});
