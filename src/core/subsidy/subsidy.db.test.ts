import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, journalOf, type TestNetwork } from '../../../test/helpers/network.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { getTrialBalance } from '../ledger/index.ts';
import {
  createCooperative,
  createParticipation,
  type OrganizationTable,
} from '../network/index.ts';
import { closeSettlementPeriod } from '../settlement/index.ts';
import { newId } from '../shared/ids.ts';
import {
  findGrantsOfCooperative,
  markSubsidyPaid,
  runMonthlySubsidy,
  type SubsidyItem,
} from './index.ts';

const NO_ACTIVITY = 'Tidak ada penjualan atau stok opname yang dilaporkan bulan ini';
const lateReason = (dueDate: string) =>
  `Tagihan lewat jatuh tempo lebih dari 30 hari per akhir bulan (jatuh tempo ${dueDate})`;

/**
 * Four participants of one hub, January–March 2026: A (payout, from 1 January),
 * B (never reports anything), C (subsidy netted, from 1 January) and D
 * (payout, from 12 January). Consignment prices: gula 1 kg Rp 16.000,
 * gula 50 kg Rp 800.000. In April, E, F and G are entered after the fact,
 * taking part from 16 February, 1 March and 20 March.
 */
for (const engine of ENGINES) {
  describe(`operational subsidy on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let coopC: OrganizationTable;
    let coopD: OrganizationTable;
    let january: Awaited<ReturnType<typeof runMonthlySubsidy>>;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db, { now: '2026-01-02T03:00:00Z' });
    });
    afterAll(async () => {
      try {
        const report = await verifyDatabase(t.db);
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        await t.close();
      }
    });
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    /** Moves the clock to 10:00 WIB of a business date. */
    const on = (date: string) => n.clock.set(`${date}T03:00:00Z`);
    const countRows = async (
      table: 'journalEntry' | 'journalLine' | 'subsidyGrant' | 'subsidyRun',
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const grantOf = async (coopId: string, month: string) =>
      (await findGrantsOfCooperative(t.db, coopId)).find((g) => g.month === month)!;
    const itemOf = (items: SubsidyItem[], coopId: string) =>
      items.find((i) => i.cooperativeId === coopId);
    const consign = async (coopId: string, lines: { productId: string; qty: number }[]) => {
      const d = await tx((db) => createDeliveryOrder(db, n.ctx, { cooperativeId: coopId, lines }));
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, d.id, {
          lines: lines.map((l) => ({ productId: l.productId, qtyReceived: l.qty })),
        }),
      );
    };
    const sell = async (
      coopId: string,
      occurredAt: string,
      line: { productId: string; qty: number; unitPrice: number },
    ) => {
      const id = newId();
      const res = await tx((db) =>
        recordSales(db, n.ctx, coopId, [{ id, occurredAt, paymentMethod: 'cash', lines: [line] }]),
      );
      expect(res).toEqual([{ id, status: 'created' }]);
    };

    it('January: the participants get stock and three of them report sales', async () => {
      coopC = await createCooperative(
        t.db,
        { name: 'KDKMP Teluk Kenali', villageCode: '15.71.01.1003' },
        n.clock,
      );
      coopD = await createCooperative(
        t.db,
        { name: 'KDKMP Telanaipura', villageCode: '15.71.01.1004' },
        n.clock,
      );
      await createParticipation(
        t.db,
        coopC.id,
        {
          hubId: n.hub.id,
          agreementNo: 'PKS/15.71.01.1003',
          startDate: '2026-01-01',
          exposureLimit: 50_000_000,
          subsidyMode: 'net',
        },
        n.clock,
      );
      const pD = await createParticipation(
        t.db,
        coopD.id,
        {
          hubId: n.hub.id,
          agreementNo: 'PKS/15.71.01.1004',
          startDate: '2026-01-12',
          exposureLimit: 50_000_000,
        },
        n.clock,
      );
      expect(pD).toMatchObject({ monthlySubsidy: 2_000_000, subsidyMode: 'payout' });

      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [
            { productId: n.gula1.id, qty: 400, unitCost: 15_000 },
            { productId: n.gula50.id, qty: 10, unitCost: 740_000 },
          ],
        }),
      );
      await consign(n.coopA.id, [{ productId: n.gula1.id, qty: 100 }]);
      await consign(coopC.id, [
        { productId: n.gula50.id, qty: 5 },
        { productId: n.gula1.id, qty: 100 },
      ]);
      on('2026-01-12');
      await consign(coopD.id, [{ productId: n.gula1.id, qty: 50 }]);

      on('2026-01-15');
      await sell(n.coopA.id, '2026-01-15T03:00:00Z', {
        productId: n.gula1.id,
        qty: 10,
        unitPrice: 17_500,
      });
      await sell(coopC.id, '2026-01-15T03:00:00Z', {
        productId: n.gula50.id,
        qty: 3,
        unitPrice: 860_000,
      });
      on('2026-01-20');
      await sell(coopD.id, '2026-01-20T03:00:00Z', {
        productId: n.gula1.id,
        qty: 5,
        unitPrice: 17_500,
      });
    });

    it('a month that has not ended yet cannot be run', async () => {
      n.clock.set('2026-01-31T16:59:00Z'); // 31 January 23:59 WIB
      await expect(
        tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-01' })),
      ).rejects.toMatchObject({ code: 'ValidationFailed' });
      on('2026-02-01');
      await expect(
        tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-02' })),
      ).rejects.toMatchObject({ code: 'ValidationFailed' });
      expect(await countRows('subsidyRun')).toBe(0);
      expect(await countRows('subsidyGrant')).toBe(0);

      // The January statements, issued before the subsidy run.
      const statements = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-01-31' }),
      );
      expect(statements.find((s) => s.orgId === coopC.id)).toMatchObject({
        closingBalance: 2_400_000,
        dueDate: '2026-02-14',
      });
    });

    it('runs January: full amount, none without activity, pro rata for a mid-month start, netted for net mode', async () => {
      on('2026-02-02');
      january = await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-01' }));
      expect(january.created).toBe(true);
      expect(january.items).toHaveLength(4);
      expect(itemOf(january.items, n.coopA.id)).toEqual({
        cooperativeId: n.coopA.id,
        amount: 2_000_000,
        eligible: true,
        status: 'accrued',
        activeDays: 31,
        daysInMonth: 31,
      });
      expect(itemOf(january.items, n.coopB.id)).toEqual({
        cooperativeId: n.coopB.id,
        amount: 0,
        eligible: false,
        reason: NO_ACTIVITY,
        status: 'ineligible',
        activeDays: 31,
        daysInMonth: 31,
      });
      // 12–31 January: 2,000,000 × 20 / 31 = 1,290,322.58… rounded down.
      expect(itemOf(january.items, coopD.id)).toEqual({
        cooperativeId: coopD.id,
        amount: 1_290_322,
        eligible: true,
        status: 'accrued',
        activeDays: 20,
        daysInMonth: 31,
      });
      expect(itemOf(january.items, coopC.id)).toEqual({
        cooperativeId: coopC.id,
        amount: 2_000_000,
        eligible: true,
        status: 'netted',
        activeDays: 31,
        daysInMonth: 31,
      });
    });

    it('an eligible grant posts H: Dr Beban Subsidi / Cr Utang Subsidi and C: Dr Piutang Subsidi / Cr Pendapatan Subsidi at month end', async () => {
      const a = await grantOf(n.coopA.id, '2026-01');
      expect(await journalOf(t.db, n.hub.id, 'subsidy_grant', a.id)).toEqual([
        { account: '5301', cp: undefined, debit: 2_000_000, credit: 0, date: '2026-01-31' },
        { account: '2201', cp: n.coopA.id, debit: 0, credit: 2_000_000, date: '2026-01-31' },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'subsidy_grant', a.id)).toEqual([
        { account: '1201', cp: n.hub.id, debit: 2_000_000, credit: 0, date: '2026-01-31' },
        { account: '4201', cp: undefined, debit: 0, credit: 2_000_000, date: '2026-01-31' },
      ]);
      const d = await grantOf(coopD.id, '2026-01');
      expect(await journalOf(t.db, n.hub.id, 'subsidy_grant', d.id)).toEqual([
        { account: '5301', cp: undefined, debit: 1_290_322, credit: 0, date: '2026-01-31' },
        { account: '2201', cp: coopD.id, debit: 0, credit: 1_290_322, date: '2026-01-31' },
      ]);
      expect(await journalOf(t.db, coopD.id, 'subsidy_grant', d.id)).toEqual([
        { account: '1201', cp: n.hub.id, debit: 1_290_322, credit: 0, date: '2026-01-31' },
        { account: '4201', cp: undefined, debit: 0, credit: 1_290_322, date: '2026-01-31' },
      ]);
    });

    it('an ineligible cooperative gets its reason recorded and nothing in either book', async () => {
      const b = await grantOf(n.coopB.id, '2026-01');
      expect(b).toMatchObject({
        amount: 0,
        eligible: 0,
        reason: NO_ACTIVITY,
        status: 'ineligible',
      });
      expect(await journalOf(t.db, n.hub.id, 'subsidy_grant', b.id)).toEqual([]);
      expect(await journalOf(t.db, n.coopB.id, 'subsidy_grant', b.id)).toEqual([]);
      const entries = await t.db
        .selectFrom('journalEntry')
        .select('id')
        .where('orgId', '=', n.coopB.id)
        .execute();
      expect(entries).toEqual([]);
    });

    it('net mode: granted, then netted at once (H: Dr Utang Subsidi / Cr Piutang Konsinyasi; C: Dr Utang kepada Pengamanat / Cr Piutang Subsidi)', async () => {
      const c = await grantOf(coopC.id, '2026-01');
      expect(c).toMatchObject({ status: 'netted', settledOn: '2026-02-02', amount: 2_000_000 });
      expect(await journalOf(t.db, n.hub.id, 'subsidy_grant', c.id)).toEqual([
        { account: '5301', cp: undefined, debit: 2_000_000, credit: 0, date: '2026-01-31' },
        { account: '2201', cp: coopC.id, debit: 0, credit: 2_000_000, date: '2026-01-31' },
      ]);
      expect(await journalOf(t.db, n.hub.id, 'subsidy_netting', c.id)).toEqual([
        { account: '2201', cp: coopC.id, debit: 2_000_000, credit: 0, date: '2026-02-02' },
        { account: '1201', cp: coopC.id, debit: 0, credit: 2_000_000, date: '2026-02-02' },
      ]);
      expect(await journalOf(t.db, coopC.id, 'subsidy_netting', c.id)).toEqual([
        { account: '2101', cp: n.hub.id, debit: 2_000_000, credit: 0, date: '2026-02-02' },
        { account: '1201', cp: n.hub.id, debit: 0, credit: 2_000_000, date: '2026-02-02' },
      ]);
      await expect(
        tx((db) => markSubsidyPaid(db, n.ctx, coopC.id, { month: '2026-01', reference: 'TRF-X' })),
      ).rejects.toMatchObject({ code: 'InvalidState' });
    });

    it('the books verify while granted subsidies are accrued and not yet transferred', async () => {
      // A (2,000,000) and D (1,290,322) now hold a subsidy receivable from the hub.
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });

    it('running the same month again returns the same items and posts nothing', async () => {
      on('2026-02-03');
      const before = {
        journal: await countRows('journalEntry'),
        grants: await countRows('subsidyGrant'),
        runs: await countRows('subsidyRun'),
      };
      const again = await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-01' }));
      expect(january.newGrants).toBe(4);
      expect(again).toEqual({ ...january, created: false, newGrants: 0 });
      expect({
        journal: await countRows('journalEntry'),
        grants: await countRows('subsidyGrant'),
        runs: await countRows('subsidyRun'),
      }).toEqual(before);
    });

    it('paying out a grant: status paid with the transfer reference, H: Dr Utang Subsidi / Cr Bank, C: Dr Bank / Cr Piutang Subsidi', async () => {
      on('2026-02-05');
      const paid = await tx((db) =>
        markSubsidyPaid(db, n.ctx, n.coopA.id, {
          month: '2026-01',
          reference: ' TRF-BSI-2026-01-0042 ',
        }),
      );
      expect(paid).toMatchObject({ cooperativeId: n.coopA.id, amount: 2_000_000, status: 'paid' });
      const a = await grantOf(n.coopA.id, '2026-01');
      expect(a).toMatchObject({
        status: 'paid',
        paidReference: 'TRF-BSI-2026-01-0042',
        settledOn: '2026-02-05',
      });
      expect(await journalOf(t.db, n.hub.id, 'subsidy_payout', a.id)).toEqual([
        { account: '2201', cp: n.coopA.id, debit: 2_000_000, credit: 0, date: '2026-02-05' },
        { account: '1101', cp: undefined, debit: 0, credit: 2_000_000, date: '2026-02-05' },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'subsidy_payout', a.id)).toEqual([
        { account: '1101', cp: undefined, debit: 2_000_000, credit: 0, date: '2026-02-05' },
        { account: '1201', cp: n.hub.id, debit: 0, credit: 2_000_000, date: '2026-02-05' },
      ]);
    });

    it('paying the same grant again is a no-op', async () => {
      on('2026-02-06');
      const journal = await countRows('journalEntry');
      const again = await tx((db) =>
        markSubsidyPaid(db, n.ctx, n.coopA.id, { month: '2026-01', reference: 'TRF-LAIN-0043' }),
      );
      expect(again).toMatchObject({ amount: 2_000_000, status: 'paid' });
      expect(await grantOf(n.coopA.id, '2026-01')).toMatchObject({
        status: 'paid',
        paidReference: 'TRF-BSI-2026-01-0042',
        settledOn: '2026-02-05',
      });
      expect(await countRows('journalEntry')).toBe(journal);
    });

    it('the netted subsidy is a credit on the next statement', async () => {
      on('2026-02-10');
      await sell(n.coopA.id, '2026-02-10T03:00:00Z', {
        productId: n.gula1.id,
        qty: 5,
        unitPrice: 17_500,
      });
      await sell(coopC.id, '2026-02-10T03:00:00Z', {
        productId: n.gula1.id,
        qty: 20,
        unitPrice: 17_500,
      });
      on('2026-03-01');
      const statements = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-02-28' }),
      );
      const feb = statements.find((s) => s.orgId === coopC.id)!;
      expect(feb).toMatchObject({
        periodStart: '2026-02-01',
        openingBalance: 2_400_000,
        salesAmount: 320_000,
        shrinkageAmount: 0,
        paymentsAmount: 0,
        subsidyNettedAmount: 2_000_000,
        closingBalance: 720_000,
      });
      expect((await grantOf(coopC.id, '2026-01')).statementId).toBe(feb.id);
    });

    it('a statement 14 days past due at month end does not stop the subsidy', async () => {
      on('2026-03-02');
      const feb = await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-02' }));
      // A still owes all of January (due 14 February) on 28 February.
      expect(itemOf(feb.items, n.coopA.id)).toEqual({
        cooperativeId: n.coopA.id,
        amount: 2_000_000,
        eligible: true,
        status: 'accrued',
        activeDays: 28,
        daysInMonth: 28,
      });
      expect(itemOf(feb.items, coopD.id)).toMatchObject({
        amount: 0,
        eligible: false,
        reason: NO_ACTIVITY,
        activeDays: 28,
      });
    });

    it('a statement more than 30 days past due at month end makes the cooperative ineligible', async () => {
      on('2026-03-10');
      await sell(n.coopA.id, '2026-03-10T03:00:00Z', {
        productId: n.gula1.id,
        qty: 5,
        unitPrice: 17_500,
      });
      on('2026-04-01');
      const journal = await countRows('journalEntry');
      const march = await tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month: '2026-03' }));
      // 14 February → 31 March: 45 days.
      expect(itemOf(march.items, n.coopA.id)).toEqual({
        cooperativeId: n.coopA.id,
        amount: 0,
        eligible: false,
        reason: lateReason('2026-02-14'),
        status: 'ineligible',
        activeDays: 31,
        daysInMonth: 31,
      });
      // C: two netted grants (4,000,000) cover all it was billed, but nothing reported in March.
      expect(itemOf(march.items, coopC.id)).toMatchObject({
        amount: 0,
        eligible: false,
        reason: NO_ACTIVITY,
      });
      expect(march.items.every((i) => i.amount === 0)).toBe(true);
      expect(await countRows('journalEntry')).toBe(journal);
    });

    // Issue 15: documents are often entered after the fact, participations too.
    const run = (month: string) => tx((db) => runMonthlySubsidy(db, n.ctx, n.hub.id, { month }));
    const grantRows = (month: string) =>
      t.db
        .selectFrom('subsidyGrant')
        .selectAll()
        .where('month', '=', month)
        .orderBy('orgId')
        .execute();
    const facts = async () => ({
      entries: await countRows('journalEntry'),
      lines: await countRows('journalLine'),
      runs: await countRows('subsidyRun'),
    });
    /** A cooperative entered today, taking part from `startDate`, paid out by transfer. */
    const enter = async (name: string, villageCode: string, startDate: string) => {
      const coop = await createCooperative(t.db, { name, villageCode }, n.clock);
      const agreementNo = `PKS/${villageCode}`;
      await createParticipation(
        t.db,
        coop.id,
        { hubId: n.hub.id, agreementNo, startDate, exposureLimit: 50_000_000 },
        n.clock,
      );
      return coop;
    };
    let coopE: OrganizationTable;
    let februaryAgain: Awaited<ReturnType<typeof runMonthlySubsidy>>;

    it("a participation entered after February's run, from 16 February, gets its pro-rata grant from the next February run; the month's other grants stay as they were", async () => {
      on('2026-04-02');
      coopE = await enter('KDKMP Penyengat Rendah', '15.71.01.1010', '2026-02-16');
      // F takes part from 1 March: nothing for February.
      await enter('KDKMP Pematang Sulur', '15.71.01.1011', '2026-03-01');
      // E's February stock count, entered now.
      await tx((db) =>
        createStockCount(db, n.ctx, coopE.id, {
          id: newId(),
          countedAt: '2026-02-20T03:00:00Z',
          lines: [{ productId: n.gula1.id, qtyCounted: 0 }],
        }),
      );
      const before = await grantRows('2026-02');
      const factsBefore = await facts();

      februaryAgain = await run('2026-02');
      expect(februaryAgain).toMatchObject({
        created: false,
        newGrants: 1,
        runId: before[0]!.runId,
      });
      // 16–28 February: 13 of 28 days. 2,000,000 × 13 / 28 = 928,571.42… rounded down.
      expect(itemOf(februaryAgain.items, coopE.id)).toEqual({
        cooperativeId: coopE.id,
        amount: 928_571,
        eligible: true,
        status: 'accrued',
        activeDays: 13,
        daysInMonth: 28,
      });
      // The answer is the whole month: A, B, C, D as before, and E.
      expect(februaryAgain.items.map((i) => i.cooperativeId).sort()).toEqual(
        [n.coopA.id, n.coopB.id, coopC.id, coopD.id, coopE.id].sort(),
      );
      const after = await grantRows('2026-02');
      expect(after.filter((g) => g.orgId !== coopE.id)).toEqual(before);
      // E's grant: one entry of two lines in each book, at February's end.
      expect(await facts()).toEqual({
        entries: factsBefore.entries + 2,
        lines: factsBefore.lines + 4,
        runs: factsBefore.runs,
      });
      const e = after.find((g) => g.orgId === coopE.id)!;
      expect(e).toMatchObject({ grantedOn: '2026-02-28', status: 'accrued', settledOn: null });
      const books = [
        ...(await journalOf(t.db, n.hub.id, 'subsidy_grant', e.id)),
        ...(await journalOf(t.db, coopE.id, 'subsidy_grant', e.id)),
      ].map((l) => [l.account, l.cp ?? '', l.debit - l.credit, l.date]);
      expect(books).toEqual([
        ['5301', '', 928_571, '2026-02-28'],
        ['2201', coopE.id, -928_571, '2026-02-28'],
        ['1201', n.hub.id, 928_571, '2026-02-28'],
        ['4201', '', -928_571, '2026-02-28'],
      ]);
    });

    it('a third run of February changes nothing', async () => {
      on('2026-04-03');
      const grants = await grantRows('2026-02');
      const factsBefore = await facts();
      expect(await run('2026-02')).toEqual({ ...februaryAgain, newGrants: 0 });
      expect(await grantRows('2026-02')).toEqual(grants);
      expect(await facts()).toEqual(factsBefore);
    });

    it('two runs of one month at once grant each participation once', async () => {
      // G, entered now, from 20 March: March owes E, F and G a decision (none reported anything).
      const coopG = await enter('KDKMP Aur Kenali', '15.71.01.1012', '2026-03-20');
      const march = await Promise.all([run('2026-03'), run('2026-03')]);
      expect(march.map((r) => r.newGrants).sort()).toEqual([0, 3]);
      expect(march[0].items).toEqual(march[1].items);
      expect(itemOf(march[0].items, coopG.id)).toMatchObject({
        amount: 0,
        reason: NO_ACTIVITY,
        activeDays: 12,
      });
      expect(await grantRows('2026-03')).toHaveLength(7);
      // April's first run, twice at once: one run, one grant per participation (A to G).
      on('2026-05-01');
      const april = await Promise.all([run('2026-04'), run('2026-04')]);
      expect(april.map((r) => r.created).sort()).toEqual([false, true]);
      expect(april.map((r) => r.newGrants).sort()).toEqual([0, 7]);
      expect(april[0].runId).toBe(april[1].runId);
      expect(april[0].items).toEqual(april[1].items);
      expect(await grantRows('2026-04')).toHaveLength(7);
      expect(await countRows('subsidyRun')).toBe(4);
    });

    it("both books' trial balances stay balanced", async () => {
      const orgs = await t.db.selectFrom('organization').select(['id', 'kind']).execute();
      const names = async () => new Map<string, string>();
      for (const o of orgs) {
        if (o.kind !== 'hub' && o.kind !== 'cooperative') continue;
        const tb = await getTrialBalance(t.db, o.id, o.kind, undefined, names);
        expect(tb.totalDebit, o.id).toBe(tb.totalCredit);
      }
    });
  });
}
