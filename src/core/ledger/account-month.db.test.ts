import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import * as accountMonths from '../../db/migrations/2026_12_07_0800_account_months.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { addDays } from '../shared/business-date.ts';
import { newId } from '../shared/ids.ts';
import { HUB } from './chart-of-accounts.ts';
import { sumAccountTotalUpTo, sumAccountUpTo } from './journal.repository.ts';
import { postJournalEntries } from './post-journal-entry.ts';

const day = fc.integer({ min: 0, max: 150 }).map((d) => addDays('2026-01-01', d));

for (const engine of ENGINES) {
  describe(`each account's month totals, kept with every posting, on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const MONTHS = 'Account month totals equal the sum of their journal lines of the month';
    /** Whether verify's month check holds (the hub-only postings leave the cooperatives' books unmirrored). */
    const monthsHold = async () =>
      (await verifyDatabase(t.db)).checks.find((c) => c.name === MONTHS)!;
    /** Σ of the hub's 1201 lines per cooperative up to `d`, summed from the lines themselves. */
    const direct = async (d: string) => {
      const rows = await t.db
        .selectFrom('journalLine')
        .select(['counterpartyOrgId', 'debit', 'credit'])
        .where('orgId', '=', n.hub.id)
        .where('accountCode', '=', HUB.piutangKonsinyasi)
        .where('entryDate', '<=', d)
        .execute();
      const out = new Map<string, { debit: number; credit: number }>();
      for (const r of rows) {
        const x = out.get(r.counterpartyOrgId) ?? { debit: 0, credit: 0 };
        x.debit += Number(r.debit);
        x.credit += Number(r.credit);
        out.set(r.counterpartyOrgId, x);
      }
      return out;
    };

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
    });
    afterAll(async () => t.close());

    it('sums up to any date as the lines do: whole months kept, the rest of a month from its lines', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              date: day,
              coop: fc.boolean(),
              amount: fc.integer({ min: 1, max: 5_000_000 }),
              paid: fc.boolean(),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          fc.array(day, { minLength: 1, maxLength: 6 }),
          async (postings, dates) => {
            await t.db.transaction().execute((db) =>
              postJournalEntries(
                db,
                postings.map((p) => {
                  const coop = p.coop ? n.coopA.id : n.coopB.id;
                  // A charge (Dr 1201, Cr 4101) or a payment (Dr Bank, Cr 1201).
                  const [dr, cr] = p.paid
                    ? [
                        { account: HUB.bank },
                        { account: HUB.piutangKonsinyasi, counterpartyOrgId: coop },
                      ]
                    : [
                        { account: HUB.piutangKonsinyasi, counterpartyOrgId: coop },
                        { account: HUB.penjualan, counterpartyOrgId: coop },
                      ];
                  return {
                    orgId: n.hub.id,
                    book: 'hub' as const,
                    date: p.date,
                    docType: 'manual_entry' as const,
                    docId: newId(),
                    memo: 'uji',
                    lines: [
                      { ...dr, debit: p.amount },
                      { ...cr, credit: p.amount },
                    ],
                  };
                }),
                new Date('2026-06-01T00:00:00Z'),
              ),
            );
            const kept = await sumAccountUpTo(t.db, n.hub.id, HUB.piutangKonsinyasi, [
              ...dates,
              '2026-02-28',
              '2026-03-31',
            ]);
            const totals = await sumAccountTotalUpTo(t.db, n.hub.id, HUB.piutangKonsinyasi, [
              ...dates,
              '2026-02-28',
            ]);
            for (const d of [...dates, '2026-02-28', '2026-03-31']) {
              const lines = await direct(d);
              expect(Object.fromEntries(kept.get(d)!), d).toEqual(Object.fromEntries(lines));
              if (d === '2026-03-31') continue;
              // The network's total, added up by the database: the same lines summed.
              let debit = 0;
              let credit = 0;
              for (const x of lines.values()) {
                debit += x.debit;
                credit += x.credit;
              }
              expect(totals.get(d), d).toEqual({ debit, credit });
            }
          },
        ),
        { numRuns: 25 },
      );
      expect((await monthsHold()).ok).toBe(true);
    });

    it('lumbung verify names a month whose kept total no longer matches its lines', async () => {
      await t.db
        .updateTable('accountMonth')
        .set({ debit: 1 })
        .where('orgId', '=', n.hub.id)
        .where('accountCode', '=', HUB.piutangKonsinyasi)
        .where('month', '=', '2026-02')
        .execute();
      const check = await monthsHold();
      expect(check.ok).toBe(false);
      // One problem per cooperative's February row of 1201, each naming its month and kept debit.
      expect(check.problems.length).toBeGreaterThan(0);
      for (const p of check.problems)
        expect(p).toMatch(
          new RegExp(`^${n.hub.id}\\|${HUB.piutangKonsinyasi}\\|.*\\|2026-02: kept Dr 1 `),
        );
    });

    it('the migration fills the months of lines posted before it from the lines themselves', async () => {
      await accountMonths.down(t.db);
      await accountMonths.up(t.db);
      expect((await monthsHold()).ok).toBe(true);
    });
  });
}
