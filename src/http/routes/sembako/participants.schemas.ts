import { Type } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import { BusinessDate, Instant, List, Nullable, Rupiah, Text, Uuid } from '../../schemas.ts';

/** The schemas of the program office's participant administration: list, surat kuasa, codes. */

const Nip = Type.String({ pattern: '^\\d{18}$', examples: ['198503152010011002'] });

export const ParticipantParams = Type.Object({ programId: Uuid, nip: Nip });

export const ParticipantsQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'the start of the NIP, or part of the name' }),
    ),
    opd: Type.Optional(Text(200)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ParticipantList = List(
  Type.Object({
    nip: Type.String(),
    name: Type.String(),
    opd: Type.String(),
    phone: Nullable(Type.String()),
    villageCode: Type.String(),
    pickupCooperativeId: Nullable(Type.String()),
    pickupCooperativeName: Nullable(Type.String()),
    activated: Type.Boolean({ description: 'the participant has set a password with a code' }),
    payrollAuthorization: Type.Union([
      Type.Object({ ref: Type.String(), signedOn: Nullable(Type.String()) }),
      Type.Null(),
    ]),
    open: Rupiah,
    owedAtPickup: Rupiah,
  }),
);

/** The file types a surat kuasa may come as. */
const ScanType = Type.Union([
  Type.Literal('image/jpeg'),
  Type.Literal('image/png'),
  Type.Literal('application/pdf'),
]);

/** The base64 text of a file up to 2 MiB (2,796,204 characters), with some room so that a bit more is told as too large. */
const MAX_BASE64 = 3_200_000;
/** The route's body limit: the largest base64 text and the rest of the JSON. */
export const AUTHORIZATION_BODY_LIMIT = MAX_BASE64 + 100_000;

export const PayrollAuthorizationBody = Type.Object(
  {
    ref: Text(100),
    signedOn: BusinessDate,
    scan: Type.Object(
      {
        contentType: ScanType,
        base64: Type.String({
          minLength: 4,
          maxLength: MAX_BASE64,
          pattern: '^[A-Za-z0-9+/]+={0,2}$',
          description: 'the file, base64 (a JPEG, PNG or PDF of at most 2 MB)',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const PayrollAuthorization = Type.Object({
  nip: Type.String(),
  ref: Type.String(),
  signedOn: BusinessDate,
  contentType: Type.String(),
  size: Type.Integer(),
  recordedAt: Instant,
});

/** The scan as it was recorded: its bytes with its content type. */
export const ScanFile = (pdfExample: string) => {
  const bytes = () => Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' }));
  return {
    description: 'The scan or photo (JPEG, PNG or PDF)',
    content: {
      'application/pdf': { schema: bytes(), example: pdfExample },
      'image/jpeg': { schema: bytes() },
      'image/png': { schema: bytes() },
    },
  };
};

export const ReissuedCode = Type.Object({
  nip: Type.String(),
  code: Type.String({ description: 'one-time activation code; the one before stops working' }),
  whatsappUrl: Type.Optional(
    Type.String({ description: 'a wa.me link sending the code to the participant’s phone' }),
  ),
});
