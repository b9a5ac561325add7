import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { newId } from '../core/shared/ids.ts';
import { insertMany } from './batch.ts';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { probeDialect, routingContext, routingViolations } from './partition-probe.ts';
import { partitionTenantTables, tenantCatalog } from './tenant-partitions.ts';

// The routing probe of `npm run test:routing`, on PostgreSQL with the tenant tables hash-partitioned.
describe.runIf(ENGINES.includes('postgres'))(
  'tenant routing probe (postgres, 16 hash partitions)',
  () => {
    let t: TestDatabase;
    let h: DatabaseHandle;
    /** Two organizations whose rows land in different hash partitions. */
    let orgs: [string, string];
    const inOperation = <T>(operationId: string, work: () => Promise<T>) =>
      routingContext.run({ operationId }, work);

    beforeAll(async () => {
      t = await createTestDatabase('postgres');
      h = openDatabase(t.url, { wrapDialect: probeDialect });
      await h.db.transaction().execute((trx) => partitionTenantTables(trx, 16));
      const ids = Array.from({ length: 8 }, () => newId());
      await insertMany(
        h.db,
        'organization',
        ids.map((id, i) => ({
          id,
          kind: 'employer' as const,
          name: `Org ${i}`,
          status: 'active' as const,
          createdAt: '2026-12-07T03:00:00.000Z',
        })),
      );
      await insertMany(
        h.db,
        'documentSequence',
        ids.map((orgId) => ({ orgId, kind: 'SJ' as const, year: 2026, lastNumber: 1 })),
      );
      const where = await sql<{ orgId: string; part: string }>`
        select org_id, tableoid::regclass::text as part from document_sequence`.execute(h.db);
      const first = where.rows[0]!;
      const other = where.rows.find((r) => r.part !== first.part)!;
      orgs = [first.orgId, other.orgId];
    });
    afterAll(async () => {
      await h?.close();
      await t?.close();
    });

    it('partitions every tenant table by org_id, and leaves the reference tables whole', async () => {
      const catalog = await tenantCatalog(h.db);
      expect(catalog.tenant).toEqual(expect.arrayContaining(['sale', 'journal_line', 'member']));
      expect(catalog.other.map((o) => o.table)).toEqual(
        expect.arrayContaining(['organization', 'location', 'product', 'membership']),
      );
      const parts = await sql<{ n: number }>`
        select count(*)::int as n from pg_inherits where inhparent = 'sale'::regclass`.execute(
        h.db,
      );
      expect(parts.rows[0]?.n).toBe(16);
    });

    it('catches a statement that reaches several tenants, and passes one routed by org_id', async () => {
      await inOperation('routedRead', () =>
        h.db.selectFrom('documentSequence').selectAll().where('orgId', '=', orgs[0]).execute(),
      );
      await inOperation('crossTenantRead', () =>
        h.db.selectFrom('documentSequence').selectAll().where('kind', '=', 'SJ').execute(),
      );
      await inOperation('crossTenantUpdate', () =>
        h.db
          .updateTable('documentSequence')
          .set({ lastNumber: 2 })
          .where('orgId', 'in', orgs)
          .execute(),
      );
      const found = routingViolations();
      expect(found.routedRead).toBeUndefined();
      expect(found.crossTenantRead?.[0]?.tables).toEqual({ document_sequence: 16 });
      expect(found.crossTenantUpdate?.[0]?.tables).toEqual({ document_sequence: 2 });
    });

    it('counts the organizations of an insert, and the batch path writes one statement per tenant', async () => {
      await inOperation('crossTenantInsert', () =>
        h.db
          .insertInto('documentSequence')
          .values(orgs.map((orgId) => ({ orgId, kind: 'TK' as const, year: 2026, lastNumber: 1 })))
          .execute(),
      );
      await inOperation('batchInsert', () =>
        insertMany(
          h.db,
          'documentSequence',
          orgs.map((orgId) => ({ orgId, kind: 'PB' as const, year: 2026, lastNumber: 1 })),
        ),
      );
      const found = routingViolations();
      expect(found.crossTenantInsert?.[0]?.tables).toEqual({ document_sequence: 2 });
      expect(found.batchInsert).toBeUndefined();
    });
  },
);
