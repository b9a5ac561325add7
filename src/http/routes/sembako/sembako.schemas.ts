import { Type } from 'typebox';
import { DomainError } from '../../../core/shared/errors.ts';
import { BusinessDate, Id, Instant, List, Month, Rupiah, Text, Uuid } from '../../schemas.ts';

export const ProgramParams = Type.Object({ programId: Uuid });
export const PeriodParams = Type.Object({ programId: Uuid, month: Month });
export const OrderParams = Type.Object({ programId: Uuid, orderId: Uuid });

/** What a deduction the payroll office reports as failed becomes. */
const FailedDeductionHandling = Type.Union(
  [Type.Literal('carry_forward'), Type.Literal('collect_at_pickup')],
  {
    description:
      "carry_forward: a line of its own in the next month's deduction file; collect_at_pickup: paid in cash at the participant's next pickup",
  },
);

export const Program = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sponsorOrgId: Type.String(),
  hubId: Type.String(),
  ordersPerPeriod: Type.Integer(),
  failedDeductionHandling: FailedDeductionHandling,
});
export const ProgramList = List(Program);

const ProgramSettings = {
  ordersPerPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
  failedDeductionHandling: Type.Optional(FailedDeductionHandling),
};

export const CreateProgramBody = Type.Object(
  { name: Text(200), sponsorOrgId: Id, hubId: Id, ...ProgramSettings },
  { additionalProperties: false },
);

export const UpdateProgramBody = Type.Object(
  { name: Type.Optional(Text(200)), ...ProgramSettings },
  { additionalProperties: false, minProperties: 1 },
);

export const Package = Type.Object({
  id: Type.String(),
  name: Type.String(),
  price: Rupiah,
  sponsorSubsidy: Rupiah,
  participantPays: Rupiah,
  items: Type.Array(Type.Object({ productId: Type.String(), qty: Type.Integer() })),
});
export const Period = Type.Object({
  month: Type.String(),
  orderOpensAt: Type.String(),
  orderClosesAt: Type.String(),
  packages: Type.Array(Package),
});
export const PeriodList = List(Period);

export const CreatePeriodBody = Type.Object(
  {
    month: Month,
    orderOpensAt: Instant,
    orderClosesAt: Instant,
    packages: Type.Array(
      Type.Object(
        {
          name: Text(100),
          items: Type.Array(
            Type.Object(
              { productId: Id, qty: Type.Integer({ minimum: 1, maximum: 1000 }) },
              { additionalProperties: false },
            ),
            { minItems: 1, maxItems: 20 },
          ),
          price: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
          sponsorSubsidy: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

/** A CSV upload: a text/csv body, or JSON {csv} (an OpenAPI content map, not one schema). */
export const csvBody = (columns: string, example: string) => ({
  description: `CSV (${columns}), comma or semicolon, UTF-8 with or without BOM: as a text/csv body, or as JSON {csv}`,
  content: {
    'application/json': {
      schema: Type.Object(
        { csv: Type.String({ minLength: 1, maxLength: 100_000 }) },
        { additionalProperties: false },
      ),
    },
    'text/csv': {
      schema: Type.String({ minLength: 1, maxLength: 8_000_000, examples: [example] }),
    },
  },
});

/** The CSV text of a body `csvBody` admitted: the text/csv string, or the `csv` of the JSON. */
export function csvOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null && 'csv' in body && typeof body.csv === 'string')
    return body.csv;
  throw new DomainError('ValidationFailed', {
    message: 'Isi CSV tidak ada',
    messageEn: 'No CSV content',
    details: [{ path: '/csv', message: 'wajib diisi', messageEn: 'required' }],
  });
}

/** A CSV answer, with its example (a media type's example: the answer is not JSON). */
export const CsvResponse = (example: string) => ({
  description: 'CSV',
  content: { 'text/csv': { schema: Type.String(), example } },
});

const RowErrors = Type.Array(Type.String());

export const ImportResult = Type.Object({
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Type.Object({ row: Type.Integer(), nip: Type.String(), errors: RowErrors })),
});

export const OpdQuery = Type.Object(
  { opd: Type.Optional(Text(200)) },
  { additionalProperties: false },
);

export const Directory = Type.Object({
  products: Type.Array(
    Type.Object({
      id: Type.String(),
      sku: Type.String(),
      name: Type.String(),
      unit: Type.String(),
    }),
  ),
  cooperatives: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const PickupQuery = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 200, examples: ['K7PQ2M9XWA'] }) },
  { additionalProperties: false },
);

