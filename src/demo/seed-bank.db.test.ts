import { describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { isoWeekday } from '../core/shared/business-date.ts';
import { fixedClock } from '../core/shared/clock.ts';
import {
  findBankDemoFile,
  importBankStatement,
  listBankLines,
  listSupplierInvoices,
} from '../core/treasury/index.ts';
import { UNIMPORTED_DAYS, supplierPayDay } from './seed-bank.ts';
import { seedDemo } from './seed-demo.ts';

for (const engine of ENGINES) {
  describe(`the demo's bank statement on ${engine}`, () => {
    // 45 days up to 4 December 2026 (WIB): October's statements are paid in November, by transfer
    // mostly; the demo imported its statement up to 24 November.
    it('the demo imported its transfers; its whole file adds only the last days, once', async () => {
      const t = await createTestDatabase(engine);
      try {
        const clock = fixedClock('2026-12-03T17:30:00Z');
        await seedDemo(t.db, { days: 45, realClock: clock });
        const hub = await t.db
          .selectFrom('organization')
          .select('id')
          .where('kind', '=', 'hub')
          .executeTakeFirstOrThrow();
        const transfers = await t.db
          .selectFrom('payment')
          .select(['reference', 'receivedOn'])
          .where('method', '=', 'transfer')
          .execute();
        expect(transfers.length).toBeGreaterThan(10);
        expect(transfers.every((p) => p.receivedOn <= '2026-11-24')).toBe(true);
        const matched = (await listBankLines(t.db, hub.id, { status: 'matched', limit: 500 }))
          .items;
        expect(matched.filter((l) => l.direction === 'credit')).toHaveLength(transfers.length);
        // A few transfers came without a reference: the demo's finance desk matched them by hand.
        expect(matched.some((l) => !/LMB\d{11}/.test(l.remark))).toBe(true);
        // The hub paid its supplier by transfer in its Friday runs: each debit recorded as that payment.
        const paid = await t.db.selectFrom('supplierPayment').selectAll().execute();
        expect(paid.length).toBeGreaterThanOrEqual(2);
        expect(paid.every((p) => p.method === 'transfer' && p.paidOn <= '2026-11-24')).toBe(true);
        expect(paid.every((p) => isoWeekday(p.paidOn) === 5)).toBe(true);
        const debits = matched.filter((l) => l.direction === 'debit');
        expect(debits.map((l) => l.supplierPaymentId).sort()).toEqual(paid.map((p) => p.id).sort());
        // What is still open was not due by the last imported run (nothing paid late before it).
        const open = await listSupplierInvoices(t.db, clock, hub.id, { status: 'open' });
        expect(open.length).toBeGreaterThan(0);
        expect(open.every((i) => supplierPayDay(i.dueDate) > '2026-11-24')).toBe(true);

        const file = await findBankDemoFile(t.db, hub.id);
        expect(file?.content).toMatch(/^\{1:F01BMRIIDJAXXX/);
        const ctx = { clock, actor: { userId: 'newcomer', role: 'hub_admin' } };
        const bytes = Buffer.from(file!.content);
        const first = await t.db
          .transaction()
          .execute((trx) => importBankStatement(trx, ctx, hub.id, { bytes }));
        const stored = await t.db.selectFrom('bankLine').select('lineDate').execute();
        const old = stored.filter((l) => l.lineDate <= '2026-11-24').length;
        expect(first.duplicates).toBe(old);
        expect(first.lines - first.duplicates).toBeGreaterThanOrEqual(2);
        expect(first.unmatched).toBeGreaterThanOrEqual(2);
        // The newcomer's days hold the Friday supplier debits left to record as payments.
        const queue = (await listBankLines(t.db, hub.id, { status: 'unmatched', limit: 500 }))
          .items;
        const toSupplier = queue.filter(
          (l) => l.direction === 'debit' && /^PEMBAYARAN KE/.test(l.remark),
        );
        expect(toSupplier.length).toBeGreaterThanOrEqual(1);
        expect(toSupplier.length).toBeLessThanOrEqual(2);
        expect(UNIMPORTED_DAYS).toBe(10);
        const again = await t.db
          .transaction()
          .execute((trx) => importBankStatement(trx, ctx, hub.id, { bytes }));
        expect(again).toMatchObject({ matched: 0, unmatched: 0, duplicates: first.lines });
        expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        await t.close();
      }
    }, 600_000);
  });
}
