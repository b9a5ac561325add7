/**
 * Malformed input of any kind is a 4xx problem — never a 5xx, never a write.
 *
 * The cases are generated from the served OpenAPI document: every operation
 * with a request body gets broken JSON, an empty body, a `__proto__` key,
 * text/plain and application/xml bodies, `{}`, each field (nested ones too)
 * with a value of the wrong JSON type and with null, negative / fractional /
 * huge integers, 200 KB strings, an unknown extra field and a body over the
 * 1 MiB limit; recordSales also gets a 2,000-sale batch. Each case starts from
 * a body that is valid per the schema and breaks exactly one thing, so the
 * problem's `errors` must name that field and nothing else.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { ENGINES, createTestDatabase } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  examples?: Json[];
}

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The tables whose row counts must not move (audit_event and auth_token may). */
const WATCHED_TABLES = [
  'sale',
  'journal_line',
  'stock_move',
  'statement',
  'payment',
  'delivery_order',
  'goods_receipt',
  'organization',
  'app_user',
  'product',
  'price',
];
const UNWATCHED_TABLES = new Set(['audit_event', 'auth_token']);

const KB200 = 'x'.repeat(200 * 1024);
const OVER_1MIB = JSON.stringify({ pad: 'x'.repeat(1_048_576 + 1024) });
/** Over the one route that takes a larger body: the surat kuasa scan (2 MB as base64, ≈ 3.3 MB). */
const OVER_SCAN_LIMIT = JSON.stringify({ pad: 'x'.repeat(4 * 1_048_576) });
const LARGE_BODY_ROUTES = new Set(['recordPayrollAuthorization']);
/** What a problem body must never reveal: stack frames, SQL, source paths. */
const LEAKS = ['at /', 'node_modules', '.ts:', 'select ', 'insert into'];

// ---------------------------------------------------------------------------
// The route table, read from the served OpenAPI document at collection time.

async function loadServedDocument(): Promise<OpenApiDoc> {
  const t = await createTestDatabase('sqlite');
  const app = await buildApp({ db: t.db, engine: 'sqlite', version: 'test' });
  try {
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
    return res.json<OpenApiDoc>();
  } finally {
    await app.close();
    await t.close();
  }
}

const DOC = await loadServedDocument();

