import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createReturn,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
  type SaleInput,
} from '../src/core/consignment/index.ts';
import {
  correctDeliveryReceipt,
  refundSale,
  reverseDocument,
  type ReversibleDocType,
} from '../src/core/corrections/index.ts';
import { verifyDatabase } from '../src/core/integrity/index.ts';
import { getMemberSavings, recordSavings, setSavingsRules } from '../src/core/members/index.ts';
import { closeSettlementPeriod, recordPayment } from '../src/core/settlement/index.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../src/core/shared/business-date.ts';
import { todayWib } from '../src/core/shared/clock.ts';
import { isDomainError } from '../src/core/shared/errors.ts';
import { newId } from '../src/core/shared/ids.ts';
import { runMonthlySubsidy } from '../src/core/subsidy/index.ts';
import { ENGINES, createTestDatabase } from './helpers/engines.ts';
import { buildNetwork } from './helpers/network.ts';
import { insertMember } from './helpers/savings.ts';

/** Refusals a user can meet; anything else thrown is a bug. */
const EXPECTED = new Set([
  'InsufficientStock',
  'ExposureLimitExceeded',
  'ShippingHold',
  'InvalidState',
  'IdempotencyConflict',
  'ValidationFailed',
  'PriceAboveCeiling',
  'ReversalBlocked',
  'AlreadyReversed',
  'InsufficientSavings',
  'SavingsRuleExceeded',
]);

const arbSaleLine = fc.record({
  product: fc.integer({ min: 0, max: 2 }),
  qty: fc.integer({ min: 1, max: 8 }),
  overCeiling: fc.boolean(),
});
const arbCommand = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    product: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: 1, max: 200 }),
    cost: fc.integer({ min: 10_000, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant('dispatch' as const),
    coop: fc.integer({ min: 0, max: 1 }),
    product: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('receive' as const),
    pick: fc.nat(),
    short: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('sales' as const),
    coop: fc.integer({ min: 0, max: 1 }),
    sales: fc.array(fc.array(arbSaleLine, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 5,
    }),
    replay: fc.nat(),
    conflict: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('return' as const),
    coop: fc.integer({ min: 0, max: 1 }),
    product: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('count' as const),
    coop: fc.integer({ min: 0, max: 1 }),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    coop: fc.integer({ min: 0, max: 1 }),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
    replay: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), replay: fc.boolean() }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    qty: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
  }),
  // A member's deposit or withdrawal; `over` asks for more than the balance (or the pokok due).
  fc.record({
    kind: fc.constant('savings' as const),
    member: fc.integer({ min: 0, max: 3 }),
    saving: fc.constantFrom('pokok' as const, 'wajib' as const, 'sukarela' as const),
    withdraw: fc.boolean(),
    over: fc.boolean(),
    amount: fc.integer({ min: 1, max: 300_000 }),
    method: fc.constantFrom(
      'cash' as const,
      'qris' as const,
      'transfer' as const,
      'payroll' as const,
    ),
    replay: fc.boolean(),
  }),
);

