import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';
import { pdfText } from '../helpers/pdf.ts';
import { insertMember, savingsEntryOf, savingsInBooks } from '../helpers/savings.ts';

interface Savings {
  pokok: number;
  wajib: number;
  sukarela: number;
  wajibArrears: number;
  pokokDue: number;
  transactions: {
    id: string;
    kind: string;
    direction: string;
    amount: number;
    balanceAfter: number;
  }[];
}

/**
 * A member's simpanan over HTTP, KDKMP A (clock: 10 March 2026, 10:00 WIB):
 * the AD/ART's pokok Rp 100.000 and wajib Rp 10.000 a month from 1 January;
 * Siti joined on 15 January. Each deposit and withdrawal posts the
 * documented entry in the cooperative's books, and the books hold exactly
 * what the members saved.
 */
for (const engine of ENGINES) {
  describe(`members' savings over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let coop: string;
    let siti: string;
    const base = () => `/api/v1/cooperatives/${coop}`;
    const save = (body: object, user: UserKey = 'cashierA', member = siti) =>
      callAs(f, user, 'POST', `${base()}/members/${member}/savings`, body);
    const savingsOf = async (member = siti, user: UserKey = 'managerA') => {
      const res = await callAs(f, user, 'GET', `${base()}/members/${member}/savings`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Savings;
    };
    const facts = async () => ({
      lines: (await f.t.db.selectFrom('journalLine').select('entryId').execute()).length,
      transactions: (await f.t.db.selectFrom('savingsTransaction').select('id').execute()).length,
      savings: await savingsOf(),
    });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      coop = f.n.coopA.id;
      siti = await insertMember(f.t.db, coop, {
        memberNo: '0001',
        name: 'Siti Aminah',
        joinedOn: '2026-01-15',
        phone: '0812-3456-7890',
      });
      const rules = await callAs(f, 'managerA', 'PUT', `${base()}/savings-rules`, {
        effectiveFrom: '2026-01-01',
        pokok: 100_000,
        wajibMonthly: 10_000,
      });
      expect(rules.statusCode, rules.body).toBe(200);
    });
    afterAll(() => f.close());

    it('the rules in force are read by the cashier; a later rule replaces nothing before its date', async () => {
      const later = await callAs(f, 'managerA', 'PUT', `${base()}/savings-rules`, {
        effectiveFrom: '2026-07-01',
        pokok: 150_000,
        wajibMonthly: 15_000,
      });
      expect(later.statusCode, later.body).toBe(200);
      const res = await callAs(f, 'cashierA', 'GET', `${base()}/savings-rules`);
      expect(res.json()).toEqual({
        current: { effectiveFrom: '2026-01-01', pokok: 100_000, wajibMonthly: 10_000 },
        history: [
          { effectiveFrom: '2026-07-01', pokok: 150_000, wajibMonthly: 15_000 },
          { effectiveFrom: '2026-01-01', pokok: 100_000, wajibMonthly: 10_000 },
        ],
      });
      await expect.poll(async () => (await auditEventsOf(f, 'setSavingsRules')).length).toBe(2);
    });

    it('deposits and a withdrawal post the documented entries; a replay answers the same, other content under the id is a conflict', async () => {
      const cases = [
        { kind: 'pokok', method: 'cash', amount: 100_000, dr: '1101', cr: '3101' },
        { kind: 'wajib', method: 'qris', amount: 10_000, dr: '1102', cr: '3102' },
        { kind: 'sukarela', method: 'transfer', amount: 50_000, dr: '1102', cr: '2102' },
        { kind: 'sukarela', method: 'payroll', amount: 20_000, dr: '1202', cr: '2102' },
      ];
      for (const c of cases) {
        const id = newId();
        const body = { id, kind: c.kind, direction: 'deposit', amount: c.amount, method: c.method };
        const res = await save({ ...body, date: '2026-03-02' });
        expect(res.statusCode, res.body).toBe(201);
        expect(await savingsEntryOf(f.t.db, coop, id)).toEqual([
          { accountCode: c.dr, debit: c.amount, credit: 0, entryDate: '2026-03-02' },
          { accountCode: c.cr, debit: 0, credit: c.amount, entryDate: '2026-03-02' },
        ]);
      }
      const id = newId();
      const out = { id, kind: 'sukarela', direction: 'withdrawal', amount: 30_000, method: 'cash' };
      const res = await save(out, 'managerA');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id,
        memberId: siti,
        kind: 'sukarela',
        direction: 'withdrawal',
        amount: 30_000,
        date: '2026-03-10',
        method: 'cash',
        balance: { pokok: 100_000, wajib: 10_000, sukarela: 40_000 },
      });
      expect(await savingsEntryOf(f.t.db, coop, id)).toEqual([
        { accountCode: '2102', debit: 30_000, credit: 0, entryDate: '2026-03-10' },
        { accountCode: '1101', debit: 0, credit: 30_000, entryDate: '2026-03-10' },
      ]);
      const before = await facts();
      const again = await save(out, 'managerA');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(res.json());
      const other = await save({ ...out, amount: 30_001 }, 'managerA');
      expect([other.statusCode, other.json().code]).toEqual([409, 'IdempotencyConflict']);
      expect(await facts()).toEqual(before);
    });

    it("the member's savings: balances, what is still due, transactions newest first with each kind's balance after; equal to the books", async () => {
      const s = await savingsOf(siti, 'cashierA');
      expect(s).toMatchObject({ pokok: 100_000, wajib: 10_000, sukarela: 40_000, pokokDue: 0 });
      expect(s.transactions.map((t) => [t.kind, t.direction, t.amount, t.balanceAfter])).toEqual([
        ['sukarela', 'withdrawal', 30_000, 40_000],
        ['sukarela', 'deposit', 20_000, 70_000],
        ['sukarela', 'deposit', 50_000, 50_000],
        ['wajib', 'deposit', 10_000, 10_000],
        ['pokok', 'deposit', 100_000, 100_000],
      ]);
      expect(await savingsInBooks(f.t.db, coop, siti)).toBe(s.pokok + s.wajib + s.sukarela);
    });

    it('refuses what the rules forbid, each with its reason, and changes nothing', async () => {
      const before = await facts();
      const refused: [object, UserKey, number, string][] = [
        // Pokok is paid once, up to the pokok in force.
        [
          { kind: 'pokok', direction: 'deposit', amount: 1, method: 'cash' },
          'cashierA',
          422,
          'SavingsRuleExceeded',
        ],
        // Only sukarela is withdrawn while a member.
        [
          { kind: 'wajib', direction: 'withdrawal', amount: 1, method: 'cash' },
          'managerA',
          409,
          'InvalidState',
        ],
        [
          { kind: 'sukarela', direction: 'deposit', amount: 1, method: 'cash', date: '2026-03-11' },
          'cashierA',
          422,
          'DateInFuture',
        ],
        [
          { kind: 'sukarela', direction: 'deposit', amount: 1, method: 'cash', date: '2026-01-14' },
          'cashierA',
          400,
          'ValidationFailed',
        ],
        [
          { kind: 'sukarela', direction: 'deposit', amount: 0, method: 'cash' },
          'cashierA',
          400,
          'ValidationFailed',
        ],
        [
          { kind: 'sukarela', direction: 'withdrawal', amount: 1, method: 'qris' },
          'managerA',
          400,
          'ValidationFailed',
        ],
      ];
      for (const [body, user, status, code] of refused) {
        const res = await save({ id: newId(), ...body }, user);
        expect({ body, status: res.statusCode, code: res.json().code }).toEqual({
          body,
          status,
          code,
        });
      }
      const pokok = await save({
        id: newId(),
        kind: 'pokok',
        direction: 'deposit',
        amount: 1,
        method: 'cash',
      });
      expect(pokok.json().detail).toContain('Rp 0');
      expect(await facts()).toEqual(before);
    });

    it('a withdrawal over the balance is refused (409 InsufficientSavings) and changes nothing: balances, books, audit', async () => {
      const before = await facts();
      const id = newId();
      const res = await save(
        { id, kind: 'sukarela', direction: 'withdrawal', amount: 40_001, method: 'cash' },
        'managerA',
      );
      expect([res.statusCode, res.json().code]).toEqual([409, 'InsufficientSavings']);
      expect(res.json().detail).toContain('Rp 40.000');
      // A back-dated withdrawal may not take an earlier day below zero either.
      const early = await save(
        {
          id: newId(),
          kind: 'sukarela',
          direction: 'withdrawal',
          amount: 1,
          method: 'cash',
          date: '2026-03-01',
        },
        'managerA',
      );
      expect([early.statusCode, early.json().code]).toEqual([409, 'InsufficientSavings']);
      expect(await facts()).toEqual(before);
      // The trail is written in order: once a later deposit is in it, the refusal would be too.
      const later = newId();
      await save({ id: later, kind: 'sukarela', direction: 'deposit', amount: 1, method: 'cash' });
      await expect
        .poll(async () => (await auditEventsOf(f, 'recordSavings')).map((e) => e.targetId))
        .toContain(later);
      expect((await auditEventsOf(f, 'recordSavings')).map((e) => e.targetId)).not.toContain(id);
    });

    it('access: the cashier deposits but withdraws nothing, another cooperative reaches nothing, the hub admin only reads', async () => {
      const before = await facts();
      const out = {
        id: newId(),
        kind: 'sukarela',
        direction: 'withdrawal',
        amount: 1,
        method: 'cash',
      };
      const cashier = await save(out, 'cashierA');
      expect([cashier.statusCode, cashier.json().code]).toEqual([403, 'Forbidden']);
      const deposit = {
        id: newId(),
        kind: 'sukarela',
        direction: 'deposit',
        amount: 1,
        method: 'cash',
      };
      for (const user of ['managerB', 'hubAdmin', 'hubStaff', 'govViewer'] as const)
        expect({ user, status: (await save(deposit, user)).statusCode }).toEqual({
          user,
          status: 403,
        });
      expect(await facts()).toEqual(before);
      const paths = ['savings', 'passbook.pdf'].map((p) => `${base()}/members/${siti}/${p}`);
      for (const path of [...paths, `${base()}/savings/arrears`, `${base()}/savings-rules`]) {
        expect((await callAs(f, 'hubAdmin', 'GET', path)).statusCode).toBe(200);
        for (const user of ['managerB', 'hubStaff', 'govViewer'] as const)
          expect({ path, user, status: (await callAs(f, user, 'GET', path)).statusCode }).toEqual({
            path,
            user,
            status: 403,
          });
      }
      expect((await callAs(f, 'cashierA', 'GET', `${base()}/savings/arrears`)).statusCode).toBe(
        403,
      );
      const rules = { effectiveFrom: '2026-01-01', pokok: 1, wajibMonthly: 1 };
      for (const user of ['hubAdmin', 'cashierA', 'managerB'] as const)
        expect((await callAs(f, user, 'PUT', `${base()}/savings-rules`, rules)).statusCode).toBe(
          403,
        );
    });

    it('the passbook PDF: the member, every transaction and the balances, whose total is the books’', async () => {
      const res = await callAs(f, 'cashierA', 'GET', `${base()}/members/${siti}/passbook.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      const text = pdfText(res.rawPayload);
      const s = await savingsOf();
      const total = s.pokok + s.wajib + s.sukarela;
      expect(total).toBe(await savingsInBooks(f.t.db, coop, siti));
      for (const words of [
        'KDKMP Simpang IV Sipin',
        'Buku Simpanan Anggota',
        '0001',
        'Siti Aminah',
        '1571014101900001',
        '02-03-2026',
        'Setoran potong gaji',
        'Penarikan tunai',
        'Jumlah simpanan',
        `Rp ${total.toLocaleString('id-ID')}`,
        'Rp 100.000',
      ])
        expect(text).toContain(words);
    });
  });
}
