import { Type } from 'typebox';
import { Id, OneOf } from '../../schemas.ts';

const Code = Type.String({ minLength: 1, maxLength: 20, examples: ['K7PQ-2M9X'] });

export const UserCodeBody = Type.Object(
  {
    purpose: OneOf(['activation', 'reset'] as const, {
      description:
        '`activation`: an invited user (no password yet), valid 7 days; `reset`: a user who forgot the password, valid 24 hours',
    }),
  },
  { additionalProperties: false },
);

/** A fresh one-time code: shown this once, never stored (only its hash) and never logged. */
export const UserCode = Type.Object({
  code: Type.String(),
  expiresAt: Type.String(),
  activationUrl: Type.String({
    description: 'The activation page, with the e-mail and the code in the fragment',
  }),
  whatsappUrl: Type.Optional(
    Type.String({ description: "A wa.me link to the user's phone with the code (when known)" }),
  ),
});

export const ActivateUserBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    code: Code,
    password: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ManagerCodesBody = Type.Object(
  {
    cooperativeIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 5000,
        description: 'Only these cooperatives; without it, every cooperative the hub sets up',
      }),
    ),
  },
  { additionalProperties: false },
);

/** One manager's fresh activation code, as the hub admin prints or sends it. */
export const ManagerCode = Type.Object({
  cooperativeId: Type.String(),
  cooperativeName: Type.String(),
  villageName: Type.String(),
  managerName: Type.String(),
  email: Type.String(),
  phone: Type.Optional(Type.String()),
  code: Type.String(),
  expiresAt: Type.String(),
  activationUrl: Type.String(),
  whatsappUrl: Type.Optional(Type.String()),
});

export const ManagerCodes = Type.Object({ items: Type.Array(ManagerCode) });
