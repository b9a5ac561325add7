import { Type } from 'typebox';
import { BusinessDate, Id, OneOf, Qty, Rupiah, Uuid } from '../../schemas.ts';

export const SaleParams = Type.Object({ id: Uuid, saleId: Uuid }, { additionalProperties: false });

const Reason = Type.String({
  minLength: 3,
  maxLength: 500,
  description: 'Why: kept with the document and in the audit log',
});

export const RefundBody = Type.Object(
  {
    id: Uuid,
    reason: Reason,
    lines: Type.Array(
      Type.Object(
        {
          productId: Id,
          quantity: Qty,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    method: OneOf(['cash', 'qris'] as const, {
      description: 'How the money goes back: cash (Kas) or QRIS (Bank)',
    }),
  },
  { additionalProperties: false },
);

export const Refund = Type.Object({
  id: Type.String(),
  saleId: Type.String(),
  amount: Rupiah,
  date: BusinessDate,
  lines: Type.Array(
    Type.Object({ productId: Type.String(), quantity: Type.Integer(), amount: Rupiah }),
  ),
});

export const OrderParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ReceiptCorrectionBody = Type.Object(
  {
    id: Uuid,
    reason: Reason,
    lines: Type.Array(
      Type.Object(
        {
          productId: Id,
          quantity: Type.Integer({
            minimum: -1_000_000_000,
            maximum: 1_000_000_000,
            description:
              'Signed units, never 0: + found later (to the store), − found missing later',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const ReceiptCorrection = Type.Object({
  id: Type.String(),
  deliveryOrderId: Type.String(),
  date: BusinessDate,
  lines: Type.Array(Type.Object({ productId: Type.String(), quantity: Type.Integer() })),
});