/** What the participant and the pickup desk both see of an order (core's `toOrderView`). */
const OrderFigures = {
  packageName: Type.String(),
  qty: Type.Integer(),
  amount: Rupiah,
  amountToDeduct: Rupiah,
  status: Type.String(),
  pickupCooperativeId: Type.String(),
  pickupCooperativeName: Type.String(),
  reversed: Type.Boolean({
    description:
      'Picked up, then reversed by a correction (reverseDocument): its sale undone, nothing deducted; the status stays picked_up',
  }),
  reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
  reversedOn: Type.Optional(BusinessDate),
  reversalReason: Type.Optional(Type.String({ description: 'Why it was reversed' })),
};

export const OrderAtPickup = Type.Object({
  id: Type.String(),
  month: Type.String(),
  nip: Type.String(),
  participantName: Type.String(),
  cashDue: Type.Array(Type.Object({ month: Type.String(), amount: Rupiah }), {
    description:
      'Failed payroll deductions (per month) the participant pays in cash at this cooperative with this pickup',
  }),
  ...OrderFigures,
  pickedUpAt: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(
    Type.Object({
      productId: Type.String(),
      productName: Type.String(),
      unit: Type.String(),
      qty: Type.Integer(),
    }),
  ),
});

export const PlaceOrderBody = Type.Object(
  {
    id: Uuid,
    nip: Type.String({ pattern: '^\\d{18}$', examples: ['198503152010011002'] }),
    month: Month,
    packageId: Id,
    qty: Type.Integer({ minimum: 1, maximum: 100 }),
    pickupCooperativeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const PlacedOrder = Type.Object({
  id: Type.String(),
  pickupCode: Type.String(),
  pickupCooperativeId: Type.String(),
  amountToDeduct: Rupiah,
});

export const CancelledOrder = Type.Object({ id: Type.String(), status: Type.String() });

export const PickupBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, examples: ['K7PQ2M9XWA'] }),
    cashCollected: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 9_007_199_254_740_991,
        description:
          'The cash taken for failed deductions: exactly the cashDue total of the order at this cooperative',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PickedUpOrder = Type.Object({
  id: Type.String(),
  status: Type.String(),
  saleId: Type.String(),
  cooperativeId: Type.String(),
  pickupDate: BusinessDate,
  amount: Rupiah,
  amountToDeduct: Rupiah,
  cashCollected: Rupiah,
  lines: Type.Array(
    Type.Object({ productId: Type.String(), qty: Type.Integer(), unitPrice: Rupiah }),
  ),
});

export const MyOrderList = List(
  Type.Object({
    id: Type.String(),
    month: Type.String(),
    packageId: Type.String(),
    ...OrderFigures,
    createdAt: Type.String(),
    pickedUpAt: Type.Union([Type.String(), Type.Null()]),
    pickupCode: Type.Optional(Type.String()),
    pickupQr: Type.Optional(Type.String()),
  }),
);

export const MyDeductionList = List(
  Type.Object({
    month: Type.String(),
    amountDue: Rupiah,
    amountDeducted: Rupiah,
    status: Type.Union([Type.String(), Type.Null()]),
    deductedIn: Type.Union([Type.String(), Type.Null()], {
      description: 'the payroll month that deducted it (a later one when it was carried)',
    }),
    carriedTo: Type.Union([Type.String(), Type.Null()], {
      description: 'the payroll month whose deduction file carries the failed amount',
    }),
    owedAtPickup: Type.Integer({
      minimum: 0,
      description: 'to pay in cash at the next pickup, after the deduction failed',
    }),
    collectedInCash: Rupiah,
    open: Rupiah,
  }),
);
