import { Type } from 'typebox';
import { Id, SignedRupiah } from '../../schemas.ts';

/** Schemas of a hub warehouse's stock on hand. */
const S = Type.String();
/** Whole units of the product (negative: more went out than came in). */
const units = (description: string) => Type.Integer({ description });

export const WarehouseParams = Type.Object({ id: Id });

export const WarehouseStock = Type.Object({
  warehouseId: S,
  name: S,
  items: Type.Array(
    Type.Object({
      productId: S,
      sku: S,
      name: S,
      unit: S,
      onHand: units('At the warehouse: Σ in − Σ out of its stock moves'),
      inTransit: units('Dispatched from it on delivery orders not yet received'),
      reserved: units('On its draft delivery orders: still on hand, promised to a cooperative'),
      value: Type.Integer({
        minimum: -Number.MAX_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'Cost value of the units on hand (moving average), whole rupiah',
      }),
    }),
  ),
  totalValue: SignedRupiah,
});
