import { Type } from 'typebox';
import { ROLES } from '../../../core/access/index.ts';
import { Id, OneOf, Text } from '../../schemas.ts';

/** One of the caller's memberships: an organization and the role in it. */
export const Membership = Type.Object({
  orgId: Type.String(),
  orgKind: Type.String(),
  orgName: Type.String(),
  role: Type.String(),
});

/** The signed-in user (getCurrentUser, and the user of a new session). */
export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  memberships: Type.Array(Membership),
});

/** A new session: the bearer token, the CSRF token the cookie writes repeat, and who signed in. */
export const Session = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  csrfToken: Type.String(),
  user: User,
});

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const Nip = Type.String({ pattern: '^\\d{18}$', examples: ['198503152010011002'] });

export const ActivateParticipantBody = Type.Object(
  {
    programId: Type.Optional(Type.String({ format: 'uuid', maxLength: 36 })),
    nip: Nip,
    activationCode: Type.String({ minLength: 1, maxLength: 20, examples: ['K7PQ-2M9X'] }),
    password: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LoginParticipantBody = Type.Object(
  { nip: Nip, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ApiTokenBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100 }),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);

/** A new API token: shown this once; `id` names it afterwards (listing, revoking). */
export const ApiToken = Type.Object({
  id: Type.String(),
  token: Type.String(),
  expiresAt: Type.String(),
});

/** The caller's live API tokens: never the token itself; `current` marks the one the request came with. */
export const ApiTokenList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String(),
      createdAt: Type.String(),
      expiresAt: Type.String(),
      current: Type.Boolean(),
    }),
  ),
});

export const ApiTokenParams = Type.Object({ id: Id });

export const LocaleBody = Type.Object(
  { locale: Type.Union([Type.Literal('id'), Type.Literal('en')]) },
  { additionalProperties: false },
);

export const Locale = Type.Object({ locale: Type.String() });

/** A mobile number: digits, an optional leading +, spaces, dots or dashes (`0812-3456-7890`). */
export const Phone = Type.String({
  minLength: 8,
  maxLength: 24,
  pattern: '^\\+?[0-9][0-9 .-]{6,22}[0-9]$',
  examples: ['081234567890'],
});

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    name: Text(200),
    password: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: 200,
        description:
          'Without it the user is invited: it signs in once the activation code in the answer has set a password',
      }),
    ),
    phone: Type.Optional(Phone),
    orgId: Id,
    role: OneOf(ROLES),
  },
  { additionalProperties: false },
);

/** A new user; an invited one (no password given) with its one-time activation code, shown this once. */
export const CreatedUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  activationCode: Type.Optional(Type.String()),
  activationExpiresAt: Type.Optional(Type.String()),
  activationUrl: Type.Optional(Type.String()),
  whatsappUrl: Type.Optional(Type.String()),
});

/** A user's membership as the users list shows it. */
export const UserListItem = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  phone: Type.Optional(Type.String()),
  disabled: Type.Boolean(),
  status: OneOf(['active', 'inactive', 'invited'] as const, {
    description:
      '`invited`: no password yet (it signs in once an activation code set one); `inactive`: deactivated',
  }),
  orgId: Type.String(),
  orgName: Type.String(),
  orgKind: Type.String(),
  role: Type.String(),
});

export const UserList = Type.Object({ items: Type.Array(UserListItem) });

export const UserParams = Type.Object({ id: Id });

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    role: Type.Optional(OneOf(ROLES)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
