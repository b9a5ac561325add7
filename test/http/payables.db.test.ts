import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import type { SupplierInvoiceView as Invoice } from '../../src/core/treasury/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

/**
 * Supplier payables: every goods receipt is an invoice due on its date + the
 * supplier's terms; payments go to the oldest open invoices and never beyond
 * them; a reversed receipt cancels its invoice; Utang Usaha in the hub's
 * books equals what the invoices leave open. The fixture's clock is 10 March
 * 2026 and it received Rp 36.550.000 from "PT Uji" that day (30 days terms).
 */
for (const engine of ENGINES) {
  describe(`supplier payables over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const call = (user: UserKey, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      callAs(f, user, method, url, payload);
    const receive = async (supplierName: string, date: string, qty: number) => {
      const res = await call('hubStaff', 'POST', '/api/v1/goods-receipts', {
        id: newId(),
        supplierName,
        date,
        lines: [{ productId: f.n.gula50.id, qty, unitCost: 740_000 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; number: string; totalCost: number };
    };
    const invoices = async (query = '') => {
      const res = await call('hubStaff', 'GET', `/api/v1/supplier-invoices${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Invoice[] }).items;
    };
    const aging = async () => {
      const res = await call('hubStaff', 'GET', '/api/v1/payables/aging');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        total: number;
        aging: Record<string, number>;
        suppliers: { name: string; outstanding: number; aging: Record<string, number> }[];
      };
    };
    const utangUsaha = async () => {
      const rows = await f.t.db
        .selectFrom('accountBalance')
        .selectAll()
        .where('orgId', '=', f.n.hub.id)
        .where('accountCode', '=', '2101')
        .execute();
      return rows.reduce((t, r) => t + r.credit - r.debit, 0);
    };
    let january: { id: string; number: string };
    let february: { id: string };
    let march: { id: string };
    let supplierId: string;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      january = await receive('PT Gula Nusantara', '2026-01-05', 10); // Rp 7.400.000
      february = await receive('  pt gula   NUSANTARA ', '2026-02-20', 2); // Rp 1.480.000, same supplier
    });
    afterAll(() => f.close());

    it('makes each goods receipt an invoice of its supplier, due on its date + 30 days', async () => {
      const open = await invoices('?status=open');
      expect(
        open.map((i) => [i.supplierName, i.invoiceDate, i.dueDate, i.amount, i.daysPastDue]),
      ).toEqual([
        ['PT Gula Nusantara', '2026-01-05', '2026-02-04', 7_400_000, 34],
        ['PT Gula Nusantara', '2026-02-20', '2026-03-22', 1_480_000, 0],
        ['PT Uji', '2026-03-10', '2026-04-09', 36_550_000, 0],
      ]);
      expect(open[0]!.number).toBe(january.number);
      supplierId = open[0]!.supplierId;
      expect(open[1]!.supplierId).toBe(supplierId);
    });

    it('gives new receipts the supplier’s new terms; earlier invoices keep their due date', async () => {
      expect(
        (await call('hubStaff', 'PUT', `/api/v1/suppliers/${supplierId}`, { termsDays: 14 }))
          .statusCode,
      ).toBe(403);
      const set = await call('hubAdmin', 'PUT', `/api/v1/suppliers/${supplierId}`, {
        termsDays: 14,
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ name: 'PT Gula Nusantara', termsDays: 14 });
      march = await receive('PT Gula Nusantara', '2026-03-01', 5); // Rp 3.700.000
      const open = await invoices('?status=open');
      expect(open.find((i) => i.id === march.id)!.dueDate).toBe('2026-03-15');
      expect(open.find((i) => i.id === january.id)!.dueDate).toBe('2026-02-04');
    });

    it('ages what the hub owes by days past due, per supplier', async () => {
      const a = await aging();
      expect(a.total).toBe(7_400_000 + 1_480_000 + 3_700_000 + 36_550_000);
      expect(a.aging).toEqual({
        current: 1_480_000 + 3_700_000 + 36_550_000,
        d1to30: 0,
        d31to60: 7_400_000,
        d61to90: 0,
        d90plus: 0,
      });
      expect(a.suppliers.find((s) => s.name === 'PT Gula Nusantara')!.outstanding).toBe(12_580_000);
    });

    it('allocates a payment to the oldest open invoices and books Dr Utang Usaha, Cr Bank', async () => {
      const body = {
        id: newId(),
        supplierName: 'pt gula nusantara',
        amount: 8_000_000,
        paidOn: '2026-03-09',
        method: 'transfer',
        reference: 'TRF 0309',
      };
      const res = await call('hubStaff', 'POST', '/api/v1/supplier-payments', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(
        res
          .json()
          .allocations.map((a: { invoiceId: string; amount: number }) => [a.invoiceId, a.amount]),
      ).toEqual([
        [january.id, 7_400_000],
        [february.id, 600_000],
      ]);
      const again = await call('hubStaff', 'POST', '/api/v1/supplier-payments', body);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(res.json());
      const other = await call('hubStaff', 'POST', '/api/v1/supplier-payments', {
        ...body,
        amount: 7_000_000,
      });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('IdempotencyConflict');

      const paid = await invoices('?status=paid');
      expect(paid.map((i) => i.id)).toEqual([january.id]);
      const feb = (await invoices('?status=open')).find((i) => i.id === february.id)!;
      expect([feb.paidAmount, feb.outstanding]).toEqual([600_000, 880_000]);
      const bank = await f.t.db
        .selectFrom('journalLine')
        .selectAll()
        .where('orgId', '=', f.n.hub.id)
        .where('accountCode', '=', '1102')
        .execute();
      expect(bank.map((l) => [l.entryDate, l.debit, l.credit])).toEqual([
        ['2026-03-09', 0, 8_000_000],
      ]);
      const audited = await auditEventsOf(f, 'recordSupplierPayment');
      expect(audited.map((e) => [e.targetType, e.targetId])).toContainEqual([
        'supplier_payment',
        body.id,
      ]);
    });

    it('refuses a payment beyond the open invoices and writes nothing', async () => {
      const before = await utangUsaha();
      const res = await call('hubAdmin', 'POST', '/api/v1/supplier-payments', {
        id: newId(),
        supplierId,
        amount: 880_000 + 3_700_000 + 1,
        method: 'cash',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('InvalidState');
      expect(await utangUsaha()).toBe(before);
      const unknown = await call('hubAdmin', 'POST', '/api/v1/supplier-payments', {
        id: newId(),
        supplierName: 'CV Tidak Dikenal',
        amount: 1_000,
        method: 'cash',
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('cancels the invoice of a reversed goods receipt; Utang Usaha equals the open invoices', async () => {
      const rev = await call(
        'hubAdmin',
        'POST',
        `/api/v1/documents/goods_receipt/${march.id}/reverse`,
        {
          id: newId(),
          reason: 'Salah input pemasok',
        },
      );
      expect(rev.statusCode, rev.body).toBe(201);
      const all = await invoices();
      expect(all.find((i) => i.id === march.id)!.status).toBe('cancelled');
      const a = await aging();
      expect(a.total).toBe(880_000 + 36_550_000);
      expect(await utangUsaha()).toBe(a.total);
      const report = await verifyDatabase(f.t.db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
