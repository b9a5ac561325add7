import { Type, type TSchema } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import {
  BusinessDate,
  DocumentNumber,
  Id,
  List,
  Nullable,
  NumberSearch,
  Qty,
  Rupiah,
  Text,
  Uuid,
} from '../../schemas.ts';

/** Schemas of consignment's hub side: goods receipts and delivery orders (surat jalan); the cooperative's side is in sales.schemas.ts. */
const S = Type.String();
const NS = Nullable(Type.String());
const I = Type.Integer();
/** Up to 200 lines a document. */
export const Lines = <T extends TSchema>(line: T) =>
  Type.Array(line, { minItems: 1, maxItems: 200 });
export const UnitsCounted = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });

export const IdParams = Type.Object({ id: Id });

// --- Goods receipts ---
export const GoodsReceiptBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    warehouseId: Type.Optional(Id),
    supplierName: Text(200),
    date: Type.Optional(BusinessDate),
    lines: Lines(
      Type.Object({ productId: Id, qty: Qty, unitCost: Rupiah }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export const GoodsReceiptCreated = Type.Object({
  id: S,
  number: DocumentNumber,
  totalCost: Rupiah,
});

export const GoodsReceiptSummary = Type.Object({
  id: S,
  number: DocumentNumber,
  warehouseId: S,
  supplierName: S,
  receiptDate: S,
  totalCost: Rupiah,
  createdAt: S,
  reversed: Type.Optional(
    Type.Boolean({
      description: 'Reversed by a reversing document (reverseDocument): shown as such',
    }),
  ),
  reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
});
export const GoodsReceiptList = List(GoodsReceiptSummary);
export const GoodsReceiptListQuery = Type.Object(
  { q: Type.Optional(NumberSearch), ...PageQuery },
  { additionalProperties: false },
);

// --- Delivery orders ---
export const DeliveryOrderBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    cooperativeId: Id,
    warehouseId: Type.Optional(Id),
    date: Type.Optional(BusinessDate),
    lines: Lines(Type.Object({ productId: Id, qty: Qty }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export const DeliveryOrderCreated = Type.Object({
  id: S,
  number: DocumentNumber,
  status: S,
  value: Rupiah,
});
export const DeliveryOrderState = Type.Object({ id: S, status: S });

export const DispatchBody = Type.Object(
  {
    override: Type.Optional(Type.Object({ reason: Text(500) }, { additionalProperties: false })),
    date: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const ReceiveBody = Type.Object(
  {
    lines: Lines(
      Type.Object({ productId: Id, qtyReceived: UnitsCounted }, { additionalProperties: false }),
    ),
    date: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const DeliveryOrderSummary = Type.Object({
  id: S,
  number: DocumentNumber,
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

export const DeliveryOrderListItem = Type.Object({
  ...DeliveryOrderSummary.properties,
  lineCount: I,
  totalQty: I,
  reversed: Type.Optional(
    Type.Boolean({
      description:
        'Its receipt was reversed (reverseDocument, delivery_receipt): the goods are back in transit',
    }),
  ),
  reversalId: Type.Optional(Type.String({ description: 'The reversal of its receipt' })),
});
export const DeliveryOrderList = List(DeliveryOrderListItem);

export const DeliveryOrderListQuery = Type.Object(
  {
    cooperativeId: Type.Optional(Id),
    status: Type.Optional(
      Type.Union([
        Type.Literal('draft'),
        Type.Literal('dispatched'),
        Type.Literal('received'),
        Type.Literal('cancelled'),
      ]),
    ),
    q: Type.Optional(NumberSearch),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DeliverySuggestion = Type.Object({
  productId: S,
  sold28Days: Type.Integer({
    minimum: 0,
    description:
      "Units sold at the cooperative in the hub's sales window (`salesWindowDays`, 28 days by default), today included",
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
      'The sales of the window scaled to the cover days (rounded up), less stock and in transit; never below 0',
  }),
  consignmentPrice: Nullable(Rupiah),
});
export const DeliverySuggestions = Type.Object({
  items: Type.Array(DeliverySuggestion),
  salesWindowDays: Type.Integer({
    minimum: 1,
    description: "The days of sales looked at: the hub's setting in force today",
  }),
  coverDays: Type.Integer({
    minimum: 1,
    description:
      "The days of sales a delivery should leave at the cooperative: the hub's setting in force today",
  }),
});

/** A PDF answer: binary, sent as a Buffer. */
export const PdfFile = Type.Unsafe<Buffer>(Type.String({ format: 'binary' }));

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
