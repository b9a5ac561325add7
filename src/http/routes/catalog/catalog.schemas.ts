import { Type } from 'typebox';
import { BusinessDate, Id, List, Nullable, Rupiah, Text } from '../../schemas.ts';

/** A product with the prices and regulated ceiling in force on one date. */
export const Product = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  commodity: Type.String(),
  netContent: Type.Object({ value: Type.Integer(), unit: Type.String() }),
  consignmentPrice: Nullable(Rupiah),
  retailPrice: Nullable(Rupiah),
  ceilingPrice: Nullable(Rupiah),
  ceilingRegulation: Nullable(Type.String()),
  /** Since when the ceiling in force applies (null without one). */
  ceilingEffectiveFrom: Nullable(Type.String()),
  hubId: Type.String(),
});

export const ProductList = List(Product);

export const ProductListQuery = Type.Object(
  { date: Type.Optional(BusinessDate) },
  { additionalProperties: false },
);

export const CreateProductBody = Type.Object(
  {
    sku: Text(50),
    name: Text(200),
    unit: Text(30),
    commodity: Type.String({
      minLength: 1,
      maxLength: 40,
      description:
        'gula, beras_medium, beras_premium, minyakita, minyak_goreng, tepung_terigu, telur, lainnya',
    }),
    netContent: Type.Object(
      {
        value: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        unit: Type.Union([
          Type.Literal('g'),
          Type.Literal('kg'),
          Type.Literal('ml'),
          Type.Literal('l'),
        ]),
      },
      { additionalProperties: false },
    ),
    consignmentPrice: Rupiah,
    retailPrice: Rupiah,
    effectiveFrom: Type.Optional(BusinessDate),
  },
  { additionalProperties: false },
);

export const ProductParams = Type.Object({ id: Id });

export const ProductPricesBody = Type.Object(
  { consignmentPrice: Rupiah, retailPrice: Rupiah, effectiveFrom: BusinessDate },
  { additionalProperties: false },
);

export const ProductPrices = Type.Object({
  productId: Type.String(),
  consignmentPrice: Rupiah,
  retailPrice: Rupiah,
  effectiveFrom: Type.String(),
});
