import type { Kysely } from 'kysely';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../../src/core/consignment/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import type { Database } from '../../src/db/database.ts';
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
