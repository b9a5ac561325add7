import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../test/helpers/network.ts';
import { stockHub, deliverGula } from '../../test/helpers/deliveries.ts';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { recordSales, type SaleInput } from '../core/consignment/index.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { getMemberSavings, getSavingsRules, listSavingsArrears } from '../core/members/index.ts';
import { findOfficers } from '../core/network/index.ts';
import { addDays, daysBetween } from '../core/shared/business-date.ts';
import { newId } from '../core/shared/ids.ts';
import { demoSavingsRules } from './member-plan.ts';
import { demoMembers } from './seed-members.ts';

for (const engine of ENGINES) {
  describe(`the demo's members on ${engine}`, () => {
    it('seeds members with officers, pays their savings, bills wajib monthly, and names them on sales; the books verify', async () => {
      const t = await createTestDatabase(engine);
      try {
        const now = '2026-12-03T13:00:00Z';
        const n = await buildNetwork(t.db, { now: '2026-10-20T03:00:00Z' });
        await stockHub(t.db, n, 400);
        await deliverGula(t.db, n, 300, 300);
        const today = '2026-12-03';
        const start = addDays(today, -40);
        const members = demoMembers({ start, today }, n.ctx);
        const coops = [
          { org: n.coopA, index: 0, size: 1.2 },
          { org: n.coopB, index: 1, size: 0.5 },
        ];
        n.clock.set(`${start}T01:00:00Z`);
        await t.db.transaction().execute((trx) => members.prepare(trx, coops));
        const sales: SaleInput[] = [];
        for (let d = 0; d <= daysBetween(start, today); d++) {
          const date = addDays(start, d);
          n.clock.set(date === today ? now : `${date}T13:00:00Z`);
          await t.db.transaction().execute((trx) => members.day(trx, date));
          for (let k = 0; k < 5; k++)
            sales.push({
              id: newId(),
              occurredAt: `${date}T0${k + 1}:00:00Z`,
              paymentMethod: 'cash',
              ...members.purchaser(n.coopA.id, date),
              lines: [{ productId: n.gula1.id, qty: 1, unitPrice: 17_500 }],
            });
        }
        await t.db.transaction().execute((trx) => recordSales(trx, n.ctx, n.coopA.id, sales));

        let joinedDuring = 0;
        for (const { org, index } of coops) {
          const rows = await t.db
            .selectFrom('member')
            .select(['id', 'memberNo', 'joinedOn', 'status', 'role', 'name'])
            .where('orgId', '=', org.id)
            .orderBy('memberNo')
            .execute();
          expect(rows.length).toBeGreaterThanOrEqual(50);
          expect(rows.length).toBeLessThanOrEqual(400);
          // Numbered in the order they joined.
          expect(rows.map((r) => r.joinedOn)).toEqual(rows.map((r) => r.joinedOn).sort());
          joinedDuring += rows.filter((r) => r.joinedOn >= start).length;
          // The four officers are members holding their role, on the cooperative's officer list.
          const officers = await findOfficers(t.db, org.id);
          for (const role of ['ketua', 'sekretaris', 'bendahara', 'pengawas'] as const) {
            const holder = rows.find((r) => r.role === role)!;
            expect(officers.find((o) => o.role === role)).toMatchObject({
              memberId: holder.id,
              name: holder.name,
            });
          }
          const rules = await getSavingsRules(t.db, n.clock, org.id);
          expect(rules.current).toMatchObject(demoSavingsRules(index));
          // Most paid their pokok; wajib was billed for the three months of the history.
          const savings = await Promise.all(
            rows.slice(0, 40).map((r) => getMemberSavings(t.db, n.clock, org.id, r.id)),
          );
          const paid = savings.filter((s) => s.pokok === rules.current!.pokok).length;
          expect(paid).toBeGreaterThan(30);
          const months = await t.db
            .selectFrom('wajibBill')
            .select('month')
            .distinct()
            .where('orgId', '=', org.id)
            .execute();
          expect(months.map((m) => m.month).sort()).toEqual(['2026-10', '2026-11', '2026-12']);
          // One in ten to one in four owes wajib today.
          const arrears = await listSavingsArrears(t.db, n.clock, org.id);
          const active = rows.filter((r) => r.status === 'active').length;
          expect(arrears.items.length).toBeGreaterThanOrEqual(active * 0.08);
          expect(arrears.items.length).toBeLessThanOrEqual(active * 0.25);
        }

        // A few joined during the history (on their day, through createMember).
        expect(joinedDuring).toBeGreaterThan(0);

        // About 40 % of the sales name a member; each kept as a member's sale.
        const named = await t.db
          .selectFrom('sale')
          .select(['memberId', 'memberDiscrepancy'])
          .where('orgId', '=', n.coopA.id)
          .execute();
        const share = named.filter((s) => s.memberId).length / named.length;
        expect(share).toBeGreaterThan(0.3);
        expect(share).toBeLessThan(0.5);
        expect(named.filter((s) => s.memberDiscrepancy)).toEqual([]);
        expect(members.summary.memberSales).toBe(named.filter((s) => s.memberId).length);

        expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        await t.close();
      }
    }, 120_000);
  });
}
