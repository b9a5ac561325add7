import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, stockQty, type TestNetwork } from '../../../test/helpers/network.ts';
import { findLocationsOfOrgs, moveStock, type MoveInput } from '../inventory/index.ts';
import * as accountMonths from '../../db/migrations/2026_12_07_0800_account_months.ts';
import { reverseDocument } from '../corrections/index.ts';
import { verifyDatabase } from '../integrity/index.ts';
import {
  HUB,
  byCooperativeCodes,
  findJournal,
  formatHledgerJournal,
  getTrialBalance,
} from '../ledger/index.ts';
import { newId } from '../shared/ids.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  createStockCount,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from './index.ts';

const POOLED: string[] = [
  HUB.persediaanPerjalanan,
  HUB.persediaanKoperasi,
  HUB.penjualan,
  HUB.hpp,
  HUB.bebanSusut,
];
const noNames = async () => new Map<string, string>();

for (const engine of ENGINES) {
  describe(`the hub's balances kept per cooperative on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);

    /** Delivers 20 + 1 units, receives 19 + 1, sells 5, counts 12 of what is left. */
    const activity = async (coopId: string) => {
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: coopId,
          lines: [
            { productId: n.gula1.id, qty: 20 },
            { productId: n.gula50.id, qty: 1 },
          ],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, d.id, {
          lines: [
            { productId: n.gula1.id, qtyReceived: 19 },
            { productId: n.gula50.id, qtyReceived: 1 },
          ],
        }),
      );
      const sale = {
        id: newId(),
        occurredAt: '2026-03-10T03:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty: 5, unitPrice: 17_000 }],
      };
      expect((await tx((db) => recordSales(db, n.ctx, coopId, [sale])))[0]!.status).toBe('created');
      await tx((db) =>
        createStockCount(db, n.ctx, coopId, {
          id: newId(),
          countedAt: '2026-03-10T03:00:00Z',
          lines: [{ productId: n.gula1.id, qtyCounted: 12 }],
        }),
      );
    };

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          date: '2026-03-01',
          lines: [
            { productId: n.gula1.id, qty: 100, unitCost: 15_000 },
            { productId: n.gula50.id, qty: 10, unitCost: 740_000 },
          ],
        }),
      );
      await activity(n.coopA.id);
      await activity(n.coopB.id);
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    const hubBalances = () =>
      t.db.selectFrom('accountBalance').selectAll().where('orgId', '=', n.hub.id).execute();

    it('flags exactly the accounts every cooperative posts to', () => {
      expect(byCooperativeCodes('hub').sort()).toEqual([...POOLED].sort());
      expect(byCooperativeCodes('cooperative')).toEqual([]);
    });

    it('keeps one balance row per cooperative for each of them, none shared', async () => {
      const rows = (await hubBalances()).filter((r) => POOLED.includes(r.accountCode));
      for (const code of [HUB.persediaanKoperasi, HUB.penjualan, HUB.hpp, HUB.bebanSusut]) {
        const cps = rows.filter((r) => r.accountCode === code).map((r) => r.counterpartyOrgId);
        expect(cps.sort(), code).toEqual([n.coopA.id, n.coopB.id].sort());
      }
      // In transit: dispatched, then received in full, per cooperative.
      for (const r of rows.filter((x) => x.accountCode === HUB.persediaanPerjalanan))
        expect([n.coopA.id, n.coopB.id]).toContain(r.counterpartyOrgId);
      expect(rows.filter((r) => r.counterpartyOrgId === '')).toEqual([]);
    });

    it("reads each of them as one line of the trial balance: the sum of the cooperatives' rows", async () => {
      const rows = await hubBalances();
      const tb = await getTrialBalance(t.db, n.hub.id, 'hub', undefined, noNames);
      expect(tb.totalDebit).toBe(tb.totalCredit);
      for (const code of POOLED) {
        const net = rows
          .filter((r) => r.accountCode === code)
          .reduce((s, r) => s + r.debit - r.credit, 0);
        const lines = tb.accounts.filter((a) => a.code === code);
        expect(lines.length, code).toBe(net === 0 ? 0 : 1);
        if (net !== 0) {
          expect(lines[0]!.counterpartyOrgId).toBeUndefined();
          expect(lines[0]!.debit - lines[0]!.credit, code).toBe(net);
        }
      }
      // Sales of both cooperatives: 2 × 5 × 16.000 at k, plus the counts' shortage charges.
      const sales = tb.accounts.find((a) => a.code === HUB.penjualan)!;
      expect(sales.credit).toBeGreaterThanOrEqual(160_000);
      // A sub-ledger stays per cooperative.
      expect(tb.accounts.filter((a) => a.code === HUB.piutangKonsinyasi)).toHaveLength(2);
    });

    it('exports them to hledger as one account each', async () => {
      const rows = await findJournal(t.db, n.hub.id);
      const text = formatHledgerJournal('hub', 'Hub', rows, new Map());
      expect(text).toContain('Pendapatan:4101 Penjualan Konsinyasi  IDR');
      expect(text).not.toMatch(/4101 Penjualan Konsinyasi:/);
      expect(text).toMatch(/1201 Piutang Konsinyasi:/);
    });

    it("still reads a line posted before, without a cooperative, into the account's total", async () => {
      const before = await getTrialBalance(t.db, n.hub.id, 'hub', undefined, noNames);
      const line = (code: string) => before.accounts.find((a) => a.code === code)!;
      const id = newId();
      await tx(async (db) => {
        await db
          .insertInto('journalEntry')
          .values({
            orgId: n.hub.id,
            id,
            entryDate: '2026-03-02',
            docType: 'sales_report',
            docId: id,
            memo: 'posted before 2026-12-07',
            createdAt: '2026-03-02T03:00:00.000Z',
          })
          .execute();
        const old = [
          { accountCode: HUB.hpp, debit: 1_000, credit: 0 },
          { accountCode: HUB.penjualan, debit: 0, credit: 1_000 },
        ];
        await db
          .insertInto('journalLine')
          .values(
            old.map((l, i) => ({
              ...l,
              orgId: n.hub.id,
              entryDate: '2026-03-02',
              entryId: id,
              lineNo: i + 1,
              counterpartyOrgId: '',
            })),
          )
          .execute();
        await db
          .insertInto('accountBalance')
          .values(old.map((l) => ({ ...l, orgId: n.hub.id, counterpartyOrgId: '' })))
          .execute();
      });
      const after = await getTrialBalance(t.db, n.hub.id, 'hub', undefined, noNames);
      expect(after.accounts.filter((a) => a.code === HUB.penjualan)).toEqual([
        { ...line(HUB.penjualan), credit: line(HUB.penjualan).credit + 1_000 },
      ]);
      expect(after.accounts.filter((a) => a.code === HUB.hpp)).toEqual([
        { ...line(HUB.hpp), debit: line(HUB.hpp).debit + 1_000 },
      ]);
    });

    it('verify still accepts a reversal posted before, without cooperatives on these accounts', async () => {
      const saleId = newId();
      await tx((db) =>
        recordSales(db, n.ctx, n.coopA.id, [
          {
            id: saleId,
            occurredAt: '2026-03-10T03:00:00Z',
            paymentMethod: 'cash',
            lines: [{ productId: n.gula1.id, qty: 1, unitPrice: 17_000 }],
          },
        ]),
      );
      const admin = { userId: 'test-admin', memberships: [{ orgId: n.hub.id, role: 'hub_admin' }] };
      const r = await tx((db) =>
        reverseDocument(db, n.ctx, admin, {
          id: newId(),
          docType: 'sale',
          docId: saleId,
          reason: 'Salah input',
        }),
      );
      // Rewrite its hub lines as they were posted before 2026-12-07: no cooperative.
      await tx(async (db) => {
        const lines = await db
          .selectFrom('journalLine as l')
          .innerJoin('journalEntry as e', (j) =>
            j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
          )
          .select(['l.entryId', 'l.lineNo', 'l.accountCode', 'l.debit', 'l.credit'])
          .where('e.orgId', '=', n.hub.id)
          .where('e.docType', '=', 'reversal')
          .where('e.docId', '=', r.id)
          .where('l.accountCode', 'in', POOLED)
          .execute();
        expect(lines.length).toBeGreaterThan(0);
        for (const l of lines) {
          await db
            .updateTable('journalLine')
            .set({ counterpartyOrgId: '' })
            .where('orgId', '=', n.hub.id)
            .where('entryId', '=', l.entryId)
            .where('lineNo', '=', l.lineNo)
            .execute();
          await db
            .updateTable('accountBalance')
            .set((eb) => ({
              debit: eb('debit', '-', l.debit),
              credit: eb('credit', '-', l.credit),
            }))
            .where('orgId', '=', n.hub.id)
            .where('accountCode', '=', l.accountCode)
            .where('counterpartyOrgId', '=', n.coopA.id)
            .execute();
          await db
            .insertInto('accountBalance')
            .values({
              orgId: n.hub.id,
              accountCode: l.accountCode,
              counterpartyOrgId: '',
              debit: l.debit,
              credit: l.credit,
            })
            .onConflict((oc) =>
              oc.columns(['orgId', 'accountCode', 'counterpartyOrgId']).doUpdateSet((eb) => ({
                debit: eb(eb.ref('accountBalance.debit'), '+', eb.ref('excluded.debit')),
                credit: eb(eb.ref('accountBalance.credit'), '+', eb.ref('excluded.credit')),
              })),
            )
            .execute();
        }
      });
      // Month totals came later (2026_12_07_0800): built from the lines as they stand.
      await accountMonths.down(t.db);
      await accountMonths.up(t.db);
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });

    it('a document moving one product twice out of the warehouse: its row ends at the sum of the moves', async () => {
      const locs = await findLocationsOfOrgs(t.db, [n.hub.id, n.coopA.id]);
      const warehouse = locs.find((l) => l.orgId === n.hub.id && l.kind === 'warehouse')!;
      const transit = locs.find((l) => l.orgId === n.coopA.id && l.kind === 'transit')!;
      const before = await stockQty(t.db, warehouse.id, n.gula1.id);
      const move = { productId: n.gula1.id, ownerOrgId: n.hub.id, from: warehouse, to: transit };
      const docId = newId();
      const oneDocument = (moves: MoveInput[]) =>
        tx((db) =>
          moveStock(
            db,
            [{ orgId: n.coopA.id, date: '2026-03-10', docType: 'delivery_dispatch', docId, moves }],
            new Date('2026-03-10T03:00:00Z'),
          ),
        );
      const moved = await oneDocument([
        { ...move, qty: 3, fallbackUnitCost: 0 },
        { ...move, qty: 4, fallbackUnitCost: 0 },
      ]);
      const out = moved.moves.reduce((s, m) => s + m.value, 0);
      const after = await stockQty(t.db, warehouse.id, n.gula1.id);
      expect(after).toEqual({ qty: before.qty - 7, value: before.value - out });
      // Stock = Σ moves, for the warehouse row.
      const sums = await t.db
        .selectFrom('stockMove')
        .select(['fromLocationId', 'toLocationId', 'qty', 'value'])
        .where('productId', '=', n.gula1.id)
        .where((eb) =>
          eb.or([eb('fromLocationId', '=', warehouse.id), eb('toLocationId', '=', warehouse.id)]),
        )
        .execute();
      const sign = (m: { toLocationId: string }) => (m.toLocationId === warehouse.id ? 1 : -1);
      expect({
        qty: sums.reduce((s, m) => s + sign(m) * m.qty, 0),
        value: sums.reduce((s, m) => s + sign(m) * m.value, 0),
      }).toEqual(after);
      // Put the units back, so that the books' checks at the end still hold.
      await oneDocument(moved.moves.map((m) => ({ ...m, from: transit, to: warehouse })));
      expect(await stockQty(t.db, warehouse.id, n.gula1.id)).toEqual(before);
    });
  });
}
