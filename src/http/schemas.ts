import { Type, type Static, type TSchema, type TSchemaOptions } from 'typebox';
import { ERROR_STATUS } from './error-status.ts';

/** Shared schema pieces: the HTTP contract's vocabulary. */
export const Uuid = Type.String({
  format: 'uuid',
  maxLength: 36,
  description: 'UUID (clients generate UUIDv7)',
});
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const BusinessDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Business date YYYY-MM-DD (WIB)',
  examples: ['2026-03-10'],
});
export const Month = Type.String({
  pattern: '^\\d{4}-\\d{2}$',
  description: 'YYYY-MM',
  examples: ['2026-03'],
});
export const Instant = Type.String({
  format: 'date-time',
  maxLength: 40,
  description: 'ISO 8601 instant',
});
export const Rupiah = Type.Integer({
  minimum: 0,
  maximum: 9_007_199_254_740_991,
  description: 'Whole rupiah',
});
export const SignedRupiah = Type.Integer({
  minimum: -9_007_199_254_740_991,
  maximum: 9_007_199_254_740_991,
  description: 'Whole rupiah (negative = credit)',
});
export const Qty = Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Whole units' });
export const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
/** A document's human number: kind, issuer's short code, year and month of its date, its place in the issuer's year. */
export const DocumentNumber = Type.String({
  description:
    '<KIND>/<issuer code>/<YYYY>/<MM>/<NNNN>: SJ surat jalan, TK statement, PB payment, BPB goods receipt (issued by the hub); RTR return, SO stock count (issued by the cooperative, whose code is its village code)',
  examples: ['SJ/KANA-JBI/2026/03/0001'],
});
/** A list's search by number: the documents whose number contains the text (any case, spaces ignored). */
export const NumberSearch = Type.String({
  maxLength: 60,
  description: 'Text the document number contains, e.g. `0012` or `SJ/KANA-JBI/2026/03/0012`',
});

export const ERROR_CODES = Object.keys(ERROR_STATUS);
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Union(ERROR_CODES.map((c) => Type.Literal(c))),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'application/problem+json' },
);

/** One documented error response: application/problem+json with the codes of its status. */
export function problemResponse(status: number) {
  const codes = Object.entries(ERROR_STATUS)
    .filter(([, st]) => st === status)
    .map(([c]) => c);
  return {
    description: `Problem; code: ${codes.join(', ')}`,
    content: { 'application/problem+json': { schema: Type.Unsafe({ $ref: 'Problem#' }) } },
  };
}

/** Responses for errors an operation can answer, by status (400, 401 and 403 always). */
export function problems(...statuses: number[]) {
  const out: Record<number, ReturnType<typeof problemResponse>> = {};
  for (const s of new Set([400, 401, 403, ...statuses])) out[s] = problemResponse(s);
  return out;
}

/** Body fields holding a business date or instant that must not lie in the future. */
export const DATED_FIELDS = ['date', 'receivedOn', 'paidOn', 'countedAt'];

export const List = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Optional(Type.String()) });

/** A field that may be null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/**
 * One of a list of strings (`anyOf` of `const`s), typed as their union: a
 * `Type.Union` of a mapped array has no static type (only tuples have).
 */
export const OneOf = <T extends string>(values: readonly T[], options?: TSchemaOptions) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

/**
 * The schema with an example for the OpenAPI document, typed by the schema
 * itself (`Static<S>`); a test validates every example against its schema
 * with the server's own validator.
 */
export function withExample<S extends TSchema>(schema: S, example: Static<S>): S {
  return { ...schema, examples: [example] };
}

/** Shared ids of the examples: illustrative, the same across modules so that examples read as one network. */
export const EXAMPLE_IDS = {
  coop: '01936f6e-7c1a-7000-8000-0000000000c1',
  hub: '01936f6e-7c1a-7000-8000-0000000000a1',
  gula: '01936f6e-7c1a-7000-8000-0000000000b1',
  deliveryOrder: '01936f6e-7c1a-7000-8000-0000000000d1',
  dinas: '01936f6e-7c1a-7000-8000-0000000000f1',
  training: '01936f6e-7c1a-7000-8000-000000000901',
} as const;
