import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../test/helpers/network.ts';
import { findUsersOfOrganizations } from '../core/access/access.repository.ts';
import { createCooperative } from '../core/network/index.ts';
import { findPaymentReferences } from '../core/network/network.repository.ts';
import { findTermsOfCooperatives } from '../core/network/participation.repository.ts';
import { findBilledStatements } from '../core/region/region.repository.ts';
import { findStatementsOfCooperatives } from '../core/settlement/settlement.repository.ts';
import type { StatementTable } from '../core/settlement/settlement.table.ts';
import { selectInChunks, sumInChunks } from './id-lists.ts';

/** More ids than either engine takes parameters in one statement (PostgreSQL 65,535; SQLite 32,766). */
const UNKNOWN_COUNT = 70_000;

for (const engine of ENGINES) {
  describe(`id lists of a national network on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    /**
     * The two cooperatives among 70,000 unknown ids that sort between them, so that
     * each is read by a statement of its own.
     */
    let ids: string[];

    const statement = (orgId: string, periodEnd: string, n0: number): StatementTable => ({
      orgId,
      id: `st-${orgId}-${periodEnd}`,
      number: `TK/JMB/2026/${periodEnd.slice(5, 7)}/${String(n0).padStart(4, '0')}`,
      hubId: n.hub.id,
      periodStart: `${periodEnd.slice(0, 8)}01`,
      periodEnd,
      openingBalance: 0,
      salesAmount: 100_000 * n0,
      shrinkageAmount: 0,
      paymentsAmount: 0,
      subsidyNettedAmount: 0,
      closingBalance: 100_000 * n0,
      dueDate: `${periodEnd.slice(0, 8)}28`,
      issuedAt: `${periodEnd}T10:00:00.000Z`,
    });

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      const [first, last] = [n.coopA.id, n.coopB.id].sort();
      const unknown = Array.from({ length: UNKNOWN_COUNT }, (_, i) => `${first}-tak-dikenal-${i}`);
      ids = [n.coopB.id, ...unknown.slice(0, 35_000), n.coopA.id, ...unknown.slice(35_000)];
      expect(unknown.every((id) => first! < id && id < last!)).toBe(true);
      await t.db
        .insertInto('statement')
        .values([
          statement(n.coopB.id, '2026-02-28', 4),
          statement(n.coopA.id, '2026-02-28', 3),
          statement(n.coopB.id, '2026-01-31', 2),
          statement(n.coopA.id, '2026-01-31', 1),
        ])
        .execute();
    });
    afterAll(() => t.close());

    it('one statement with every id is refused by the engine', async () => {
      await expect(
        t.db.selectFrom('organization').select('id').where('id', 'in', ids).execute(),
      ).rejects.toThrow();
    });

    it('in chunks, the same query finds the known ids among 70,000', async () => {
      const rows = await selectInChunks(ids, (chunk) =>
        t.db.selectFrom('organization').select('id').where('id', 'in', chunk).execute(),
      );
      expect(rows.map((r) => r.id).sort()).toEqual([n.coopA.id, n.coopB.id].sort());
    });

    it('sums per key over chunks add up to the sums of one statement', async () => {
      const byKind = (chunk: string[]) =>
        t.db
          .selectFrom('organization')
          .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
          .where('id', 'in', chunk)
          .groupBy('kind')
          .execute();
      const all = [n.hub.id, n.coopA.id, n.coopB.id];
      const add = (a: { kind: string; n: number }, b: { kind: string; n: number }) => ({
        kind: a.kind,
        n: Number(a.n) + Number(b.n),
      });
      const one = await byKind(all);
      const chunked = await sumInChunks(all, byKind, (r) => r.kind, add, 1);
      const asMap = (rows: { kind: string; n: number }[]) =>
        Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
      expect(asMap(chunked)).toEqual(asMap(one));
      expect(asMap(chunked)).toEqual({ hub: 1, cooperative: 2 });
    });

    it('the period close response finds the payment references of the closed cooperatives', async () => {
      const refs = await findPaymentReferences(t.db, ids);
      const stored = await t.db
        .selectFrom('organization')
        .select(['id', 'paymentReference'])
        .where('id', 'in', [n.coopA.id, n.coopB.id])
        .execute();
      expect(stored.every((r) => r.paymentReference)).toBe(true);
      expect(Object.fromEntries(refs)).toEqual(
        Object.fromEntries(stored.map((r) => [r.id, r.paymentReference])),
      );
    });

    it("the hub's statements of its cooperatives come per cooperative, oldest first", async () => {
      const expected = await findStatementsOfCooperatives(t.db, [n.coopA.id, n.coopB.id]);
      expect(expected).toHaveLength(4);
      expect(await findStatementsOfCooperatives(t.db, ids)).toEqual(expected);
      const upToJanuary = await findStatementsOfCooperatives(t.db, ids, { upTo: '2026-01-31' });
      expect(upToJanuary.map((s) => s.periodEnd)).toEqual(['2026-01-31', '2026-01-31']);
    });

    it("the region overview's billed statements and the participations' terms are read whole", async () => {
      expect(await findBilledStatements(t.db, ids, '2026-12-31')).toEqual(
        await findBilledStatements(t.db, [n.coopA.id, n.coopB.id], '2026-12-31'),
      );
      const terms = await findTermsOfCooperatives(t.db, ids);
      expect(terms.map((v) => v.orgId).sort()).toEqual([n.coopA.id, n.coopB.id].sort());
    });

    it('the users of a network are read through the participations, not a list of ids', async () => {
      const user = (id: string) => ({
        id,
        email: `${id}@uji.test`,
        name: id,
        passwordHash: 'x',
        locale: 'id',
        disabled: 0,
        createdAt: '2026-01-01T00:00:00.000Z',
        phone: null,
      });
      await t.db
        .insertInto('appUser')
        .values([user('pengurus-a'), user('admin-hub'), user('orang-lain')])
        .execute();
      const outside = await createCooperative(
        t.db,
        { name: 'KDKMP Di Luar Jaringan', villageCode: '15.71.01.1003' },
        n.clock,
      );
      await t.db
        .insertInto('membership')
        .values([
          { userId: 'pengurus-a', orgId: n.coopA.id, role: 'coop_manager' },
          { userId: 'admin-hub', orgId: n.hub.id, role: 'hub_admin' },
          { userId: 'orang-lain', orgId: outside.id, role: 'coop_manager' },
        ])
        .execute();
      const viaHub = await findUsersOfOrganizations(t.db, [], [n.hub.id]);
      const listed = await findUsersOfOrganizations(t.db, [n.hub.id, n.coopA.id, n.coopB.id]);
      expect(viaHub).toEqual(listed);
      expect(viaHub.map((u) => u.id).sort()).toEqual(['admin-hub', 'pengurus-a']);
    });
  });
}
