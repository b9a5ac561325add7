import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { paymentReferenceOf } from '../../src/core/network/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import type { BankLineView } from '../../src/core/treasury/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { mt940 } from '../helpers/bank-mt940.ts';
import {
  auditEventsOf,
  bearer,
  buildHttpFixture,
  callAs,
  type HttpFixture,
} from '../helpers/http.ts';

const refA = paymentReferenceOf('15.71.01.1001');

/**
 * Bank lines and the hub's own payments: a debit of the statement is recorded
 * as a supplier payment with `bankLineId` (its amount, claimed once, never a
 * credit); a cooperative's payment that came from a credit, once reversed,
 * puts its line back in the queue to be matched again. The fixture's clock
 * stands at 10 March 2026; it received Rp 36.550.000 from "PT Uji" that day.
 */
for (const engine of ENGINES) {
  describe(`bank lines as the hub's payments on ${engine}`, () => {
    let f: HttpFixture;
    let supplierId: string;
    const byRemark = new Map<string, BankLineView>();

    const lines = async (status: 'unmatched' | 'matched') => {
      const res = await callAs(
        f,
        'hubAdmin',
        'GET',
        `/api/v1/bank-statements/lines?status=${status}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: BankLineView[] }).items;
    };
    const pay = (lineRemark: string, amount: number, id = newId()) =>
      callAs(f, 'hubAdmin', 'POST', '/api/v1/supplier-payments', {
        id,
        supplierId,
        amount,
        paidOn: '2026-03-10',
        method: 'transfer',
        bankLineId: byRemark.get(lineRemark)!.id,
      });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const file = mt940([
        { date: '2026-03-10', mark: 'D', amount: 36_550_000, ref: 'FT01', remark: 'KE PT UJI' },
        { date: '2026-03-10', mark: 'D', amount: 1_000_000, ref: 'FT02', remark: 'KE PT LAIN' },
        { date: '2026-03-10', mark: 'C', amount: 500_000, ref: 'FT03', remark: `KDKMP A ${refA}` },
        { date: '2026-03-10', mark: 'C', amount: 750_000, ref: 'FT04', remark: 'TITIPAN' },
      ]);
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/v1/bank-statements',
        headers: { ...bearer(f.tokens.hubAdmin), 'content-type': 'application/octet-stream' },
        payload: Buffer.from(file),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ lines: 4, matched: 1, unmatched: 3 });
      for (const l of [...(await lines('unmatched')), ...(await lines('matched'))])
        byRemark.set(l.remark, l);
      const suppliers = await callAs(f, 'hubAdmin', 'GET', '/api/v1/suppliers');
      supplierId = (suppliers.json() as { items: { id: string; name: string }[] }).items.find(
        (s) => s.name === 'PT Uji',
      )!.id;
    }, 120_000);
    afterAll(() => f.close());

    it('refuses a supplier payment whose amount is not the line’s, and a credit line', async () => {
      const wrong = await pay('KE PT LAIN', 36_550_000);
      expect(wrong.statusCode, wrong.body).toBe(400);
      expect(wrong.json().errors).toEqual([expect.objectContaining({ path: '/amount' })]);
      const credit = await pay('TITIPAN', 750_000);
      expect(credit.statusCode, credit.body).toBe(409);
      expect(credit.json().detail).toMatch(/uang masuk/);
      expect((await lines('unmatched')).map((l) => l.remark).sort()).toEqual([
        'KE PT LAIN',
        'KE PT UJI',
        'TITIPAN',
      ]);
      const open = await callAs(f, 'hubAdmin', 'GET', '/api/v1/supplier-invoices?status=open');
      expect(open.json().items.map((i: { outstanding: number }) => i.outstanding)).toEqual([
        36_550_000,
      ]);
    });

    it('records a debit as the supplier’s payment: the line is matched to it, once', async () => {
      const id = newId();
      const res = await pay('KE PT UJI', 36_550_000, id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ supplierName: 'PT Uji', amount: 36_550_000 });
      expect((await pay('KE PT UJI', 36_550_000, id)).statusCode).toBe(200);
      const line = (await lines('matched')).find((l) => l.remark === 'KE PT UJI');
      expect(line).toMatchObject({ supplierPaymentId: id, supplierName: 'PT Uji' });
      expect((await lines('unmatched')).map((l) => l.remark)).not.toContain('KE PT UJI');
      // Another receipt leaves PT Uji something open: the line itself refuses a second claim.
      const receipt = await callAs(f, 'hubStaff', 'POST', '/api/v1/goods-receipts', {
        id: newId(),
        supplierName: 'PT Uji',
        lines: [{ productId: f.n.gula50.id, qty: 60, unitCost: 740_000 }],
      });
      expect(receipt.statusCode, receipt.body).toBe(201);
      const again = await pay('KE PT UJI', 36_550_000);
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().detail).toMatch(/sudah dicocokkan/);
      const invoices = await callAs(f, 'hubAdmin', 'GET', '/api/v1/supplier-invoices?status=open');
      expect(invoices.json().items.map((i: { outstanding: number }) => i.outstanding)).toEqual([
        44_400_000,
      ]);
    });

    it('puts the line of a reversed cooperative payment back in the queue, to match again', async () => {
      const line = byRemark.get(`KDKMP A ${refA}`)!;
      expect(line).toMatchObject({ status: 'matched', cooperativeId: f.n.coopA.id });
      const reversed = await callAs(
        f,
        'hubAdmin',
        'POST',
        `/api/v1/documents/payment/${line.paymentId}/reverse`,
        { id: newId(), reason: 'Salah koperasi' },
      );
      expect(reversed.statusCode, reversed.body).toBe(201);
      expect(reversed.json()).not.toHaveProperty('bankLineId');
      const back = (await lines('unmatched')).find((l) => l.id === line.id);
      expect(back).toBeDefined();
      expect(back).not.toHaveProperty('cooperativeId');
      expect(back).not.toHaveProperty('paymentId');
      await f.app.deps.audit.flush();
      const audit = await auditEventsOf(f, 'reverseDocument');
      expect(audit.map((e) => [e.targetId, JSON.parse(e.detail)])).toEqual([
        [line.paymentId, expect.objectContaining({ bankLineId: line.id })],
      ]);

      const match = await callAs(
        f,
        'hubAdmin',
        'POST',
        `/api/v1/bank-statements/lines/${line.id}/match`,
        { cooperativeId: f.n.coopB.id },
      );
      expect(match.statusCode, match.body).toBe(201);
      const now = (await lines('matched')).find((l) => l.id === line.id);
      expect(now).toMatchObject({ cooperativeId: f.n.coopB.id });
      expect(now!.paymentId).not.toBe(line.paymentId);
      expect((await verifyDatabase(f.t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
