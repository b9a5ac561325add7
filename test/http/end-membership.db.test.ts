import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';
import { insertMember, savingsEntryOf, savingsInBooks } from '../helpers/savings.ts';

/**
 * The end of a membership, KDKMP A (clock: 10 March 2026): Siti (joined 15
 * January) has paid pokok Rp 100.000, wajib Rp 10.000 and has Rp 40.000
 * sukarela; Budi (joined 1 February) has saved nothing yet.
 */
for (const engine of ENGINES) {
  describe(`ending a membership over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let coop: string;
    let siti: string;
    let budi: string;
    const base = () => `/api/v1/cooperatives/${coop}`;
    const save = (body: object, user: UserKey = 'cashierA', member = siti) =>
      callAs(f, user, 'POST', `${base()}/members/${member}/savings`, body);
    const savingsOf = async (member = siti) => {
      const res = await callAs(f, 'managerA', 'GET', `${base()}/members/${member}/savings`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { pokok: number; wajib: number; sukarela: number };
    };
    const facts = async () => ({
      lines: (await f.t.db.selectFrom('journalLine').select('entryId').execute()).length,
      transactions: (await f.t.db.selectFrom('savingsTransaction').select('id').execute()).length,
      members: await f.t.db
        .selectFrom('member')
        .select(['id', 'status', 'leftOn'])
        .orderBy('id')
        .execute(),
    });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      coop = f.n.coopA.id;
      siti = await insertMember(f.t.db, coop, {
        memberNo: '0001',
        name: 'Siti Aminah',
        joinedOn: '2026-01-15',
      });
      budi = await insertMember(f.t.db, coop, {
        memberNo: '0002',
        name: 'Budi Santoso',
        joinedOn: '2026-02-01',
      });
      const rules = await callAs(f, 'managerA', 'PUT', `${base()}/savings-rules`, {
        effectiveFrom: '2026-01-01',
        pokok: 100_000,
        wajibMonthly: 10_000,
      });
      expect(rules.statusCode, rules.body).toBe(200);
      for (const [kind, amount, date] of [
        ['pokok', 100_000, '2026-01-15'],
        ['wajib', 10_000, '2026-02-02'],
        ['sukarela', 40_000, '2026-03-02'],
      ] as const) {
        const res = await save({
          id: newId(),
          kind,
          direction: 'deposit',
          amount,
          date,
          method: 'cash',
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    });
    afterAll(() => f.close());

    it('the end date may not come before the last savings transaction', async () => {
      const before = await facts();
      const res = await callAs(f, 'managerA', 'POST', `${base()}/members/${siti}/end`, {
        id: newId(),
        status: 'left',
        date: '2026-03-01',
        method: 'cash',
        reason: 'Pindah',
      });
      expect([res.statusCode, res.json().code]).toEqual([400, 'ValidationFailed']);
      expect(await facts()).toEqual(before);
    });

    it('ending the membership pays every balance back, after which the member saves no more; a retry answers the same', async () => {
      const s = await savingsOf();
      const body = {
        id: newId(),
        status: 'left',
        method: 'transfer',
        reason: 'Pindah ke Muaro Jambi',
      };
      const end = (b: object) => callAs(f, 'managerA', 'POST', `${base()}/members/${siti}/end`, b);
      expect(
        (await callAs(f, 'cashierA', 'POST', `${base()}/members/${siti}/end`, body)).statusCode,
      ).toBe(403);
      const res = await end(body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        memberId: siti,
        status: 'left',
        leftOn: '2026-03-10',
        total: s.pokok + s.wajib + s.sukarela,
      });
      const withdrawals = res.json().withdrawals as { id: string; kind: string; amount: number }[];
      expect(withdrawals.map((w) => [w.kind, w.amount])).toEqual([
        ['pokok', s.pokok],
        ['wajib', s.wajib],
        ['sukarela', s.sukarela],
      ]);
      expect(await savingsEntryOf(f.t.db, coop, withdrawals[0]!.id)).toEqual([
        { accountCode: '3101', debit: s.pokok, credit: 0, entryDate: '2026-03-10' },
        { accountCode: '1102', debit: 0, credit: s.pokok, entryDate: '2026-03-10' },
      ]);
      expect(await savingsOf()).toMatchObject({
        pokok: 0,
        wajib: 0,
        sukarela: 0,
        wajibArrears: 0,
        pokokDue: 0,
      });
      expect(await savingsInBooks(f.t.db, coop, siti)).toBe(0);
      const before = await facts();
      const again = await end(body);
      expect([again.statusCode, again.json()]).toEqual([200, res.json()]);
      const other = await end({ ...body, reason: 'Lain' });
      expect([other.statusCode, other.json().code]).toEqual([409, 'IdempotencyConflict']);
      const second = await end({ ...body, id: newId(), status: 'deceased' });
      expect([second.statusCode, second.json().code]).toEqual([409, 'InvalidState']);
      const deposit = await save({
        id: newId(),
        kind: 'sukarela',
        direction: 'deposit',
        amount: 1,
        method: 'cash',
      });
      expect([deposit.statusCode, deposit.json().code]).toEqual([409, 'InvalidState']);
      expect(await facts()).toEqual(before);
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.checks.map((c) => c.name)).toContain(
        "Each cooperative's savings accounts equal its members' savings",
      );
    });

    it('a member with no savings ends with nothing paid back; a retry answers the same', async () => {
      const role = await callAs(f, 'managerA', 'PATCH', `${base()}/members/${budi}`, {
        role: 'pengawas',
      });
      expect(role.statusCode, role.body).toBe(200);
      const officer = await callAs(f, 'managerA', 'GET', `${base()}/members/${budi}`);
      expect(officer.json()).toMatchObject({ role: 'pengawas' });
      const body = {
        id: newId(),
        status: 'deceased',
        date: '2026-03-09',
        method: 'cash',
        reason: 'Meninggal dunia',
      };
      const res = await callAs(f, 'managerA', 'POST', `${base()}/members/${budi}/end`, body);
      expect([res.statusCode, res.json()]).toEqual([
        200,
        { memberId: budi, status: 'deceased', leftOn: '2026-03-09', withdrawals: [], total: 0 },
      ]);
      const again = await callAs(f, 'managerA', 'POST', `${base()}/members/${budi}/end`, body);
      expect([again.statusCode, again.json()]).toEqual([200, res.json()]);
      expect(await savingsOf(budi)).toMatchObject({ pokok: 0, wajib: 0, sukarela: 0 });
      // An officer who leaves gives up the office; the officer row stays, unlinked.
      const member = await callAs(f, 'managerA', 'GET', `${base()}/members/${budi}`);
      expect(member.json()).not.toHaveProperty('role');
      const officers = await f.t.db
        .selectFrom('officer')
        .select(['role', 'memberId'])
        .where('orgId', '=', coop)
        .where('role', '=', 'pengawas')
        .execute();
      expect(officers.map((o) => o.memberId)).not.toContain(budi);
    });
  });
}