async function countFacts(db: Awaited<ReturnType<typeof createTestDatabase>>['db']) {
  const [l, m, s, v] = await Promise.all([
    db
      .selectFrom('journalLine')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('stockMove')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sale')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('savingsTransaction')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { lines: Number(l.n), moves: Number(m.n), sales: Number(s.n), savings: Number(v.n) };
}

for (const engine of ENGINES) {
  describe(`invariants under random command sequences on ${engine}`, () => {
    it(
      'verify passes, replays change nothing, receivables equal documents, stock equals movements',
      { timeout: 600_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(arbCommand, { minLength: 5, maxLength: 35 }),
            async (commands) => {
              const t = await createTestDatabase(engine);
              try {
                const n = await buildNetwork(t.db, {
                  exposureLimit: 3_000_000,
                  now: '2026-01-05T03:00:00Z',
                });
                const coops = [n.coopA, n.coopB];
                const products = [n.gula1, n.gula50, n.minyak];
                const ceilings = [17_500, 875_000, 15_700];
                const dispatched: string[] = [];
                const sent: { coopId: string; sale: SaleInput }[] = [];
                const payments: { coopId: string; input: Parameters<typeof recordPayment>[3] }[] =
                  [];
                const tx = <T>(fn: (db: typeof t.db) => Promise<T>) =>
                  t.db.transaction().execute(fn);
                /** Every document posted, for random reversals. */
                const posted: { docType: ReversibleDocType; docId: string }[] = [];
                const hubAdmin = {
                  userId: 'test-admin',
                  memberships: [{ orgId: n.hub.id, role: 'hub_admin' }],
                };
                /** Two members per cooperative, and what each has saved (the model). */
                const members: { coopId: string; id: string; saved: Record<string, number> }[] = [];
                for (const coop of coops) {
                  await tx((db) =>
                    setSavingsRules(db, n.ctx, coop.id, {
                      effectiveFrom: '2026-01-01',
                      pokok: 100_000,
                      wajibMonthly: 10_000,
                    }),
                  );
                  for (const no of ['0001', '0002'])
                    members.push({
                      coopId: coop.id,
                      id: await insertMember(t.db, coop.id, {
                        memberNo: no,
                        name: `Anggota ${no}`,
                        joinedOn: '2026-01-01',
                      }),
                      saved: { pokok: 0, wajib: 0, sukarela: 0 },
                    });
                }
                const attempt = async (fn: () => Promise<unknown>) => {
                  try {
                    await fn();
                  } catch (e) {
                    if (!isDomainError(e) || !EXPECTED.has(e.code)) throw e;
                  }
                };
                /** A command sent again with the same id and body must leave every fact as it was. */
                const unchanged = async (fn: () => Promise<unknown>) => {
                  const before = await countFacts(t.db);
                  await fn();
                  expect(await countFacts(t.db)).toEqual(before);
                };

                for (const c of commands) {
                  switch (c.kind) {
                    case 'receipt': {
                      const gr = await tx((db) =>
                        createGoodsReceipt(db, n.ctx, n.hub.id, {
                          supplierName: 'PT Uji',
                          lines: [
                            { productId: products[c.product]!.id, qty: c.qty, unitCost: c.cost },
                          ],
                        }),
                      );
                      posted.push({ docType: 'goods_receipt', docId: gr.id });
                      break;
                    }
                    case 'dispatch': {
                      const d = await tx((db) =>
                        createDeliveryOrder(db, n.ctx, {
                          cooperativeId: coops[c.coop]!.id,
                          lines: [{ productId: products[c.product]!.id, qty: c.qty }],
                        }),
                      );
                      await attempt(async () => {
                        await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
                        dispatched.push(d.id);
                      });
                      break;
                    }
                    case 'receive': {
                      if (dispatched.length === 0) break;
                      const id = dispatched.splice(c.pick % dispatched.length, 1)[0]!;
                      const lines = await t.db
                        .selectFrom('deliveryOrderLine')
                        .select(['productId', 'qty'])
                        .where('deliveryOrderId', '=', id)
                        .execute();
                      await tx((db) =>
                        receiveDeliveryOrder(db, n.ctx, id, {
                          lines: lines.map((l) => ({
                            productId: l.productId,
                            qtyReceived: Math.max(0, l.qty - c.short),
                          })),
                        }),
                      );
                      posted.push({ docType: 'delivery_receipt', docId: id });
                      break;
                    }
                    case 'sales': {
                      const coopId = coops[c.coop]!.id;
                      const batch: SaleInput[] = c.sales.map((lines) => ({
                        id: newId(),
                        occurredAt: n.clock.now().toISOString(),
                        paymentMethod: 'cash',
                        lines: lines
                          .map((l, i) => ({
                            productId: products[(l.product + i) % 3]!.id,
                            qty: l.qty,
                            unitPrice: ceilings[(l.product + i) % 3]! + (l.overCeiling ? 100 : 0),
                          }))
                          .filter(
                            (l, i, all) => all.findIndex((x) => x.productId === l.productId) === i,
                          ),
                      }));
                      const res = await tx((db) => recordSales(db, n.ctx, coopId, batch));
                      res.forEach((r, i) => {
                        if (r.status === 'created') {
                          sent.push({ coopId, sale: batch[i]! });
                          posted.push({ docType: 'sale', docId: batch[i]!.id });
                        } else expect(r.code).toBe('PriceAboveCeiling');
                      });
                      if (sent.length) {
                        const old = sent[c.replay % sent.length]!;
                        await unchanged(async () =>
                          expect(
                            (await tx((db) => recordSales(db, n.ctx, old.coopId, [old.sale])))[0]!
                              .status,
                          ).toBe('duplicate'),
                        );
                        if (c.conflict) {
                          const other = {
                            ...old.sale,
                            lines: old.sale.lines.map((l) => ({ ...l, qty: l.qty + 1 })),
                          };
                          await unchanged(async () =>
                            expect(
                              (await tx((db) => recordSales(db, n.ctx, old.coopId, [other])))[0],
                            ).toMatchObject({ status: 'rejected', code: 'IdempotencyConflict' }),
                          );
                        }
                      }
                      break;
                    }
                    case 'return': {
                      const id = newId();
                      await attempt(async () => {
                        await tx((db) =>
                          createReturn(db, n.ctx, coops[c.coop]!.id, {
                            id,
                            reason: 'Rusak',
                            lines: [{ productId: products[c.product]!.id, qty: c.qty }],
                          }),
                        );
                        posted.push({ docType: 'return', docId: id });
                      });
                      break;
                    }
                    case 'count': {
                      const coopId = coops[c.coop]!.id;
                      const store = await t.db
                        .selectFrom('location')
                        .select('id')
                        .where('orgId', '=', coopId)
                        .where('kind', '=', 'store')
                        .executeTakeFirstOrThrow();
                      const stock = await t.db
                        .selectFrom('stockBalance')
                        .select(['productId', 'qty'])
                        .where('locationId', '=', store.id)
                        .execute();
                      if (stock.length === 0) break;
                      const countId = newId();
                      posted.push({ docType: 'stock_count', docId: countId });
                      await tx((db) =>
                        createStockCount(db, n.ctx, coopId, {
                          id: countId,
                          countedAt: n.clock.now().toISOString(),
                          lines: stock.map((s) => ({
                            productId: s.productId,
                            qtyCounted: Math.max(0, s.qty + c.delta),
                          })),
                        }),
                      );
                      break;
                    }
                    case 'payment': {
                      const coopId = coops[c.coop]!.id;
                      const input = {
                        id: newId(),
                        amount: c.amount,
                        method: 'transfer' as const,
                        reference: 'uji',
                      };
                      await tx((db) => recordPayment(db, n.ctx, coopId, input));
                      payments.push({ coopId, input });
                      posted.push({ docType: 'payment', docId: input.id });
                      if (c.replay) {
                        const old = payments[c.amount % payments.length]!;
                        await unchanged(() =>
                          tx((db) => recordPayment(db, n.ctx, old.coopId, old.input)),
                        );
                        await unchanged(() =>
                          attempt(() =>
                            tx((db) =>
                              recordPayment(db, n.ctx, old.coopId, {
                                ...old.input,
                                amount: old.input.amount + 1,
                              }),
                            ),
                          ),
                        );
                      }
                      break;
                    }
                    case 'days': {
                      const before = todayWib(n.clock);
                      n.clock.set(
                        new Date(n.clock.now().getTime() + c.days * 86_400_000).toISOString(),
                      );
                      const today = todayWib(n.clock);
                      // Every month end passed: close the period, then run the subsidy of that month.
                      for (
                        let m = monthOf(before);
                        lastDayOfMonth(m) < today;
                        m = addMonths(m, 1)
                      ) {
                        if (lastDayOfMonth(m) < before) continue;
                        await tx((db) =>
                          closeSettlementPeriod(db, n.ctx, n.hub.id, {
                            periodEnd: lastDayOfMonth(m),
                          }),
                        );
                        const run = await tx((db) =>
                          runMonthlySubsidy(db, n.ctx, n.hub.id, { month: m }),
                        );
                        const grants = await t.db
                          .selectFrom('subsidyGrant')
                          .select('id')
                          .where('runId', '=', run.runId)
                          .where('amount', '>', 0)
                          .where('status', '<>', 'ineligible')
                          .execute();
                        for (const g of grants)
                          posted.push({ docType: 'subsidy_grant', docId: g.id });
                      }
                      break;
                    }
                    case 'reverse': {
                      if (posted.length === 0) break;
                      const doc = posted[c.pick % posted.length]!;
                      const input = { id: newId(), ...doc, reason: 'Uji pembatalan acak' };
                      const before = await countFacts(t.db);
                      let done = false;
                      await attempt(async () => {
                        await tx((db) => reverseDocument(db, n.ctx, hubAdmin, input));
                        done = true;
                      });
                      // A refused reversal (blocked, already reversed) writes nothing.
                      if (!done) expect(await countFacts(t.db)).toEqual(before);
                      // A reversed receipt: the order can be received again.
                      if (done && doc.docType === 'delivery_receipt') dispatched.push(doc.docId);
                      if (done && c.replay)
                        await unchanged(async () =>
                          expect(
                            await tx((db) => reverseDocument(db, n.ctx, hubAdmin, input)),
                          ).toMatchObject({ created: false }),
                        );
                      break;
                    }
                    case 'refund': {
                      if (sent.length === 0) break;
                      const { coopId, sale } = sent[c.pick % sent.length]!;
                      const before = await countFacts(t.db);
                      let done = false;
                      await attempt(async () => {
                        await tx((db) =>
                          refundSale(db, n.ctx, hubAdmin, coopId, sale.id, {
                            id: newId(),
                            reason: 'Uji pengembalian acak',
                            method: 'cash',
                            lines: [{ productId: sale.lines[0]!.productId, quantity: c.qty }],
                          }),
                        );
                        done = true;
                      });
                      if (!done) expect(await countFacts(t.db)).toEqual(before);
                      break;
                    }
                    case 'correct': {
                      const receipts = posted.filter((p) => p.docType === 'delivery_receipt');
                      if (receipts.length === 0) break;
                      const orderId = receipts[c.pick % receipts.length]!.docId;
                      const line = await t.db
                        .selectFrom('deliveryOrderLine')
                        .select(['productId'])
                        .where('deliveryOrderId', '=', orderId)
                        .executeTakeFirstOrThrow();
                      const before = await countFacts(t.db);
                      let done = false;
                      await attempt(async () => {
                        await tx((db) =>
                          correctDeliveryReceipt(db, n.ctx, hubAdmin, orderId, {
                            id: newId(),
                            reason: 'Uji koreksi acak',
                            lines: [{ productId: line.productId, quantity: c.delta }],
                          }),
                        );
                        done = true;
                      });
                      if (!done) expect(await countFacts(t.db)).toEqual(before);
                      break;
                    }
                    case 'savings': {
                      const m = members[c.member]!;
                      const saved = m.saved[c.saving]!;
                      const due = c.saving === 'pokok' && !c.withdraw ? 100_000 - saved : Infinity;
                      const room = c.withdraw ? saved : due;
                      const amount =
                        c.over || room === 0 ? room + c.amount : Math.min(c.amount, room);
                      const input = {
                        id: newId(),
                        kind: c.saving,
                        direction: c.withdraw ? ('withdrawal' as const) : ('deposit' as const),
                        amount: amount === Infinity ? c.amount : amount,
                        method:
                          c.withdraw && ['qris', 'payroll'].includes(c.method) ? 'cash' : c.method,
                      } as const;
                      const before = await countFacts(t.db);
                      let done = false;
                      await attempt(async () => {
                        await tx((db) => recordSavings(db, n.ctx, m.coopId, m.id, input));
                        done = true;
                      });
                      // Only sukarela leaves while a member, never beyond the balance; pokok up to the rule.
                      const allowed =
                        (!c.withdraw || c.saving === 'sukarela') && input.amount <= room;
                      expect({ done, input, room }).toEqual({ done: allowed, input, room });
                      if (!done) expect(await countFacts(t.db)).toEqual(before);
                      else {
                        m.saved[c.saving] = saved + (c.withdraw ? -input.amount : input.amount);
                        if (c.replay)
                          await unchanged(async () =>
                            expect(
                              await tx((db) => recordSavings(db, n.ctx, m.coopId, m.id, input)),
                            ).toMatchObject({ created: false }),
                          );
                      }
                      break;
                    }
                  }
                }
                // Each member's balances are what they deposited less what they withdrew.
                for (const m of members) {
                  const s = await getMemberSavings(t.db, n.clock, m.coopId, m.id);
                  expect({ pokok: s.pokok, wajib: s.wajib, sukarela: s.sukarela }).toEqual(m.saved);
                }
                const report = await verifyDatabase(t.db);
                expect(report.checks.filter((c) => !c.ok)).toEqual([]);
                // Replays made no second sale: one row per accepted id.
                expect((await countFacts(t.db)).sales).toBe(sent.length);
              } finally {
                await t.close();
              }
            },
          ),
          { numRuns: engine === 'sqlite' ? 40 : 12 },
        );
      },
    );
  });
}
