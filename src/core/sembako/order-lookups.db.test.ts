import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it as itOn } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';

/** Each table's indexes as their column lists, in order. */
async function indexColumns(t: TestDatabase, table: string) {
  const rows = await sql<{ name: string; col: string }>`
    select c.relname::text as name, a.attname::text as col
      from pg_index x
      join pg_class c on c.oid = x.indexrelid
      cross join lateral unnest(x.indkey) with ordinality k(attnum, ord)
      join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
     where x.indrelid = ${table}::regclass
     order by c.relname, k.ord`.execute(t.db);
  const out = new Map<string, string[]>();
  for (const r of rows.rows) out.set(r.name, [...(out.get(r.name) ?? []), r.col]);
  return out;
}

/** The indexes whose leading columns (more than the tenant's `org_id`) are all in `key`. */
function sharingPrefix(indexes: Map<string, string[]>, key: string[]) {
  const lead = (cols: string[]) => cols.findIndex((c) => !key.includes(c));
  return [...indexes]
    .filter(([, cols]) => {
      const n = lead(cols);
      return (n === -1 ? cols.length : n) > 1;
    })
    .map(([name]) => name)
    .sort();
}

// Without statistics for a program or month (a roster just imported, the first orders of a
// period) PostgreSQL estimates one row for every index sharing the look-up's leading columns and
// may take the shorter one: then each order reads the whole program's roster or month's orders.
// SQLite's planner prefers the index matching the most columns by equality: nothing to check.
for (const engine of ENGINES) {
  describe(`the look-ups of every order on ${engine}`, () => {
    const it = itOn.skipIf(engine !== 'postgres');
    let t: TestDatabase;
    beforeAll(async () => {
      if (engine === 'postgres') t = await createTestDatabase(engine);
    });
    afterAll(() => t?.close());

    it('a participant by NIP (and the order’s foreign key) has one index leading with its key', async () => {
      const idx = await indexColumns(t, 'sembako_participant');
      expect(sharingPrefix(idx, ['org_id', 'program_id', 'nip'])).toEqual([
        'sembako_participant_pkey',
      ]);
    });

    it("a participant's orders of a month have one index leading with their key", async () => {
      const idx = await indexColumns(t, 'sembako_order');
      expect(sharingPrefix(idx, ['org_id', 'program_id', 'month', 'nip'])).toEqual([
        'sembako_order_participant_idx',
      ]);
    });
  });
}
