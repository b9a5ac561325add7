import { Type } from 'typebox';
import { OneOf } from '../../schemas.ts';

/** The Kemendagri regions below one region, for choosers and for naming a typed code. */
export const RegionsQuery = Type.Object(
  {
    parent: Type.Optional(
      Type.String({
        pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2})?)?$',
        maxLength: 8,
        examples: ['15.71'],
        description:
          'a province (15), regency or city (15.71) or district (15.71.01); omitted: the provinces',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Regions = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: OneOf(['province', 'regency', 'district', 'village'] as const),
    }),
  ),
});
