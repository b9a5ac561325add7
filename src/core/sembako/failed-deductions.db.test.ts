import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, journalOf, type TestNetwork } from '../../../test/helpers/network.ts';
import { recordAuthorization } from '../../../test/helpers/sembako.ts';
import type { Database } from '../../db/database.ts';
import { verifyDatabase } from '../integrity/index.ts';
import { createOrganization } from '../network/index.ts';
import { newId } from '../shared/ids.ts';
import {
  createProgram,
  createProgramPeriod,
  findOrderForPickup,
  getProgramReconciliation,
  importParticipants,
  importPayrollResults,
  listParticipantDeductions,
  listPayrollDeductions,
  loadProgram,
  pickupOrder,
  placeOrder,
} from './index.ts';

const P1 = '198503152010011002'; // kelurahan of KDKMP A
const P2 = '199001012015032001'; // kelurahan of KDKMP B
const MONTHS = ['2026-03', '2026-04', '2026-05'];

for (const engine of ENGINES) {
  describe(`failed payroll deductions on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let pemkot: string;
    const tx = <T>(fn: (db: Kysely<Database>) => Promise<T>) => t.db.transaction().execute(fn);

    /** A program of three monthly periods (one package: Rp 50.000 deducted), P1 and P2 on its roster with a surat kuasa. */
    async function program(name: string, failedDeductionHandling?: 'collect_at_pickup') {
      n.clock.set('2026-03-01T03:00:00Z');
      const p = await tx((db) =>
        createProgram(db, n.ctx, {
          name,
          sponsorOrgId: pemkot,
          hubId: n.hub.id,
          ...(failedDeductionHandling ? { failedDeductionHandling } : {}),
        }),
      );
      const packages: Record<string, string> = {};
      for (const month of MONTHS) {
        const period = await tx((db) =>
          createProgramPeriod(db, n.ctx, p.id, {
            month,
            orderOpensAt: `${month}-01T00:00:00Z`,
            orderClosesAt: `${month}-25T00:00:00Z`,
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
            ],
          }),
        );
        packages[month] = period.packages[0]!.id;
      }
      await tx(async (db) => {
        await importParticipants(
          db,
          n.ctx,
          p.id,
          `nip,nama,opd,telepon,kode_kelurahan\n${P1},Budi Santoso,Dinas Pendidikan,081234567890,15.71.01.1001\n${P2},Siti Aminah,BPKAD,,15.71.01.1002\n`,
        );
        for (const nip of [P1, P2]) await recordAuthorization(db, n.ctx, p.id, nip);
      });
      /** The participant orders the month's package on its 5th and picks it up on its 10th. */
      const orderAndPickup = async (nip: string, month: string) => {
        n.clock.set(`${month}-05T03:00:00Z`);
        const o = await tx((db) =>
          placeOrder(db, n.ctx, p.id, {
            id: newId(),
            nip,
            month,
            packageId: packages[month]!,
            qty: 1,
          }),
        );
        n.clock.set(`${month}-10T03:00:00Z`);
        const pickup = (cashCollected?: number) =>
          tx((db) => pickupOrder(db, n.ctx, p.id, o.id, o.pickupCode, { cashCollected }));
        return { ...o, pickup };
      };
      const results = (month: string, csv: string) => {
        n.clock.set(`${month}-28T03:00:00Z`);
        return tx((db) => importPayrollResults(db, n.ctx, p.id, month, csv));
      };
      const file = async (month: string) =>
        (await listPayrollDeductions(t.db, p.id, month)).map((r) => [r.nip, r.amount, r.period]);
      return { id: p.id, orderAndPickup, results, file };
    }

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      pemkot = (
        await createOrganization(
          t.db,
          { kind: 'government', name: 'Pemerintah Kota Jambi', regionCode: '15.71' },
          n.clock,
        )
      ).id;
    });
    afterAll(() => t.close());

    it('carry_forward: a failed deduction is a line of its own in the next file, once, again after a second failure, until deducted', async () => {
      const p = await program('Sembako Bahagia');
      await (await p.orderAndPickup(P1, '2026-03')).pickup();
      await (await p.orderAndPickup(P2, '2026-03')).pickup();
      expect(await p.file('2026-03')).toEqual([
        [P2, 50_000, '2026-03'],
        [P1, 50_000, '2026-03'],
      ]);
      const march = await p.results(
        '2026-03',
        `nip,jumlah,status\n${P1},0,gagal\n${P2},50000,berhasil\n`,
      );
      expect(march.results.map((r) => r.status)).toEqual(['gagal', 'berhasil']);

      // April's file: P1's own April line and March's failed one, each once.
      await (await p.orderAndPickup(P1, '2026-04')).pickup();
      const april = [
        [P1, 50_000, '2026-03'],
        [P1, 50_000, '2026-04'],
      ];
      expect(await p.file('2026-04')).toEqual(april);
      expect(await p.file('2026-03')).toEqual([
        [P2, 50_000, '2026-03'],
        [P1, 50_000, '2026-03'],
      ]);
      const prog = await loadProgram(t.db, p.id);
      expect((await listParticipantDeductions(t.db, prog, P1))[1]).toMatchObject({
        month: '2026-03',
        status: 'gagal',
        carriedTo: '2026-04',
        open: 50_000,
      });

      // The carried line fails again: it moves into May's file (April's stays as it was sent).
      const csv = `nip,jumlah,status,periode\n${P1},50000,berhasil,2026-04\n${P1},0,gagal,2026-03\n`;
      expect((await p.results('2026-04', csv)).results.map((r) => [r.period, r.status])).toEqual([
        ['2026-04', 'berhasil'],
        ['2026-03', 'gagal'],
      ]);
      expect((await p.results('2026-04', csv)).results.map((r) => r.status)).toEqual([
        'unchanged',
        'unchanged',
      ]);
      expect(await p.file('2026-04')).toEqual(april);
      expect(await p.file('2026-05')).toEqual([[P1, 50_000, '2026-03']]);
      // A carried line the file does not hold is refused.
      const wrong = await p.results(
        '2026-05',
        `nip,jumlah,status,periode\n${P1},50000,berhasil,2026-04\n`,
      );
      expect(wrong.results[0]).toMatchObject({ status: 'rejected' });
      expect(wrong.results[0]!.errors![0]).toMatch(/potongan bawaan periode 2026-04/);

      // Deducted with May's salary: March is settled and owed to KDKMP A by the sponsor.
      const may = await p.results(
        '2026-05',
        `nip;jumlah;status;periode\n${P1};50.000;berhasil;2026-03\n`,
      );
      expect(may.results[0]).toMatchObject({ period: '2026-03', status: 'berhasil' });
      expect((await listParticipantDeductions(t.db, prog, P1)).reverse()).toMatchObject([
        { month: '2026-03', status: 'berhasil', deductedIn: '2026-05', carriedTo: null, open: 0 },
        { month: '2026-04', status: 'berhasil', deductedIn: '2026-04', open: 0 },
      ]);
      const rec = await getProgramReconciliation(t.db, p.id, '2026-03');
      expect(rec.total).toMatchObject({ deducted: 100_000, payable: 130_000, open: 130_000 });
      expect(rec.openParticipants).toEqual([]);
      expect(rec.sponsorOpen).toEqual({
        subsidy: 30_000,
        deducted: 100_000,
        paid: 0,
        open: 130_000,
      });
      expect(rec.opdOpen.map((o) => [o.opd, o.open])).toEqual([
        ['BPKAD', 0],
        ['Dinas Pendidikan', 0],
      ]);
    });

    it('collect_at_pickup: the desk sees what is owed at the next pickup there and records it paid in cash', async () => {
      const p = await program('Sembako Bahagia Tunai', 'collect_at_pickup');
      await (await p.orderAndPickup(P1, '2026-03')).pickup();
      await p.results('2026-03', `nip,jumlah,status\n${P1},0,gagal\n`);
      expect(await p.file('2026-04')).toEqual([]); // nothing carried
      const prog = await loadProgram(t.db, p.id);
      expect((await listParticipantDeductions(t.db, prog, P1))[0]).toMatchObject({
        month: '2026-03',
        carriedTo: null,
        owedAtPickup: 50_000,
        open: 50_000,
      });
      const rec = await getProgramReconciliation(t.db, p.id, '2026-03');
      expect(rec.opdOpen).toEqual([
        { opd: 'Dinas Pendidikan', due: 50_000, deducted: 0, collected: 0, open: 50_000 },
      ]);

      const next = await p.orderAndPickup(P1, '2026-04');
      const atDesk = await findOrderForPickup(t.db, p.id, next.pickupCode, async () => true);
      expect(atDesk.cashDue).toEqual([{ month: '2026-03', amount: 50_000 }]);
      // The desk confirms the exact cash taken, else nothing is handed over.
      await expect(next.pickup()).rejects.toMatchObject({ code: 'ValidationFailed' });
      await expect(next.pickup(40_000)).rejects.toMatchObject({ code: 'ValidationFailed' });
      expect((await next.pickup(50_000)).cashCollected).toBe(50_000);
      // KDKMP A's books: the cash in, the payroll receivable of March's package settled.
      expect(await journalOf(t.db, n.coopA.id, 'sembako_cash_collection', next.id)).toEqual([
        { account: '1101', cp: undefined, debit: 50_000, credit: 0, date: '2026-04-10' },
        { account: '1202', cp: undefined, debit: 0, credit: 50_000, date: '2026-04-10' },
      ]);
      const again = await findOrderForPickup(t.db, p.id, next.pickupCode, async () => true);
      expect(again.cashDue).toEqual([]);
      expect((await listParticipantDeductions(t.db, prog, P1))[1]).toMatchObject({
        month: '2026-03',
        owedAtPickup: 0,
        collectedInCash: 50_000,
        open: 0,
      });
      const after = await getProgramReconciliation(t.db, p.id, '2026-03');
      expect(after.total).toMatchObject({ pickedUp: 65_000, collected: 50_000, open: 15_000 });
      expect(after.opdOpen[0]).toMatchObject({ collected: 50_000, open: 0 });
      // Paid in cash, the month can no longer be reported deducted.
      const late = await p.results('2026-03', `nip,jumlah,status\n${P1},50000,berhasil\n`);
      expect(late.results[0]!.errors![0]).toMatch(/dibayar tunai/);
      expect((await verifyDatabase(t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