function resolve(schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    const target = DOC.components?.schemas?.[name];
    if (!target) throw new Error(`unresolvable $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

/** The JSON types a schema admits ('integer' counts as 'number' too). */
function typesOf(schema: JsonSchema): Set<string> {
  const s = resolve(schema);
  const out = new Set<string>();
  const add = (t: string) => {
    out.add(t);
    if (t === 'integer') out.add('number');
  };
  if (typeof s.type === 'string') add(s.type);
  if (Array.isArray(s.type)) s.type.forEach(add);
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])])
    typesOf(branch).forEach((t) => out.add(t));
  for (const v of [...(s.enum ?? []), ...(s.const !== undefined ? [s.const] : [])]) {
    if (v === null) out.add('null');
    else if (Array.isArray(v)) out.add('array');
    else add(typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
  }
  return out;
}

interface SampleContext {
  coopId: string;
  productId: string;
}

/** A value valid for the schema (ids of the fixture where a field names one). */
function sample(schema: JsonSchema, name: string, ctx: SampleContext): Json {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0]!;
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (branch) return sample(branch, name, ctx);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, ctx);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () =>
        sample(s.items ?? {}, name, ctx),
      );
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, s.minimum ?? 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string': {
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return '2026-03-09T03:00:00.000Z';
      if (s.format === 'email') return 'uji@contoh.test';
      const example = s.examples?.[0];
      if (typeof example === 'string') return example;
      if (s.pattern) {
        if (new RegExp(s.pattern).test('2026-03-01')) return '2026-03-01';
        if (new RegExp(s.pattern).test('2026-02')) return '2026-02';
        if (new RegExp(s.pattern).test('dWpp')) return 'dWpp'; // base64 of "uji"
        if (new RegExp(s.pattern).test('199001012015011001')) return '199001012015011001'; // a NIP
        if (new RegExp(s.pattern).test('2025')) return '2025'; // a fiscal year
        throw new Error(`no sample for ${name} with pattern ${s.pattern}`);
      }
      if (name === 'productId') return ctx.productId;
      if (name === 'cooperativeId' || name === 'orgId') return ctx.coopId;
      return 'uji'.padEnd(Math.max(s.minLength ?? 1, 3), '-').slice(0, s.maxLength ?? 1000);
    }
    default:
      throw new Error(`no sample for ${name}: ${JSON.stringify(s)}`);
  }
}

interface Field {
  /** Keys and indices from the body root. */
  at: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

/** Every field of the schema, nested ones too (the first item of arrays). */
function fieldsOf(schema: JsonSchema, at: (string | number)[] = []): Field[] {
  const s = resolve(schema);
  const out: Field[] = [];
  if (s.properties) {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push({ at: [...at, k], schema: v, required: (s.required ?? []).includes(k) });
      out.push(...fieldsOf(v, [...at, k]));
    }
  }
  if (s.items) {
    out.push({ at: [...at, 0], schema: s.items, required: true });
    out.push(...fieldsOf(s.items, [...at, 0]));
  }
  return out;
}

function pointer(at: (string | number)[]) {
  return `/${at.join('/')}`;
}

function withValue(body: Json, at: (string | number)[], value: Json): Json {
  const copy = structuredClone(body);
  let node = copy as Record<string | number, Json>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[at[at.length - 1]!] = value;
  return copy;
}

/** A value of a JSON type the schema does not admit (coercion traps first). */
function wrongTypeFor(schema: JsonSchema): Json {
  const types = typesOf(schema);
  const candidates: Json[] = [
    types.has('number') ? 'not-a-number' : 12345,
    types.has('object') || types.has('array') ? 'x' : { nested: true },
    types.has('string') ? true : '12',
    ['x'],
  ];
  for (const c of candidates) {
    const t = c === null ? 'null' : Array.isArray(c) ? 'array' : typeof c;
    if (!types.has(t)) return c;
  }
  throw new Error(`no wrong type for ${JSON.stringify(schema)}`);
}

// ---------------------------------------------------------------------------
// The cases.

interface RouteUnderTest {
  method: string;
  path: string;
  operationId: string;
  body: JsonSchema;
  parameters: { in: string; name: string; schema?: JsonSchema }[];
}

interface CaseContext extends SampleContext {
  draftId: string;
}

interface Case {
  name: string;
  /** The request, built once the fixture exists. */
  request(ctx: CaseContext): { payload: string | Buffer; contentType: string };
  /** The status the case must answer, when one status is certain. */
  status?: number;
  code?: string;
  /** A path the problem's `errors` must name (schema failures). */
  errorPath?: string;
}

const ROUTES: RouteUnderTest[] = Object.entries(DOC.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([, op]) => op.requestBody)
    .map(([method, op]) => {
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (!body)
        throw new Error(`${method} ${path}: requestBody without an application/json schema`);
      return {
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        body,
        parameters: op.parameters ?? [],
      };
    }),
);

function urlOf(route: RouteUnderTest, ctx: CaseContext): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (route.path.startsWith('/api/v1/delivery-orders/')) return ctx.draftId;
    if (route.path.startsWith('/api/v1/products/')) return ctx.productId;
    if (route.path.startsWith('/api/v1/cooperatives/') && name === 'id') return ctx.coopId;
    if (name === 'orgId') return ctx.coopId;
    const param = route.parameters.find((p) => p.in === 'path' && p.name === name);
    if (param?.schema) return String(sample(param.schema, name, ctx));
    throw new Error(`no value for {${name}} in ${route.path}`);
  });
}

function casesOf(route: RouteUnderTest): Case[] {
  const json = (make: (base: Json, ctx: CaseContext) => Json) => (ctx: CaseContext) => ({
    payload: JSON.stringify(make(sample(route.body, 'body', ctx), ctx)),
    contentType: 'application/json',
  });
  const top = resolve(route.body);
  const cases: Case[] = [
    {
      name: 'broken JSON',
      request: () => ({ payload: '{"a":', contentType: 'application/json' }),
      status: 400,
      code: 'ValidationFailed',
    },
    {
      name: 'text/plain body',
      request: () => ({ payload: 'x', contentType: 'text/plain' }),
    },
    {
      name: 'application/xml body',
      request: () => ({ payload: '<sale/>', contentType: 'application/xml' }),
      status: 415,
      code: 'UnsupportedMediaType',
    },
    {
      name: 'empty JSON body',
      request: () => ({ payload: '', contentType: 'application/json' }),
      status: 400,
      code: 'ValidationFailed',
    },
    {
      name: '__proto__ key',
      request: (ctx) => ({
        payload: `{"__proto__":{"polluted":true},${JSON.stringify(sample(route.body, 'body', ctx)).slice(1)}`,
        contentType: 'application/json',
      }),
      status: 400,
      code: 'ValidationFailed',
    },
    {
      name: 'body over its limit',
      request: () => ({
        payload: LARGE_BODY_ROUTES.has(route.operationId) ? OVER_SCAN_LIMIT : OVER_1MIB,
        contentType: 'application/json',
      }),
      status: 413,
      code: 'PayloadTooLarge',
    },
    {
      name: 'unknown extra top-level field',
      request: json((base) => ({ ...(base as Record<string, Json>), unexpectedField: 'x' })),
      status: 400,
      code: 'ValidationFailed',
      errorPath: '/unexpectedField',
    },
  ];
  if ((top.required ?? []).length > 0) {
    cases.push({
      name: 'empty object {}',
      request: json(() => ({})),
      status: 400,
      code: 'ValidationFailed',
    });
  }
  for (const field of fieldsOf(route.body)) {
    const p = pointer(field.at);
    const types = typesOf(field.schema);
    cases.push({
      name: `wrong type at ${p}${field.required ? '' : ' (optional)'}`,
      request: json((base) => withValue(base, field.at, wrongTypeFor(field.schema))),
      status: 400,
      code: 'ValidationFailed',
      errorPath: p,
    });
    if (field.required) {
      cases.push({
        name: `null at ${p}`,
        request: json((base) => withValue(base, field.at, null)),
        status: 400,
        code: 'ValidationFailed',
        errorPath: p,
      });
    }
    if (types.has('integer')) {
      // A signed quantity (a receipt correction's −/+) takes −1; every other integer here is ≥ 0.
      const signed = field.schema.minimum !== undefined && field.schema.minimum < 0;
      for (const [label, value] of [
        ...(signed ? [] : ([['negative', -1]] as const)),
        ['fractional', 1.5],
        ['1e20', 1e20],
        ['2**53', 2 ** 53],
      ] as const) {
        cases.push({
          name: `${label} integer at ${p}`,
          request: json((base) => withValue(base, field.at, value)),
          status: 400,
          code: 'ValidationFailed',
          errorPath: p,
        });
      }
    }
    // A 200 KB string is malformed wherever a field is capped below it (not the scan's base64).
    if (types.has('string') && (field.schema.maxLength ?? 0) < KB200.length) {
      cases.push({
        name: `200 KB string at ${p}`,
        request: json((base) => withValue(base, field.at, KB200)),
        status: 400,
        code: 'ValidationFailed',
        errorPath: p,
      });
    }
  }
  if (route.operationId === 'recordSales') {
    cases.push({
      name: '2,000-sale batch',
      request: json((base) => {
        const one = (base as { sales: Json[] }).sales[0] as Record<string, Json>;
        return { sales: Array.from({ length: 2000 }, () => ({ ...one, id: randomUUID() })) };
      }),
      status: 400,
      code: 'ValidationFailed',
      errorPath: '/sales',
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  code?: unknown;
  errors?: { path: string; message: string }[];
}

function problemCodes(): Set<string> {
  const problem = DOC.components?.schemas
    ? Object.values(DOC.components.schemas).find((s) => {
        const props = resolve(s).properties ?? {};
        return props.code && props.title && props.status && props.detail;
      })
    : undefined;
  const code = problem ? resolve(problem).properties?.code : undefined;
  const out = new Set<string>();
  const collect = (s: JsonSchema) => {
    const r = resolve(s);
    for (const v of r.enum ?? []) if (typeof v === 'string') out.add(v);
    if (typeof r.const === 'string') out.add(r.const);
    for (const b of [...(r.anyOf ?? []), ...(r.oneOf ?? [])]) collect(b);
  };
  if (code) collect(code);
  return out;
}

const CODES = problemCodes();

describe('the route table of the served OpenAPI document', () => {
  it('has the operations with a body and a closed list of problem codes', () => {
    const ids = ROUTES.map((r) => r.operationId);
    for (const id of [
      'login',
      'createCooperative',
      'createParticipation',
      'createUser',
      'createProduct',
      'createGoodsReceipt',
      'createDeliveryOrder',
      'dispatchDeliveryOrder',
      'receiveDeliveryOrder',
      'recordSales',
      'createReturn',
      'createStockCount',
      'closeSettlementPeriod',
      'recordPayment',
      'runMonthlySubsidy',
    ])
      expect(ids).toContain(id);
    for (const code of ['ValidationFailed', 'NotFound', 'PayloadTooLarge'])
      expect(CODES).toContain(code);
  });
});

for (const engine of ENGINES) {
  describe(`malformed input on ${engine}: 4xx problem, no write`, () => {
    let f: HttpFixture;
    let ctx: CaseContext;
    let tables: string[];
    let before: Record<string, number>;

    const counts = async (): Promise<Record<string, number>> => {
      // Positional aliases: the database's camel-case plugin would rename snake_case ones.
      const select = tables.map((name, i) => `(select count(*) from "${name}") as c${i}`);
      const { rows } = await sql
        .raw<Record<string, number | string>>(`select ${select.join(', ')}`)
        .execute(f.t.db);
      const row = rows[0] ?? {};
      return Object.fromEntries(tables.map((name, i) => [name, Number(row[`c${i}`])]));
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const served = (
        await f.app.inject({ method: 'GET', url: '/api/openapi.json' })
      ).json<OpenApiDoc>();
      expect(Object.keys(served.paths)).toEqual(Object.keys(DOC.paths));
      const draft = await f.app.inject({
        method: 'POST',
        url: '/api/v1/delivery-orders',
        headers: bearer(f.tokens.hubAdmin),
        payload: { cooperativeId: f.n.coopA.id, lines: [{ productId: f.n.gula1.id, qty: 1 }] },
      });
      expect(draft.statusCode, draft.body).toBe(201);
      ctx = {
        coopId: f.n.coopA.id,
        productId: f.n.gula1.id,
        draftId: draft.json<{ id: string }>().id,
      };
      const existing = (await f.t.db.introspection.getTables()).map((t) => t.name);
      for (const name of WATCHED_TABLES) expect(existing).toContain(name);
      tables = existing.filter((n) => !UNWATCHED_TABLES.has(n) && !n.startsWith('kysely_'));
      before = await counts();
      expect(Object.keys(before)).toEqual(expect.arrayContaining(WATCHED_TABLES));
      for (const [name, n] of Object.entries(before)) expect(n, name).toBeGreaterThanOrEqual(0);
      expect(before.delivery_order).toBeGreaterThan(0);
    });
    afterAll(async () => {
      await f?.close();
    });

    for (const route of ROUTES) {
      describe(`${route.operationId} (${route.method} ${route.path})`, () => {
        for (const c of casesOf(route)) {
          it(c.name, async () => {
            const { payload, contentType } = c.request(ctx);
            const pre = await counts();
            const res = await f.app.inject({
              method: route.method as InjectOptions['method'],
              url: urlOf(route, ctx),
              headers: { ...bearer(f.tokens.hubAdmin), 'content-type': contentType },
              payload,
            });
            const what = `${route.method} ${route.path} — ${c.name}: ${res.statusCode} ${res.body.slice(0, 500)}`;
            expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, what).toBeLessThan(500);
            if (c.status) expect(res.statusCode, what).toBe(c.status);
            expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json\b/);
            const problem = res.json<ProblemBody>();
            expect(problem.code, what).toMatch(/^(?:[A-Z][a-z0-9]+)+$/);
            expect([...CODES], what).toContain(problem.code);
            if (c.code) expect(problem.code, what).toBe(c.code);
            expect(typeof problem.title === 'string' && problem.title.length > 0, what).toBe(true);
            expect(typeof problem.detail === 'string' && problem.detail.length > 0, what).toBe(
              true,
            );
            expect(problem.status, what).toBe(res.statusCode);
            if (c.errorPath) {
              // Only the broken field is named: the rest of the body is valid.
              const paths = (problem.errors ?? []).map((e) => e.path);
              expect(paths.length, what).toBeGreaterThan(0);
              expect(
                paths.every((p) => p === c.errorPath || p.startsWith(`${c.errorPath}/`)),
                `${what}\nerrors should name only ${c.errorPath}, got ${JSON.stringify(paths)}`,
              ).toBe(true);
            }
            for (const leak of LEAKS)
              expect(res.body.toLowerCase(), `${what}\nleaks "${leak}"`).not.toContain(leak);
            expect(await counts(), `${what}\nwrote rows`).toEqual(pre);
          });
        }
      });
    }

    it('left the database unchanged and the draft a draft', async () => {
      expect(await counts()).toEqual(before);
      const order = await f.app.inject({
        method: 'GET',
        url: `/api/v1/delivery-orders/${ctx.draftId}`,
        headers: bearer(f.tokens.hubAdmin),
      });
      expect(order.statusCode).toBe(200);
      expect(order.json<{ status: string }>().status).toBe('draft');
    });
  });
}
