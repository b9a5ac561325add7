import { Type } from 'typebox';
import { Text } from '../../schemas.ts';

export const ActivationCodesBody = Type.Object(
  {
    opd: Type.Optional(Text(200)),
    reissue: Type.Optional(
      Type.Boolean({
        description:
          'Fresh codes for every participant who has not activated, the codes handed out before stop working; needs `expectedCount`',
      }),
    ),
    expectedCount: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000_000,
        description:
          'With `reissue`: the number of participants the user confirmed (409 InvalidState when it is no longer the number)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ActivationCodeSummary = Type.Object({
  notActivated: Type.Integer({ description: 'Participants who have not activated' }),
  withoutCode: Type.Integer({ description: 'Of them, those who never had a code' }),
  withCode: Type.Integer({ description: 'Of them, those holding a code handed out earlier' }),
});
