import { Type } from 'typebox';
import { List, OneOf, Text } from '../../schemas.ts';

const Commodity = Type.String({
  minLength: 1,
  maxLength: 40,
  description:
    'gula, beras_medium, beras_premium, minyakita, minyak_goreng, tepung_terigu, telur, lainnya',
});
const ProvinceCode = Type.String({
  pattern: '^\\d{2}$',
  maxLength: 2,
  examples: ['15'],
  description: 'Kemendagri province code (e.g. 15 Jambi); absent = the national ceiling',
});
const CeilingUnit = OneOf(['kg', 'l'] as const, {
  description: 'The commodity’s unit: kg for sugar and rice, l for cooking oil',
});
const PricePerUnit = Type.Integer({
  minimum: 1,
  maximum: 9_007_199_254_740_991,
  description: 'Whole rupiah per kg or per litre',
});

/** A regulated consumer ceiling (HET/HAP) per kg or litre, in force from its date. */
export const CommodityCeiling = Type.Object({
  id: Type.String(),
  commodity: Type.String(),
  provinceCode: Type.Optional(Type.String()),
  unit: CeilingUnit,
  pricePerUnit: PricePerUnit,
  effectiveFrom: Type.String(),
  regulationRef: Type.String(),
});

export const CommodityCeilings = List(CommodityCeiling);

export const CeilingsQuery = Type.Object(
  { commodity: Type.Optional(Commodity) },
  { additionalProperties: false },
);

export const CreateCeilingBody = Type.Object(
  {
    commodity: Commodity,
    provinceCode: Type.Optional(ProvinceCode),
    unit: CeilingUnit,
    pricePerUnit: PricePerUnit,
    effectiveFrom: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      description:
        'Business date YYYY-MM-DD from which it applies (a regulation published ahead may take a future date)',
    }),
    regulationRef: Text(300),
  },
  { additionalProperties: false },
);
