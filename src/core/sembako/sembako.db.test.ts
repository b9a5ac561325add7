import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNetwork,
  journalOf,
  journalOfSale,
  type TestNetwork,
} from '../../../test/helpers/network.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { recordAuthorization } from '../../../test/helpers/sembako.ts';
import type { Database } from '../../db/database.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../consignment/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { createOrganization } from '../network/index.ts';
import { closeSettlementPeriod, findStatementsOfCooperative } from '../settlement/index.ts';
import { isDomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import {
  cancelOrder,
  createProgram,
  createProgramPeriod,
  getPeriodDemand,
  getProgramReconciliation,
  importParticipants,
  importPayrollResults,
  listPayrollDeductions,
  pickupOrder,
  placeOrder,
  proposeDeliveryOrders,
  recordSponsorPayment,
  sharePaymentId,
} from './index.ts';

const P1 = '198503152010011002'; // kelurahan of KDKMP A
const P2 = '199001012015032001'; // kelurahan of KDKMP B
const P3 = '197912312005011003'; // kelurahan of KDKMP A

async function codeOf(f: Promise<unknown>): Promise<string> {
  try {
    await f;
    return 'ok';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

for (const engine of ENGINES) {
  describe(`Sembako Bahagia on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let programId: string;
    let pkg1: string;
    let pkg2: string;
    const orders: Record<string, { id: string; pickupCode: string }> = {};
    const tx = <T>(fn: (db: Kysely<Database>) => Promise<T>) => t.db.transaction().execute(fn);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      await tx(async (db) => {
        await createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [
            { productId: n.gula1.id, qty: 500, unitCost: 15_000 },
            { productId: n.minyak.id, qty: 200, unitCost: 13_000 },
          ],
        });
        for (const coop of [n.coopA, n.coopB]) {
          const d = await createDeliveryOrder(db, n.ctx, {
            cooperativeId: coop.id,
            lines: [
              { productId: n.gula1.id, qty: 20 },
              { productId: n.minyak.id, qty: 10 },
            ],
          });
          await dispatchDeliveryOrder(db, n.ctx, d.id);
          await receiveDeliveryOrder(db, n.ctx, d.id, {
            lines: [
              { productId: n.gula1.id, qtyReceived: 20 },
              { productId: n.minyak.id, qtyReceived: 10 },
            ],
          });
        }
      });
    });
    afterAll(() => t.close());

    it('creates the program and a period whose packages stay under the ceilings', async () => {
      const pemkot = await createOrganization(
        t.db,
        { kind: 'government', name: 'Pemerintah Kota Jambi', regionCode: '15.71' },
        n.clock,
      );
      const p = await tx((db) =>
        createProgram(db, n.ctx, {
          name: 'Sembako Bahagia',
          sponsorOrgId: pemkot.id,
          hubId: n.hub.id,
        }),
      );
      programId = p.id;
      expect(p.ordersPerPeriod).toBe(1);
      // 3 kg of sugar cannot cost more than 3 × Rp 17.500.
      expect(
        await codeOf(
          tx((db) =>
            createProgramPeriod(db, n.ctx, programId, {
              month: '2026-03',
              orderOpensAt: '2026-03-01T00:00:00Z',
              orderClosesAt: '2026-03-20T00:00:00Z',
              packages: [
                {
                  name: 'Mahal',
                  items: [{ productId: n.gula1.id, qty: 3 }],
                  price: 52_501,
                  sponsorSubsidy: 0,
                },
              ],
            }),
          ),
        ),
      ).toBe('PriceAboveCeiling');
      const period = await tx((db) =>
        createProgramPeriod(db, n.ctx, programId, {
          month: '2026-03',
          orderOpensAt: '2026-03-01T00:00:00Z',
          orderClosesAt: '2026-03-20T00:00:00Z',
          packages: [
            {
              name: 'Paket Gula & Minyak',
              items: [
                { productId: n.gula1.id, qty: 2 },
                { productId: n.minyak.id, qty: 2 },
              ],
              price: 65_000,
              sponsorSubsidy: 15_000,
            },
            {
              name: 'Paket Gula 5 kg',
              items: [{ productId: n.gula1.id, qty: 5 }],
              price: 85_000,
              sponsorSubsidy: 20_000,
            },
          ],
        }),
      );
      pkg1 = period.packages.find((k) => k.name === 'Paket Gula & Minyak')!.id;
      pkg2 = period.packages.find((k) => k.name === 'Paket Gula 5 kg')!.id;
      expect(period.packages.map((k) => k.participantPays).sort()).toEqual([50_000, 65_000]);
    });

    it('imports the roster row by row: every bad row with every reason, BOM and semicolons', async () => {
      const csv =
        '\uFEFFnip;nama;opd;telepon;kode_kelurahan\r\n' +
        `${P1};Budi Santoso, S.E.;Dinas Pendidikan;081234567890;15.71.01.1001\r\n` +
        `${P2};"Siti; Aminah";BPKAD;;15.71.01.1002\r\n` +
        `${P3};Ahmad;Sekretariat Daerah;0812-1111-2222;15.71.01.1001\r\n` +
        '19850315201001100;Pendek;BPKAD;;15.71.01.1001\r\n' + // 17 digits
        '198502302010011002;Lahir 30 Feb;BPKAD;;15.71.01.1001\r\n' +
        '199001012007011002;Terlalu Muda;BPKAD;;15.71.01.1001\r\n' + // appointed at 17
        '198503152010013002;Kelamin 3;BPKAD;;15.71.01.1001\r\n' +
        '198601012010011004;Tanpa OPD;;;15.71.01.1001\r\n' +
        '198601012010011005;Kelurahan Asing;BPKAD;;15.72.01.1001\r\n' +
        `${P1};Budi Lagi;BPKAD;;15.71.01.1001\r\n` +
        '1985133220100130x2;;;abc;\r\n';
      const r = await tx((db) => importParticipants(db, n.ctx, programId, csv));
      expect(r.imported).toBe(3);
      expect(r.updated).toBe(0);
      expect(r.rejected.map((x) => [x.row, x.nip, x.errors.length])).toEqual([
        [5, '19850315201001100', 1],
        [6, '198502302010011002', 1],
        [7, '199001012007011002', 1],
        [8, '198503152010013002', 1],
        [9, '198601012010011004', 1],
        [10, '198601012010011005', 1],
        [11, P1, 1],
        [12, '1985133220100130x2', 5],
      ]);
      expect(r.rejected[0]!.errors[0]).toMatch(/18/);
      expect(r.rejected[1]!.errors[0]).toMatch(/tanggal lahir/);
      expect(r.rejected[2]!.errors[0]).toMatch(/18 tahun/);
      expect(r.rejected[3]!.errors[0]).toMatch(/jenis kelamin/);
      expect(r.rejected[4]!.errors[0]).toMatch(/OPD/);
      expect(r.rejected[5]!.errors[0]).toMatch(/kelurahan/);
      expect(r.rejected[6]!.errors[0]).toMatch(/baris 2/);
      const people = await t.db
        .selectFrom('sembakoParticipant')
        .select(['nip', 'name', 'pickupCooperativeId'])
        .orderBy('nip')
        .execute();
      expect(people).toEqual([
        { nip: P3, name: 'Ahmad', pickupCooperativeId: n.coopA.id },
        { nip: P1, name: 'Budi Santoso, S.E.', pickupCooperativeId: n.coopA.id },
        { nip: P2, name: 'Siti; Aminah', pickupCooperativeId: n.coopB.id },
      ]);
      // Re-import (comma file, no BOM) updates; the bad row changes nothing.
      const again = await tx((db) =>
        importParticipants(
          db,
          n.ctx,
          programId,
          `nip,nama,opd,telepon,kode_kelurahan\n${P3},Ahmad Fauzi,Sekretariat Daerah,,15.71.01.1001\n${P1},,,,\n`,
        ),
      );
      expect(again).toMatchObject({ imported: 0, updated: 1 });
      expect(again.rejected).toHaveLength(1);
      expect(
        (await t.db
          .selectFrom('sembakoParticipant')
          .select('name')
          .where('nip', '=', P1)
          .executeTakeFirst())!.name,
      ).toBe('Budi Santoso, S.E.');
    });

    it('takes orders only inside the window and up to the limit; cancelled ones free the slot', async () => {
      const order = (nip: string, packageId: string, qty = 1, id = newId()) =>
        tx((db) => placeOrder(db, n.ctx, programId, { id, nip, month: '2026-03', packageId, qty }));
      // No order before the signed surat kuasa potong gaji is on file.
      expect(await codeOf(order(P1, pkg1))).toBe('PayrollAuthorizationMissing');
      for (const nip of [P1, P2, P3])
        await tx((db) => recordAuthorization(db, n.ctx, programId, nip));
      n.clock.set('2026-02-28T16:59:59Z'); // 23:59:59 WIB on 28 February
      expect(await codeOf(order(P1, pkg1))).toBe('InvalidState');
      n.clock.set('2026-03-20T00:00:00Z');
      expect(await codeOf(order(P1, pkg1))).toBe('InvalidState');
      n.clock.set('2026-03-10T03:00:00Z');
      const o1 = await order(P1, pkg1);
      expect(o1).toMatchObject({
        pickupCooperativeId: n.coopA.id,
        amountToDeduct: 50_000,
        created: true,
      });
      expect(o1.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
      expect(await order(P1, pkg1, 1, o1.id)).toMatchObject({
        pickupCode: o1.pickupCode,
        created: false,
      });
      expect(await codeOf(order(P1, pkg2, 1, o1.id))).toBe('IdempotencyConflict');
      expect(await codeOf(order(P1, pkg2))).toBe('InvalidState'); // one per period
      const o2 = await order(P2, pkg1, 2);
      expect(o2).toMatchObject({ pickupCooperativeId: n.coopB.id, amountToDeduct: 100_000 });
      const first3 = await order(P3, pkg1);
      await tx((db) => cancelOrder(db, n.ctx, programId, first3.id));
      const o3 = await order(P3, pkg2);
      expect(o3.amountToDeduct).toBe(65_000);
      expect(new Set([o1.pickupCode, o2.pickupCode, o3.pickupCode, first3.pickupCode]).size).toBe(
        4,
      );
      Object.assign(orders, { o1, o2, o3, first3 });
    });

    it('shows the demand per cooperative and proposes delivery orders for what is missing', async () => {
      const d = await getPeriodDemand(t.db, programId, '2026-03');
      expect(d.items).toEqual(
        [
          { cooperativeId: n.coopA.id, productId: n.gula1.id, ordered: 7, pickedUp: 0, pending: 7 },
          {
            cooperativeId: n.coopA.id,
            productId: n.minyak.id,
            ordered: 2,
            pickedUp: 0,
            pending: 2,
          },
          { cooperativeId: n.coopB.id, productId: n.gula1.id, ordered: 4, pickedUp: 0, pending: 4 },
          {
            cooperativeId: n.coopB.id,
            productId: n.minyak.id,
            ordered: 4,
            pickedUp: 0,
            pending: 4,
          },
        ].sort((a, b) =>
          a.cooperativeId === b.cooperativeId
            ? a.productId < b.productId
              ? -1
              : 1
            : a.cooperativeId < b.cooperativeId
              ? -1
              : 1,
        ),
      );
      // 20 gula and 10 minyak are already at each store: nothing to send.
      expect(await tx((db) => proposeDeliveryOrders(db, n.ctx, programId, '2026-03'))).toEqual([]);
    });

    it('refuses a wrong code, another order’s code, a reused code and a cancelled order', async () => {
      const pick = (id: string, code: string) =>
        tx((db) => pickupOrder(db, n.ctx, programId, id, code));
      expect(await codeOf(pick(orders.o1!.id, 'AAAAAAAAAA'))).toBe('ValidationFailed');
      expect(await codeOf(pick(orders.o1!.id, orders.o2!.pickupCode))).toBe('ValidationFailed');
      expect(await codeOf(pick(orders.first3!.id, orders.first3!.pickupCode))).toBe('InvalidState');
      const r = await pick(orders.o1!.id, orders.o1!.pickupCode.toLowerCase());
      expect(r.lines).toEqual([
        { productId: n.gula1.id, qty: 2, unitPrice: 17_131 },
        { productId: n.minyak.id, qty: 2, unitPrice: 15_369 },
      ]);
      expect(await codeOf(pick(orders.o1!.id, orders.o1!.pickupCode))).toBe('InvalidState');
      expect(await codeOf(tx((db) => cancelOrder(db, n.ctx, programId, orders.o1!.id)))).toBe(
        'InvalidState',
      );
      await pick(orders.o2!.id, orders.o2!.pickupCode);
      await pick(orders.o3!.id, orders.o3!.pickupCode);
      // The payroll sale in both books, to the rupiah.
      const sale = (
        await t.db
          .selectFrom('sembakoOrder')
          .select('saleId')
          .where('id', '=', orders.o1!.id)
          .executeTakeFirstOrThrow()
      ).saleId!;
      expect(await journalOfSale(t.db, n.coopA.id, sale)).toEqual([
        { account: '1202', cp: undefined, debit: 65_000, credit: 0, date: '2026-03-10' },
        { account: '2101', cp: n.hub.id, debit: 0, credit: 61_000, date: '2026-03-10' },
        { account: '4101', cp: undefined, debit: 0, credit: 4_000, date: '2026-03-10' },
      ]);
      const hub = await journalOfSale(t.db, n.hub.id, sale);
      expect(hub.slice(0, 2)).toEqual([
        { account: '1201', cp: n.coopA.id, debit: 61_000, credit: 0, date: '2026-03-10' },
        { account: '4101', cp: n.coopA.id, debit: 0, credit: 61_000, date: '2026-03-10' },
      ]);
      const s = await t.db
        .selectFrom('sale')
        .select(['paymentMethod', 'totalAmount'])
        .where('id', '=', sale)
        .executeTakeFirstOrThrow();
      expect(s).toEqual({ paymentMethod: 'payroll', totalAmount: 65_000 });
    });

    it('exports the deductions of picked-up packages and imports the payroll office’s results', async () => {
      n.clock.set('2026-04-02T03:00:00Z');
      const rows = await listPayrollDeductions(t.db, programId, '2026-03');
      expect(rows.map((r) => [r.nip, r.amount])).toEqual([
        [P2, 100_000],
        [P1, 50_000],
        [P3, 65_000],
      ]);
      expect(await listPayrollDeductions(t.db, programId, '2026-03', 'BPKAD')).toHaveLength(1);
      const res = await tx((db) =>
        importPayrollResults(
          db,
          n.ctx,
          programId,
          '2026-03',
          `nip;jumlah;status\n${P1};50.000;berhasil\n${P2};90000;berhasil\n${P2};0;gagal\n${P3};65000;berhasil\n198601012010011005;1000;berhasil\n`,
        ),
      );
      expect(res.results.map((r) => [r.row, r.status])).toEqual([
        [2, 'berhasil'],
        [3, 'rejected'], // wrong amount
        [4, 'rejected'], // twice in the file
        [5, 'berhasil'],
        [6, 'rejected'], // nothing due
      ]);
      const fix = await tx((db) =>
        importPayrollResults(
          db,
          n.ctx,
          programId,
          '2026-03',
          `nip,jumlah,status\n${P2},0,gagal\n${P1},50000,berhasil\n${P3},0,gagal\n`,
        ),
      );
      expect(fix.results.map((r) => r.status)).toEqual(['gagal', 'unchanged', 'rejected']);
    });

    it('shares the sponsor payment by what each cooperative is owed, to the rupiah, through recordPayment', async () => {
      // Owed: A = subsidy 15.000 + 20.000 + deducted 50.000 + 65.000 = 150.000; B = subsidy 30.000 (deduction failed).
      const pay = (id: string, amount: number, receivedOn?: string) =>
        tx((db) =>
          recordSponsorPayment(db, n.ctx, programId, '2026-03', {
            id,
            amount,
            receivedOn,
            reference: 'SP2D 900/2026',
          }),
        );
      expect(await codeOf(pay(newId(), 180_001))).toBe('ValidationFailed');
      const id1 = newId();
      const p1 = await pay(id1, 100_000, '2026-03-31');
      expect(p1.shares.map((s) => [s.cooperativeId, s.amount])).toEqual(
        [
          [n.coopA.id, 83_333],
          [n.coopB.id, 16_667],
        ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
      expect((await pay(id1, 100_000, '2026-03-31')).created).toBe(false);
      expect(await codeOf(pay(id1, 90_000, '2026-03-31'))).toBe('IdempotencyConflict');
      const payA = sharePaymentId(id1, n.coopA.id);
      expect(await journalOf(t.db, n.hub.id, 'payment', payA)).toEqual([
        { account: '1102', cp: undefined, debit: 83_333, credit: 0, date: '2026-03-31' },
        { account: '1201', cp: n.coopA.id, debit: 0, credit: 83_333, date: '2026-03-31' },
      ]);
      expect(await journalOf(t.db, n.coopA.id, 'payment', payA)).toEqual([
        { account: '2101', cp: n.hub.id, debit: 83_333, credit: 0, date: '2026-03-31' },
        { account: '1202', cp: undefined, debit: 0, credit: 83_333, date: '2026-03-31' },
      ]);
      const p2 = await pay(newId(), 80_000);
      expect(p2.shares.map((s) => s.amount).sort()).toEqual([13_333, 66_667]);
      expect(await codeOf(pay(newId(), 1))).toBe('ValidationFailed'); // nothing owed any more

      const rec = await getProgramReconciliation(t.db, programId, '2026-03');
      expect(rec.total).toEqual({
        ordered: 280_000,
        pickedUp: 280_000,
        subsidy: 65_000,
        deducted: 115_000,
        paidBySponsor: 180_000,
        payable: 0,
        collected: 0,
        open: 100_000,
      });
      expect(rec.openParticipants).toEqual([
        {
          nip: P2,
          name: 'Siti; Aminah',
          opd: 'BPKAD',
          due: 100_000,
          deducted: 0,
          collected: 0,
          status: 'gagal',
          open: 100_000,
        },
      ]);
      // The cooperatives' payroll receivable: cleared at A, the failed deduction open at B.
      const balance = async (org: string, account: string) => {
        const r = await t.db
          .selectFrom('accountBalance')
          .select(['debit', 'credit'])
          .where('orgId', '=', org)
          .where('accountCode', '=', account)
          .executeTakeFirst();
        return r ? Number(r.debit) - Number(r.credit) : 0;
      };
      expect(await balance(n.coopA.id, '1202')).toBe(0);
      expect(await balance(n.coopB.id, '1202')).toBe(100_000);

      // The statement counts the sponsor's share dated in March as a payment.
      const [stA] = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, {
          periodEnd: '2026-03-31',
          cooperativeId: n.coopA.id,
        }),
      );
      expect(stA).toMatchObject({ salesAmount: 61_000 + 80_000, paymentsAmount: 83_333 });
      expect((await findStatementsOfCooperative(t.db, n.coopA.id)).length).toBe(1);
      expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
