import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

interface Line {
  accountCode: string;
  debit: number;
  credit: number;
}

/**
 * A cooperative's manager keeps its books by hand where the commands do not:
 * opening balances and expenses on the accounts open to manual posting. The
 * fixture's clock is 10 March 2026 (WIB).
 */
for (const engine of ENGINES) {
  describe(`manual journal entries over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const coop = () => f.n.coopA.id;
    const record = (body: object, user: UserKey = 'managerA', orgId = coop()) =>
      callAs(f, user, 'POST', `/api/v1/orgs/${orgId}/ledger/entries`, body);
    const entry = (memo: string, lines: Line[], date = '2026-03-02') => ({
      id: randomUUID(),
      date,
      memo,
      lines,
    });
    const dr = (accountCode: string, amount: number): Line => ({
      accountCode,
      debit: amount,
      credit: 0,
    });
    const cr = (accountCode: string, amount: number): Line => ({
      accountCode,
      debit: 0,
      credit: amount,
    });
    /** The trial balance's accounts as `code: debit − credit`. */
    const balances = async (orgId = coop()) => {
      const res = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${orgId}/ledger/trial-balance`);
      expect(res.statusCode, res.body).toBe(200);
      const tb = res.json() as { accounts: { code: string; debit: number; credit: number }[] };
      return Object.fromEntries(tb.accounts.map((a) => [a.code, a.debit - a.credit]));
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(async () => {
      await f?.close();
    });

    it('the manager opens the bank balance and pays the electricity: the trial balance moves, the entry is audited', async () => {
      const opening = entry('Saldo awal bank dari pembukuan lama', [
        dr('1102', 10_000_000),
        cr('3201', 10_000_000),
      ]);
      expect((await record(opening)).statusCode).toBe(201);
      const bill = entry('Listrik dan air kantor Februari', [
        dr('5102', 450_000),
        cr('1102', 450_000),
      ]);
      const res = await record(bill);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: bill.id,
        date: '2026-03-02',
        memo: 'Listrik dan air kantor Februari',
        lines: [
          {
            accountCode: '5102',
            accountName: 'Beban Listrik, Air dan Telepon',
            debit: 450_000,
            credit: 0,
          },
          { accountCode: '1102', accountName: 'Bank', debit: 0, credit: 450_000 },
        ],
        totalDebit: 450_000,
        totalCredit: 450_000,
      });
      // Bank 10.000.000 − 450.000 = 9.550.000 on the debit side; hibah 10.000.000 on the credit side.
      expect(await balances()).toMatchObject({
        '1102': 9_550_000,
        '5102': 450_000,
        '3201': -10_000_000,
      });
      await expect
        .poll(async () => (await auditEventsOf(f, 'recordJournalEntry')).map((e) => e.targetId))
        .toEqual(expect.arrayContaining([opening.id, bill.id]));

      // The books' journal shows the manual entries alone when asked for that kind.
      const list = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/orgs/${coop()}/ledger/entries?documentType=manual_entry`,
      );
      expect(list.json().items.map((e: { documentId: string }) => e.documentId)).toEqual(
        expect.arrayContaining([opening.id, bill.id]),
      );
      // And the journal hledger reads carries it.
      const journal = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${coop()}/ledger/journal`);
      expect(journal.statusCode).toBe(200);
      expect(journal.body).toContain('Listrik dan air kantor Februari');
    });

    it('the same entry sent again is the first one (200, nothing posted twice); other content under its id → 409', async () => {
      const fuel = entry('Bensin pengantaran', [dr('5104', 75_000), cr('1102', 75_000)]);
      expect((await record(fuel)).statusCode).toBe(201);
      const before = await balances();
      const again = await record(fuel);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: fuel.id, totalDebit: 75_000 });
      expect(await balances()).toEqual(before);
      const other = await record({ ...fuel, lines: [dr('5104', 80_000), cr('1102', 80_000)] });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('IdempotencyConflict');
    });

    it('an unbalanced entry is refused with both totals, and nothing is posted', async () => {
      const before = await balances();
      const res = await record(
        entry('Gaji Februari', [dr('5101', 1_500_000), cr('1101', 1_400_000)]),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('UnbalancedEntry');
      expect(res.json().detail).toContain('Rp 1.500.000');
      expect(res.json().detail).toContain('Rp 1.400.000');
      expect(await balances()).toEqual(before);
    });

    it('accounts the commands keep are refused by name: consignment payable 2101, commission 4101, depreciation 5105', async () => {
      for (const code of ['2101', '4101', '5105']) {
        const res = await record(entry('Koreksi', [dr(code, 10_000), cr('1101', 10_000)]));
        expect(res.statusCode, code).toBe(422);
        expect(res.json().code).toBe('AccountNotManual');
        expect(res.json().detail).toContain(code);
      }
      const unknown = await record(entry('Koreksi', [dr('9999', 10_000), cr('1101', 10_000)]));
      expect(unknown.json().code).toBe('AccountNotManual');
      // A line is a debit or a credit, not both.
      const both = await record(
        entry('Koreksi', [{ accountCode: '5106', debit: 5_000, credit: 5_000 }, cr('1101', 0)]),
      );
      expect(both.statusCode).toBe(400);
      expect(both.json().code).toBe('ValidationFailed');
    });

    it('the chart lists which accounts take manual entries', async () => {
      const res = await callAs(f, 'govViewer', 'GET', `/api/v1/orgs/${coop()}/ledger/accounts`);
      expect(res.statusCode, res.body).toBe(200);
      const manual = Object.fromEntries(
        (res.json().items as { code: string; manual: boolean }[]).map((a) => [a.code, a.manual]),
      );
      expect(manual).toMatchObject({
        '1101': true,
        '1509': true,
        '5102': true,
        '2101': false,
        '3101': false,
        '4101': false,
        '5105': false,
      });
    });

    it("only the cooperative's manager records its entries; a hub admin records the hub's own", async () => {
      const body = () => entry('Alat tulis', [dr('5106', 20_000), cr('1101', 20_000)]);
      expect((await record(body(), 'cashierA')).statusCode).toBe(403);
      expect((await record(body(), 'managerB')).statusCode).toBe(403);
      expect((await record(body(), 'hubAdmin')).statusCode).toBe(403);
      const hub = f.n.hub.id;
      const own = await record(
        entry('Setoran modal awal hub', [dr('1102', 50_000_000), cr('3101', 50_000_000)]),
        'hubAdmin',
        hub,
      );
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json().lines[1]).toMatchObject({ accountCode: '3101', accountName: 'Modal' });
      expect((await record(body(), 'managerA', hub)).statusCode).toBe(403);
    });

    it('the manager reverses a mistaken entry: its mirror takes the figures back, once', async () => {
      const wrong = entry('Sewa gudang Maret (salah)', [
        dr('5103', 2_000_000),
        cr('1102', 2_000_000),
      ]);
      expect((await record(wrong)).statusCode).toBe(201);
      const before = await balances();
      const reverse = () =>
        callAs(f, 'managerA', 'POST', `/api/v1/documents/manual_entry/${wrong.id}/reverse`, {
          id: randomUUID(),
          reason: 'Sewa dibayar oleh hub, bukan koperasi',
        });
      const res = await reverse();
      expect(res.statusCode, res.body).toBe(201);
      const after = await balances();
      expect(after['5103'] ?? 0).toBe((before['5103'] ?? 0) - 2_000_000);
      expect(after['1102']).toBe(before['1102']! + 2_000_000);
      const twice = await reverse();
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('AlreadyReversed');
    });
  });
}
