import { AjvCompiler } from '@fastify/ajv-compiler';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { AJV_OPTIONS, buildApp } from '../../src/http/app.ts';
import { Problem } from '../../src/http/schemas.ts';

/** An example found in a route's schema: where, the schema it illustrates, and the value. */
interface Found {
  where: string;
  schema: unknown;
  example: unknown;
  httpPart: string;
}

/** Every `examples` entry in a schema tree (the schema and its sub-schemas), and media-type `example`s. */
function collect(node: unknown, where: string, httpPart: string, out: Found[]) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((n, i) => collect(n, `${where}[${i}]`, httpPart, out));
    return;
  }
  const o = node as Record<string, unknown>;
  if ('content' in o && o.content && typeof o.content === 'object') {
    for (const [media, m] of Object.entries(o.content as Record<string, Record<string, unknown>>)) {
      if (m.example !== undefined && m.schema)
        out.push({ where: `${where} ${media}`, schema: m.schema, example: m.example, httpPart });
      collect(m.schema, `${where} ${media}`, httpPart, out);
    }
    return;
  }
  if (Array.isArray(o.examples))
    for (const [i, example] of o.examples.entries())
      out.push({ where: `${where} examples[${i}]`, schema: o, example, httpPart });
  for (const [k, v] of Object.entries(o))
    if (k !== 'examples') collect(v, `${where}.${k}`, httpPart, out);
}

describe('the OpenAPI examples', () => {
  const routes: RouteOptions[] = [];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const h = openDatabase(':memory:');
    await migrateToLatest(h.db);
    const app = await buildApp({
      db: h.db,
      engine: 'sqlite',
      version: 'test',
      onRoute: (r) => routes.push(r),
    });
    await app.ready();
    close = async () => {
      await app.close();
      await h.close();
    };
  });
  afterAll(() => close());

  const operations = () =>
    routes.flatMap((r) => {
      const schema = r.schema as Record<string, unknown> | undefined;
      const operationId = schema?.operationId;
      // Fastify adds a HEAD route beside each GET, with the same schema.
      return typeof operationId === 'string' && !schema?.hide && r.method !== 'HEAD'
        ? [{ r, schema: schema!, operationId }]
        : [];
    });

  it('every example validates against its schema with the server’s own validator', () => {
    // The validator the server compiles its route schemas with: @fastify/ajv-compiler, same options.
    const build = AjvCompiler()({ Problem: Problem }, { customOptions: AJV_OPTIONS, plugins: [] });
    const failures: string[] = [];
    let count = 0;
    for (const { r, schema, operationId } of operations()) {
      const found: Found[] = [];
      for (const part of ['body', 'querystring', 'params'] as const)
        collect(schema[part], `${operationId} ${part}`, part, found);
      for (const [status, res] of Object.entries(
        (schema.response ?? {}) as Record<string, unknown>,
      ))
        collect(res, `${operationId} response ${status}`, 'body', found);
      for (const f of found) {
        count++;
        const validate = build({
          schema: f.schema as never,
          method: String(r.method),
          url: r.url,
          httpPart: f.httpPart,
        });
        if (!validate(f.example))
          failures.push(`${f.where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('every operation has an example: its request body where it takes one, else its answer', () => {
    const missing: string[] = [];
    for (const { schema, operationId } of operations()) {
      const found: Found[] = [];
      const body = schema.body as Record<string, unknown> | undefined;
      if (body) collect(body, operationId, 'body', found);
      else
        for (const [status, res] of Object.entries(
          (schema.response ?? {}) as Record<string, unknown>,
        ))
          if (Number(status) < 300) collect(res, operationId, 'body', found);
      // The example of the whole body or answer, not only of a field (e.g. a date pattern's).
      const whole = found.some((f) => !f.where.includes('.'));
      if (!found.length || !whole) missing.push(operationId);
    }
    expect(missing).toEqual([]);
  });
});
