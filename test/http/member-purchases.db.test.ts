import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { deliverGula, stockHub } from '../helpers/deliveries.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

/**
 * Member sales at the cashier: a sale's memberId checked on sync (a member of
 * the cooperative on the sale's date keeps it; anything else is kept as a
 * non-member sale with the reference as its discrepancy, never refused); the
 * commission of members' sales on 4102, of the others on 4101, and taken back
 * from the same account by a refund or a reversal; a member's purchases of
 * the year net of refunds, reversed sales left out.
 */
for (const engine of ENGINES) {
  describe(`member purchases over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    const member = {
      active: randomUUID(),
      leftBefore: randomUUID(),
      leftAfter: randomUUID(),
      joinedLater: randomUUID(),
    };
    const memberOfB = randomUUID();
    let coopA = '';

    /** A member row as the members module writes it (its own commands are tested there). */
    const addMember = (
      orgId: string,
      id: string,
      no: string,
      m: { status?: 'active' | 'left'; leftOn?: string; joinedOn?: string } = {},
    ) =>
      f.t.db
        .insertInto('member')
        .values({
          orgId,
          id,
          memberNo: no,
          nik: `157101010190${no}`,
          name: `Anggota ${no}`,
          gender: 'L',
          birthDate: '1990-01-01',
          joinedOn: m.joinedOn ?? '2026-01-05',
          status: m.status ?? 'active',
          leftOn: m.leftOn ?? null,
          phone: null,
          address: null,
          role: null,
          contentHash: no,
          createdBy: null,
          createdAt: '2026-01-05T00:00:00.000Z',
          updatedAt: '2026-01-05T00:00:00.000Z',
        })
        .execute();
    const sale = (qty: number, memberId?: string) => ({
      id: randomUUID(),
      occurredAt: '2026-03-10T02:00:00Z',
      paymentMethod: 'cash' as const,
      lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
      ...(memberId === undefined ? {} : { memberId }),
    });
    const sync = async (sales: ReturnType<typeof sale>[]) => {
      const res = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coopA}/sales`, {
        sales,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as { id: string; status: string; message?: string }[];
    };
    /** Credit minus debit of a cooperative A account in the trial balance. */
    const revenue = async (code: string) => {
      const res = await callAs(f, 'managerA', 'GET', `/api/v1/orgs/${coopA}/ledger/trial-balance`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().accounts as { code: string; debit: number; credit: number }[])
        .filter((a) => a.code === code)
        .reduce((t, a) => t + a.credit - a.debit, 0);
    };
    const purchases = async (memberId: string, query = '') => {
      const res = await callAs(
        f,
        'cashierA',
        'GET',
        `/api/v1/cooperatives/${coopA}/members/${memberId}/purchases${query}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        year: number;
        total: number;
        count: number;
        items: { saleId: string; amount: number; paymentMethod: string }[];
      };
    };
    /** The commission of one unit of gula 1 kg sold at Rp 17.500. */
    let unitCommission = 0;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      coopA = f.n.coopA.id;
      await stockHub(f.t.db, f.n, 100);
      await deliverGula(f.t.db, f.n, 60, 60);
      await addMember(coopA, member.active, '0001');
      await addMember(coopA, member.leftBefore, '0002', { status: 'left', leftOn: '2026-03-01' });
      await addMember(coopA, member.leftAfter, '0003', { status: 'left', leftOn: '2026-03-15' });
      await addMember(coopA, member.joinedLater, '0004', { joinedOn: '2026-03-11' });
      await addMember(f.n.coopB.id, memberOfB, '0001');
      const [probe] = await sync([sale(1)]);
      const listed = await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${coopA}/sales`);
      const row = listed.json().items.find((s: { id: string }) => s.id === probe!.id);
      unitCommission = row.totalAmount - row.consignmentAmount;
      expect(unitCommission).toBeGreaterThan(0);
    });
    afterAll(async () => {
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await f.close();
    });

    it("a member's sale puts its commission on 4102; anything else (unknown, another cooperative's, left before, joined after) is a non-member sale on 4101 with the reference kept", async () => {
      const nonMemberBefore = await revenue('4101');
      expect(await revenue('4102')).toBe(0);
      const sales = [
        sale(2, member.active),
        sale(1, 'AGT-0099'),
        sale(1, memberOfB),
        sale(1, member.leftBefore),
        sale(3, member.leftAfter),
        sale(1),
        sale(1, member.joinedLater),
      ];
      const results = await sync(sales);
      expect(results.map((r) => r.status)).toEqual(Array(7).fill('created'));
      expect(results.map((r) => r.message !== undefined)).toEqual([
        false,
        true,
        true,
        true,
        false,
        false,
        true,
      ]);
      expect(results[1]!.message).toContain('dicatat sebagai penjualan non-anggota');
      expect(results[3]!.message).toContain('sudah keluar pada 2026-03-01');
      expect(results[6]!.message).toContain('baru masuk pada 2026-03-11');

      const rows = await f.t.db
        .selectFrom('sale')
        .select(['id', 'memberId', 'memberDiscrepancy', 'totalAmount'])
        .where(
          'id',
          'in',
          sales.map((s) => s.id),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(sales.map((s) => byId.get(s.id))).toEqual([
        { id: sales[0]!.id, memberId: member.active, memberDiscrepancy: null, totalAmount: 35_000 },
        { id: sales[1]!.id, memberId: null, memberDiscrepancy: 'AGT-0099', totalAmount: 17_500 },
        { id: sales[2]!.id, memberId: null, memberDiscrepancy: memberOfB, totalAmount: 17_500 },
        {
          id: sales[3]!.id,
          memberId: null,
          memberDiscrepancy: member.leftBefore,
          totalAmount: 17_500,
        },
        {
          id: sales[4]!.id,
          memberId: member.leftAfter,
          memberDiscrepancy: null,
          totalAmount: 52_500,
        },
        { id: sales[5]!.id, memberId: null, memberDiscrepancy: null, totalAmount: 17_500 },
        {
          id: sales[6]!.id,
          memberId: null,
          memberDiscrepancy: member.joinedLater,
          totalAmount: 17_500,
        },
      ]);
      expect(await revenue('4102')).toBe(5 * unitCommission);
      expect(await revenue('4101')).toBe(nonMemberBefore + 5 * unitCommission);

      // The same batch again: duplicates, nothing posted twice.
      expect((await sync(sales)).map((r) => r.status)).toEqual(Array(7).fill('duplicate'));
      expect(await revenue('4102')).toBe(5 * unitCommission);

      const mine = await purchases(member.active);
      expect(mine).toMatchObject({ year: 2026, total: 35_000, count: 1 });
      expect(mine.items).toEqual([
        {
          saleId: sales[0]!.id,
          occurredAt: '2026-03-10T02:00:00.000Z',
          amount: 35_000,
          paymentMethod: 'cash',
        },
      ]);
      // The member who left before the sale bought nothing as a member; nor in another year.
      expect(await purchases(member.leftBefore)).toEqual({
        year: 2026,
        total: 0,
        count: 0,
        items: [],
      });
      expect((await purchases(member.active, '?year=2025')).count).toBe(0);
    });

    it("a refund of a member's sale takes its commission back from 4102, a reversal too; the purchases follow", async () => {
      const [bought, other] = [sale(3, member.active), sale(2, member.leftAfter)];
      await sync([bought, other]);
      const memberRevenue = await revenue('4102');
      const nonMember = await revenue('4101');
      const before = await purchases(member.active);

      const refund = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/cooperatives/${coopA}/sales/${bought.id}/refund`,
        {
          id: randomUUID(),
          reason: 'Bungkus sobek',
          method: 'cash',
          lines: [{ productId: f.n.gula1.id, quantity: 1 }],
        },
      );
      expect(refund.statusCode, refund.body).toBe(201);
      expect(await revenue('4102')).toBe(memberRevenue - unitCommission);
      const after = await purchases(member.active);
      expect(after.count).toBe(before.count);
      expect(after.total).toBe(before.total - 17_500);
      expect(after.items.find((i) => i.saleId === bought.id)!.amount).toBe(35_000);

      const reversed = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/documents/sale/${other.id}/reverse`,
        {
          id: randomUUID(),
          reason: 'Salah catat',
        },
      );
      expect(reversed.statusCode, reversed.body).toBe(201);
      expect(await revenue('4102')).toBe(memberRevenue - unitCommission - 2 * unitCommission);
      expect(await revenue('4101')).toBe(nonMember);
      const left = await purchases(member.leftAfter);
      expect(left.items.map((i) => i.saleId)).not.toContain(other.id);
      expect(left.total).toBe(52_500);
    });

    it("who reads a member's purchases: the cooperative's staff and hub admins; an unknown member is 404", async () => {
      const url = `/api/v1/cooperatives/${coopA}/members/${member.active}/purchases`;
      expect((await callAs(f, 'managerA', 'GET', url)).statusCode).toBe(200);
      expect((await callAs(f, 'hubAdmin', 'GET', url)).statusCode).toBe(200);
      expect((await callAs(f, 'managerB', 'GET', url)).statusCode).toBe(403);
      expect((await callAs(f, 'hubStaff', 'GET', url)).statusCode).toBe(403);
      expect((await callAs(f, 'govViewer', 'GET', url)).statusCode).toBe(403);
      const other = `/api/v1/cooperatives/${coopA}/members/${memberOfB}/purchases`;
      expect((await callAs(f, 'managerA', 'GET', other)).statusCode).toBe(404);
      expect((await callAs(f, 'managerA', 'GET', `${url}?year=20x6`)).statusCode).toBe(400);
    });
  });
}
