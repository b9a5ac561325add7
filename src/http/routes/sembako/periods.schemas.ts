import { Type } from 'typebox';
import { BusinessDate, DocumentNumber, List, Rupiah, Text, Uuid } from '../../schemas.ts';

/** The schemas of a program period's supply and money: demand, payroll, sponsor payments, reconciliation. */

export const DemandList = List(
  Type.Object({
    cooperativeId: Type.String(),
    productId: Type.String(),
    ordered: Type.Integer(),
    pickedUp: Type.Integer(),
    pending: Type.Integer(),
  }),
);

export const ProposedDeliveryOrders = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      number: DocumentNumber,
      cooperativeId: Type.String(),
      status: Type.String(),
      value: Rupiah,
      lines: Type.Array(Type.Object({ productId: Type.String(), qty: Type.Integer() })),
    }),
  ),
});

export const PayrollQuery = Type.Object(
  {
    opd: Type.Optional(Text(200)),
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
  },
  { additionalProperties: false },
);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The payroll-deduction file: CSV text, or an XLSX workbook's bytes. */
export const PayrollFile = (csvExample: string) => ({
  description: 'CSV or XLSX',
  content: {
    'text/csv': { schema: Type.String(), example: csvExample },
    [XLSX]: { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) },
  },
});

export const PayrollResults = Type.Object({
  recorded: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(
    Type.Object({
      row: Type.Integer(),
      nip: Type.String(),
      period: Type.String({
        description: "the file's period, or the earlier one of a carried line",
      }),
      status: Type.String(),
      errors: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});

export const SponsorPaymentBody = Type.Object(
  {
    id: Uuid,
    amount: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
    receivedOn: Type.Optional(BusinessDate),
    reference: Type.String({ minLength: 1, maxLength: 150 }),
  },
  { additionalProperties: false },
);

export const SponsorPayment = Type.Object({
  id: Type.String(),
  month: Type.String(),
  amount: Rupiah,
  receivedOn: BusinessDate,
  reference: Type.String(),
  shares: Type.Array(
    Type.Object({ cooperativeId: Type.String(), amount: Rupiah, paymentId: Type.String() }),
  ),
});

const Account = Type.Object({
  ordered: Rupiah,
  pickedUp: Rupiah,
  subsidy: Rupiah,
  deducted: Rupiah,
  paidBySponsor: Rupiah,
  payable: Rupiah,
  collected: Type.Integer({
    minimum: 0,
    description: 'failed deductions paid in cash at a later pickup',
  }),
  open: Rupiah,
});

export const Reconciliation = Type.Object({
  month: Type.String(),
  cooperatives: Type.Array(Type.Object({ cooperativeId: Type.String(), ...Account.properties })),
  total: Account,
  openParticipants: Type.Array(
    Type.Object({
      nip: Type.String(),
      name: Type.String(),
      opd: Type.String(),
      due: Rupiah,
      deducted: Rupiah,
      collected: Rupiah,
      status: Type.Union([Type.String(), Type.Null()]),
      open: Rupiah,
    }),
  ),
  sponsorOpen: Type.Object(
    { subsidy: Rupiah, deducted: Rupiah, paid: Rupiah, open: Rupiah },
    {
      description:
        'What the sponsor owes the cooperatives for the period: its subsidy and the deductions it received, less what it paid',
    },
  ),
  opdOpen: Type.Array(
    Type.Object({
      opd: Type.String(),
      due: Rupiah,
      deducted: Rupiah,
      collected: Rupiah,
      open: Rupiah,
    }),
    {
      description:
        "Per OPD: its staff's deductions for the period not yet received (neither deducted nor paid in cash)",
    },
  ),
});
