import { Type } from 'typebox';
import { DomainError } from '../../../core/shared/errors.ts';
import { BusinessDate, Id, Instant, List, Month, Rupiah, Text, Uuid } from '../../schemas.ts';

export const ProgramParams = Type.Object({ programId: Uuid });
export const PeriodParams = Type.Object({ programId: Uuid, month: Month });
export const OrderParams = Type.Object({ programId: Uuid, orderId: Uuid });

export const Program = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sponsorOrgId: Type.String(),
  hubId: Type.String(),
  ordersPerPeriod: Type.Integer(),
});
export const ProgramList = List(Program);

export const CreateProgramBody = Type.Object(
  {
    name: Text(200),
    sponsorOrgId: Id,
    hubId: Id,
    ordersPerPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
  },
  { additionalProperties: false },
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
    details: [{ path: '/csv', message: 'required' }],
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
};

export const OrderAtPickup = Type.Object({
  id: Type.String(),
  month: Type.String(),
  nip: Type.String(),
  participantName: Type.String(),
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
  { code: Type.String({ minLength: 1, maxLength: 40, examples: ['K7PQ2M9XWA'] }) },
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
    open: Rupiah,
  }),
);
