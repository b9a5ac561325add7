import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from './helpers/engines.ts';
import { pdfText } from './helpers/pdf.ts';
import { renderStatementPdf } from '../src/http/pdf/statement-pdf.ts';
import { buildNetwork, type TestNetwork } from './helpers/network.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../src/core/consignment/index.ts';
import { verifyDatabase } from '../src/core/integrity/index.ts';
import {
  closeSettlementPeriod,
  findStatementDocuments,
  getCreditPosition,
  recordPayment,
} from '../src/core/settlement/index.ts';
import { newId } from '../src/core/shared/ids.ts';
import { reverseDocument } from '../src/core/corrections/index.ts';

for (const engine of ENGINES) {
  describe(`a reversal after its period was closed on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      await tx((db) =>
        createGoodsReceipt(db, n.ctx, n.hub.id, {
          supplierName: 'PT Gula Nusantara',
          lines: [{ productId: n.gula1.id, qty: 50, unitCost: 15_000 }],
        }),
      );
      const d = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: n.gula1.id, qty: 20 }],
        }),
      );
      await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id));
      await tx((db) =>
        receiveDeliveryOrder(db, n.ctx, d.id, {
          lines: [{ productId: n.gula1.id, qtyReceived: 20 }],
        }),
      );
    });
    afterAll(async () => {
      const report = await verifyDatabase(t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      await t.close();
    });

    it('stays on the issued statement; the next one shows the reversal as an adjustment and the chain holds', async () => {
      const wrong = {
        id: newId(),
        occurredAt: '2026-03-10T02:00:00Z',
        paymentMethod: 'cash' as const,
        lines: [{ productId: n.gula1.id, qty: 10, unitPrice: 17_500 }],
      };
      const right = { ...wrong, id: newId(), lines: [{ ...wrong.lines[0]!, qty: 1 }] };
      await tx((db) => recordSales(db, n.ctx, n.coopA.id, [wrong, right]));
      n.clock.set('2026-04-01T03:00:00Z');
      const [march] = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, {
          periodEnd: '2026-03-31',
          cooperativeId: n.coopA.id,
        }),
      );
      expect(march).toMatchObject({ salesAmount: 176_000, closingBalance: 176_000 });

      // A payment bounced: reversed, the statement is outstanding again.
      const outstanding = async () =>
        (await getCreditPosition(t.db, n.coopA.id, '2026-04-01', 7)).statements[0]!.outstanding;
      const paymentId = newId();
      await tx((db) =>
        recordPayment(db, n.ctx, n.coopA.id, {
          id: paymentId,
          amount: 176_000,
          method: 'transfer',
          reference: 'TRF 0401',
        }),
      );
      expect(await outstanding()).toBe(0);
      const hubAdmin = {
        userId: 'test-admin',
        memberships: [{ orgId: n.hub.id, role: 'hub_admin' }],
      };
      const reverse = (date?: string) =>
        tx((db) =>
          reverseDocument(db, n.ctx, hubAdmin, {
            id: newId(),
            docType: 'sale',
            docId: wrong.id,
            reason: 'Kasir mengetik 10, seharusnya 1',
            ...(date ? { date } : {}),
          }),
        );
      await tx((db) =>
        reverseDocument(db, n.ctx, hubAdmin, {
          id: newId(),
          docType: 'payment',
          docId: paymentId,
          reason: 'Transfer ditolak bank',
        }),
      );
      expect(await outstanding()).toBe(176_000);
      // A date in the closed period is refused; without a date it is today, in the open period.
      await expect(reverse('2026-03-31')).rejects.toMatchObject({ code: 'InvalidState' });
      const r = await reverse();
      expect(r.date).toBe('2026-04-01');

      n.clock.set('2026-05-01T03:00:00Z');
      const [april] = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, {
          periodEnd: '2026-04-30',
          cooperativeId: n.coopA.id,
        }),
      );
      expect(april).toMatchObject({
        openingBalance: march!.closingBalance,
        salesAmount: -160_000,
        paymentsAmount: 0,
        closingBalance: 16_000,
      });
      const after = await t.db
        .selectFrom('statement')
        .selectAll()
        .where('id', '=', march!.id)
        .executeTakeFirstOrThrow();
      expect(after.closingBalance).toBe(176_000);
      const docs = await findStatementDocuments(t.db, n.coopA.id, april!.id);
      expect(docs.reversals).toHaveLength(2);
      expect(docs.reversals).toContainEqual(
        expect.objectContaining({ docType: 'payment', docId: paymentId, paymentsAmount: -176_000 }),
      );
      expect(docs.reversals).toContainEqual(
        expect.objectContaining({
          id: r.id,
          docType: 'sale',
          docId: wrong.id,
          reversalDate: '2026-04-01',
          reason: 'Kasir mengetik 10, seharusnya 1',
          salesAmount: -160_000,
        }),
      );
      // The statement a cooperative receives lists it as an adjustment with its reason.
      const pdf = pdfText((await renderStatementPdf(t.db, n.clock, n.coopA.id, april!.id)).bytes);
      expect(pdf).toContain('Penyesuaian: dokumen dibatalkan');
      expect(pdf).not.toContain('(Adjustments: reversals)');
      expect(pdf).toContain('Kasir mengetik 10, seharusnya 1');
    });
  });
}
