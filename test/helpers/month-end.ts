import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../../src/core/consignment/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import type { Database, Engine } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './engines.ts';
import { buildNetwork, type TestNetwork } from './network.ts';

/** 1 December 2026, 02:00 WIB: November has ended, its period close (00:30) and subsidy run (01:00) are due. */
export const AFTER_MONTH_END = '2026-11-30T19:00:00Z';
/** 30 November 2026, 12:00 WIB: the last day of the month. */
export const BEFORE_MONTH_END = '2026-11-30T05:00:00Z';

/**
 * The small test network (the hub, KDKMP A and B taking part monthly since
 * January 2026, Rp 2.000.000 subsidy a month each) with November's business:
 * 100 packs of gula 1 kg consigned to each on 2 November, A sells 10 and
 * B 4 on 20 November. The clock is left on 30 November, 12:00 WIB.
 */
export async function buildMonthEndNetwork(db: Kysely<Database>): Promise<TestNetwork> {
  const n = await buildNetwork(db, { now: '2026-11-02T03:00:00Z' });
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);
  await tx((trx) =>
    createGoodsReceipt(trx, n.ctx, n.hub.id, {
      supplierName: 'PT Gula Nusantara',
      lines: [{ productId: n.gula1.id, qty: 500, unitCost: 15_000 }],
    }),
  );
  for (const coop of [n.coopA, n.coopB]) {
    const lines = [{ productId: n.gula1.id, qty: 100 }];
    const d = await tx((trx) => createDeliveryOrder(trx, n.ctx, { cooperativeId: coop.id, lines }));
    await tx((trx) => dispatchDeliveryOrder(trx, n.ctx, d.id));
    await tx((trx) =>
      receiveDeliveryOrder(trx, n.ctx, d.id, {
        lines: [{ productId: n.gula1.id, qtyReceived: 100 }],
      }),
    );
  }
  n.clock.set('2026-11-20T03:00:00Z');
  for (const [coop, qty] of [
    [n.coopA, 10],
    [n.coopB, 4],
  ] as const)
    await tx((trx) =>
      recordSales(trx, n.ctx, coop.id, [
        {
          id: newId(),
          occurredAt: '2026-11-20T03:00:00Z',
          paymentMethod: 'cash',
          lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
        },
      ]),
    );
  n.clock.set(BEFORE_MONTH_END);
  return n;
}

/** The history, oldest first: job, status, trigger. */
export async function runsOf(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('jobRun')
    .selectAll()
    .orderBy('startedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    name: r.jobName,
    status: r.status,
    trigger: r.trigger,
    result: JSON.parse(r.result) as {
      summary: string;
      changed: number;
      failures: { orgId: string; code: string; message: string }[];
    },
  }));
}

/** A cooperative's statements, by period end. */
export async function statementsOf(db: Kysely<Database>, coopId: string) {
  return db
    .selectFrom('statement')
    .select(['periodStart', 'periodEnd', 'salesAmount', 'closingBalance'])
    .where('orgId', '=', coopId)
    .orderBy('periodEnd')
    .execute();
}

/**
 * What November's month end leaves, run once: one statement of A's and B's November sales each
 * (A 10 and B 4 packs at Rp 16.000), one subsidy run of November and its two grants, each in
 * the audit trail once.
 */
export async function expectNovemberClosedOnce(db: Kysely<Database>, n: TestNetwork) {
  for (const [coop, sales] of [
    [n.coopA, 10 * 16_000],
    [n.coopB, 4 * 16_000],
  ] as const)
    expect(await statementsOf(db, coop.id)).toEqual([
      {
        periodStart: '2026-01-01',
        periodEnd: '2026-11-30',
        salesAmount: sales,
        closingBalance: sales,
      },
    ]);
  expect(await db.selectFrom('subsidyRun').select(['month']).execute()).toEqual([
    { month: '2026-11' },
  ]);
  const grants = await db
    .selectFrom('subsidyGrant')
    .select(['orgId', 'month', 'amount', 'status'])
    .orderBy('orgId')
    .execute();
  expect(grants.sort((a, b) => a.orgId.localeCompare(b.orgId))).toEqual(
    [n.coopA.id, n.coopB.id].sort().map((orgId) => ({
      orgId,
      month: '2026-11',
      amount: 2_000_000,
      status: 'accrued',
    })),
  );
  // Written under the system actor, once each.
  const audit = await db
    .selectFrom('auditEvent')
    .select(['orgId', 'action', 'targetId'])
    .where('actorUserId', '=', 'system:jobs')
    .where('action', 'in', ['closeSettlementPeriod', 'runMonthlySubsidy'])
    .orderBy('action')
    .orderBy('orgId')
    .execute();
  expect(audit).toEqual([
    ...[n.coopA.id, n.coopB.id]
      .sort()
      .map((orgId) => ({ orgId, action: 'closeSettlementPeriod', targetId: '2026-11-30' })),
    { orgId: n.hub.id, action: 'runMonthlySubsidy', targetId: expect.any(String) },
  ]);
}

/**
 * A database of its own with the month-end network, for the `describe` block this is called in
 * (built before its tests, checked by `lumbung verify` and closed after them).
 */
export function monthEndDatabase(engine: Engine): { t: TestDatabase; n: TestNetwork } {
  const s = {} as { t: TestDatabase; n: TestNetwork };
  beforeAll(async () => {
    s.t = await createTestDatabase(engine);
    s.n = await buildMonthEndNetwork(s.t.db);
  });
  afterAll(async () => {
    try {
      const report = await verifyDatabase(s.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    } finally {
      await s.t.close();
    }
  });
  return s;
}
