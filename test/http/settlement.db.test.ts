import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  createStockCount,
  dispatchDeliveryOrder,
  getCooperativeBalance,
  receiveDeliveryOrder,
  recordSales,
} from '../../src/core/consignment/index.ts';
import { createCooperative, createParticipation } from '../../src/core/network/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import { pdfText } from '../helpers/pdf.ts';

/**
 * The hub's settlement screens over HTTP: February's statements, the
 * network's aging (equal to each cooperative's own balance), the statement
 * PDF with the documents behind its numbers, the journal by period and the
 * audit trail's pages. The fixture's clock stands at 10 March 2026.
 */
for (const engine of ENGINES) {
  describe(`settlement and books over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let statementA = '';
    let numberA = '';
    const paymentId = newId();

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const { n } = f;
      // The hub's bank account, as its profile records it: the statement says where to pay.
      await f.t.db
        .updateTable('organization')
        .set({
          bankName: 'Bank Jambi',
          bankAccountNo: '0012345678',
          bankAccountName: 'Koperasi Kana Cabang Jambi',
        })
        .where('id', '=', n.hub.id)
        .execute();
      const tx = <T>(fn: (db: typeof f.t.db) => Promise<T>) => f.t.db.transaction().execute(fn);
      for (const coop of [n.coopA, n.coopB]) {
        const d = await tx((db) =>
          createDeliveryOrder(db, n.ctx, {
            cooperativeId: coop.id,
            date: '2026-02-02',
            lines: [{ productId: n.gula1.id, qty: 100 }],
          }),
        );
        await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id, { date: '2026-02-02' }));
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, d.id, {
            date: '2026-02-03',
            lines: [{ productId: n.gula1.id, qtyReceived: 100 }],
          }),
        );
      }
      // A: 10 packs on 5 Feb, 20 on 6 Feb (Rp 16.000 each), a count short by 2 on 20 Feb.
      for (const [day, qty] of [
        ['05', 10],
        ['06', 20],
      ] as const)
        await tx((db) =>
          recordSales(db, n.ctx, n.coopA.id, [
            {
              id: newId(),
              occurredAt: `2026-02-${day}T03:00:00Z`,
              paymentMethod: 'cash',
              lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
            },
          ]),
        );
      await tx((db) =>
        createStockCount(db, n.ctx, n.coopA.id, {
          id: newId(),
          countedAt: '2026-02-20T03:00:00Z',
          lines: [{ productId: n.gula1.id, qtyCounted: 68 }],
        }),
      );
      await tx((db) =>
        recordSales(db, n.ctx, n.coopB.id, [
          {
            id: newId(),
            occurredAt: '2026-02-07T03:00:00Z',
            paymentMethod: 'cash',
            lines: [{ productId: n.gula1.id, qty: 5, unitPrice: 17_500 }],
          },
        ]),
      );
    }, 120_000);
    afterAll(() => f.close());

    const get = (url: string, who: keyof HttpFixture['tokens'] = 'hubAdmin') =>
      f.app.inject({ method: 'GET', url, headers: bearer(f.tokens[who]) });
    const post = (url: string, payload: object) =>
      f.app.inject({ method: 'POST', url, headers: bearer(f.tokens.hubAdmin), payload });

    it('closing February issues one statement per cooperative; closing again returns the same ones', async () => {
      const close = () =>
        f.app.inject({
          method: 'POST',
          url: '/api/v1/settlements/close',
          headers: bearer(f.tokens.hubAdmin),
          payload: { periodEnd: '2026-02-28' },
        });
      const first = await close();
      expect(first.statusCode).toBe(200);
      const statements = first.json().statements as { id: string; cooperativeId: string }[];
      expect(statements).toHaveLength(2);
      statementA = statements.find((s) => s.cooperativeId === f.n.coopA.id)!.id;
      expect((await close()).json().statements).toEqual(first.json().statements);
      // Numbered TK/<hub>/2026/02/0001 and …/0002: February's, one after the other.
      const numbers = first
        .json()
        .statements.map((s: { number: string }) => s.number)
        .sort();
      expect(numbers).toEqual([
        expect.stringMatching(/^TK\/[A-Z0-9-]+\/2026\/02\/0001$/),
        expect.stringMatching(/^TK\/[A-Z0-9-]+\/2026\/02\/0002$/),
      ]);
      numberA = first.json().statements.find((s: { id: string }) => s.id === statementA).number;
      // Each statement carries its cooperative's payment reference, the one getCooperative gives.
      for (const s of first.json().statements as {
        cooperativeId: string;
        paymentReference: string;
      }[]) {
        const coop = (await get(`/api/v1/cooperatives/${s.cooperativeId}`)).json();
        expect(coop.paymentReference).toMatch(/^LMB\d{11}$/);
        expect(s.paymentReference).toBe(coop.paymentReference);
      }
    });

    it('a payment lowers the network aging exactly as it lowers the cooperative balance', async () => {
      const pay = await f.app.inject({
        method: 'POST',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/payments`,
        headers: bearer(f.tokens.managerA),
        payload: {
          id: paymentId,
          amount: 200_000,
          receivedOn: '2026-03-09',
          method: 'transfer',
          reference: 'TRF-BRI-0309',
        },
      });
      expect(pay.statusCode).toBe(201);
      expect(pay.json().number).toMatch(/^PB\/[A-Z0-9-]+\/2026\/03\/0001$/);
      const payments = await get(`/api/v1/cooperatives/${f.n.coopA.id}/payments?q=0001`);
      expect(payments.json().items).toEqual([
        expect.objectContaining({ id: paymentId, number: pay.json().number }),
      ]);
      const aging = (await get('/api/v1/settlements/aging')).json();
      expect(aging.asOf).toBe('2026-03-10');
      const a = aging.items.find(
        (i: { cooperativeId: string }) => i.cooperativeId === f.n.coopA.id,
      );
      const own = await getCooperativeBalance(f.t.db, f.n.clock, f.n.coopA.id);
      // 30 sold + 2 short = 32 × Rp 16.000 = Rp 512.000, less Rp 200.000 paid.
      expect(a).toEqual({
        cooperativeId: f.n.coopA.id,
        cooperativeName: 'KDKMP Simpang IV Sipin',
        balanceDue: 312_000,
        overdueAmount: own.overdueAmount,
        onHold: own.onHold,
        aging: own.aging,
      });
      expect(a.aging.current).toBe(312_000);
      expect(aging.totals.balanceDue).toBe(312_000 + 5 * 16_000);
      expect(aging.totals.aging.current).toBe(312_000 + 5 * 16_000);
    });

    it("lists the network's statements with outstanding and days past due, and filters them", async () => {
      const all = (await get('/api/v1/settlements/statements')).json().items;
      expect(all).toHaveLength(2);
      const a = all.find((s: { cooperativeId: string }) => s.cooperativeId === f.n.coopA.id);
      expect(a).toMatchObject({
        periodStart: '2026-01-01',
        periodEnd: '2026-02-28',
        salesAmount: 480_000,
        shrinkageAmount: 32_000,
        closingBalance: 512_000,
        dueDate: '2026-03-14',
        outstanding: 312_000,
        daysPastDue: 0,
        cooperativeName: 'KDKMP Simpang IV Sipin',
      });
      const onlyB = (
        await get(`/api/v1/settlements/statements?cooperativeId=${f.n.coopB.id}`)
      ).json().items;
      expect(onlyB.map((s: { cooperativeName: string }) => s.cooperativeName)).toEqual([
        'KDKMP Buluran Kenali',
      ]);
      expect((await get('/api/v1/settlements/statements?status=paid')).json().items).toEqual([]);
      expect((await get('/api/v1/settlements/statements?status=overdue')).json().items).toEqual([]);
      expect(
        (await get('/api/v1/settlements/statements?periodEnd=2026-01-31')).json().items,
      ).toEqual([]);
      // Found by its number, whole or in part, in any case; on the cooperative's own list too.
      for (const q of [numberA, numberA.toLowerCase(), numberA.slice(-7)]) {
        const found = (await get(`/api/v1/settlements/statements?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((s: { id: string }) => s.id);
        expect(found).toEqual([statementA]);
      }
      const own = await get(
        `/api/v1/cooperatives/${f.n.coopA.id}/statements?q=${encodeURIComponent(numberA)}`,
        'managerA',
      );
      expect(own.json().items.map((s: { number: string }) => s.number)).toEqual([numberA]);
      // With how to pay: the hub's account and the cooperative's reference for the remark.
      expect(own.json().payTo).toEqual({
        hubName: 'Koperasi Kana — Cabang Jambi',
        bankName: 'Bank Jambi',
        bankAccountNo: '0012345678',
        bankAccountName: 'Koperasi Kana Cabang Jambi',
        paymentReference: own.json().items[0].paymentReference,
      });
      expect(own.json().payTo.paymentReference).toMatch(/^LMB\d{11}$/);
      expect((await get('/api/v1/settlements/statements?q=TK%2F9999')).json().items).toEqual([]);
    });

    it('the statement PDF shows the numbers and the documents behind them', async () => {
      const res = await get(
        `/api/v1/cooperatives/${f.n.coopA.id}/statements/${statementA}/pdf`,
        'managerA',
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('inline; filename="tagihan-2026-02-28.pdf"');
      const text = pdfText(res.rawPayload);
      const reference = (await get(`/api/v1/cooperatives/${f.n.coopA.id}`)).json().paymentReference;
      for (const expected of [
        `No. ${numberA}`,
        // How to pay: the hub's account and the reference for the transfer remark.
        'Cara pembayaran',
        'Bank Jambi',
        '0012345678',
        'Koperasi Kana Cabang Jambi',
        'Berita transfer',
        reference,
        'Koperasi Kana',
        'KDKMP Simpang IV Sipin',
        '1 Jan 2026 s.d. 28 Feb 2026',
        '14 Mar 2026',
        'Rp 480.000',
        'Rp 32.000',
        'Rp 512.000',
        // Outstanding after the payment of 9 March (on the next statement).
        'Rp 312.000',
        // Sales per day: 10 packs on 5 Feb, 20 on 6 Feb.
        '5 Feb 2026',
        'Rp 160.000',
        '6 Feb 2026',
        'Rp 320.000',
        'GKP-1',
        'Gula Kristal Putih 1 kg',
      ])
        expect(text).toContain(expected);
      expect(text).toContain('Tidak ada pembayaran pada periode ini.');
      // The hub reads it too; so does the cooperative's cashier.
      for (const who of ['hubAdmin', 'hubStaff', 'cashierA'] as const)
        expect(
          (await get(`/api/v1/cooperatives/${f.n.coopA.id}/statements/${statementA}/pdf`, who))
            .statusCode,
        ).toBe(200);
    });

    it("another cooperative's user gets 403, and a statement of another cooperative is 404", async () => {
      const url = `/api/v1/cooperatives/${f.n.coopA.id}/statements/${statementA}/pdf`;
      const b = await get(url, 'managerB');
      expect(b.statusCode).toBe(403);
      expect(b.json().code).toBe('Forbidden');
      expect((await get(url, 'govViewer')).statusCode).toBe(403);
      // B's manager asking for A's statement under B's own path: not there.
      const cross = await get(
        `/api/v1/cooperatives/${f.n.coopB.id}/statements/${statementA}/pdf`,
        'managerB',
      );
      expect(cross.statusCode).toBe(404);
      expect(cross.json().code).toBe('NotFound');
    });

    it("the cooperative's journal by period: entries with named lines, balanced, in pages", async () => {
      const base = `/api/v1/orgs/${f.n.coopA.id}/ledger/entries?from=2026-02-01&to=2026-02-28`;
      const all = (await get(`${base}&limit=200`, 'managerA')).json();
      expect(all.nextCursor).toBeUndefined();
      // Two sales and one stock count in February; the March payment is outside the period.
      expect(all.items.map((e: { documentType: string }) => e.documentType)).toEqual([
        'sales_batch',
        'sales_batch',
        'stock_count',
      ]);
      for (const e of all.items) {
        const lines = e.lines as { debit: number; credit: number }[];
        expect(lines.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(0);
      }
      expect(all.items[0]).toMatchObject({
        date: '2026-02-05',
        lines: expect.arrayContaining([
          {
            accountCode: '2101',
            accountName: 'Utang kepada Pengamanat',
            counterpartyOrgId: f.n.hub.id,
            counterpartyName: 'Koperasi Kana — Cabang Jambi',
            debit: 0,
            credit: 160_000,
          },
        ]),
      });
      // A summary entry traces to its sales: the cooperative's sales of that posting.
      const first = all.items[0] as {
        date: string;
        documentId: string;
        lines: { accountCode: string; credit: number }[];
      };
      const ofPosting = (
        await get(
          `/api/v1/cooperatives/${f.n.coopA.id}/sales?postingId=${first.documentId}`,
          'managerA',
        )
      ).json();
      expect(ofPosting.items.length).toBeGreaterThan(0);
      for (const sale of ofPosting.items)
        expect(sale).toMatchObject({ postingId: first.documentId, saleDate: first.date });
      expect(
        ofPosting.items.reduce(
          (t: number, sale: { consignmentAmount: number }) => t + sale.consignmentAmount,
          0,
        ),
      ).toBe(first.lines.find((l) => l.accountCode === '2101')!.credit);
      // Page by page, the same entries in the same order.
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (
          await get(`${base}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, 'managerA')
        ).json();
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((e: { id: string }) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((e: { id: string }) => e.id));
      const march = (
        await get(`/api/v1/orgs/${f.n.coopA.id}/ledger/entries?from=2026-03-01`, 'managerA')
      ).json();
      expect(march.items).toHaveLength(1);
      expect(march.items[0]).toMatchObject({ documentType: 'payment', documentId: paymentId });
      // Narrowed to one kind of document.
      const counts = (await get(`${base}&documentType=stock_count`, 'managerA')).json();
      expect(counts.items.map((e: { documentType: string }) => e.documentType)).toEqual([
        'stock_count',
      ]);
      expect((await get(`${base}&documentType=nota`, 'managerA')).statusCode).toBe(400);
      expect((await get(base, 'managerB')).statusCode).toBe(403);
    });

    it('the audit trail names who recorded the payment, filters by action and pages with nextCursor', async () => {
      const res = (await get('/api/v1/audit-events?action=recordPayment')).json();
      expect(res.items).toHaveLength(1);
      expect(res.items[0]).toMatchObject({
        action: 'recordPayment',
        targetType: 'payment',
        targetId: paymentId,
        actorName: 'managerA',
        actorEmail: 'managera@uji.test',
        orgName: 'KDKMP Simpang IV Sipin',
      });
      const first = (await get('/api/v1/audit-events?limit=1')).json();
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toBeDefined();
      const second = (await get(`/api/v1/audit-events?limit=1&cursor=${first.nextCursor}`)).json();
      expect(second.items).toHaveLength(1);
      expect(second.items[0].id).not.toBe(first.items[0].id);
      expect(second.items[0].at <= first.items[0].at).toBe(true);
      expect((await get('/api/v1/audit-events?from=2026-03-11')).json().items).toEqual([]);
    });

    it('running February again grants a participation entered since, from 16 February, pro rata, and only it', async () => {
      const runFebruary = () => post('/api/v1/subsidies/runs', { month: '2026-02' });
      const first = await runFebruary();
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ month: '2026-02', newGrants: 2 });
      expect(first.json().items).toHaveLength(2);

      // Entered on 10 March: a participation from 16 February, with its February stock count.
      const { n } = f;
      const coopC = await createCooperative(
        f.t.db,
        { name: 'KDKMP Teluk Kenali', villageCode: '15.71.01.1003' },
        n.clock,
      );
      await createParticipation(
        f.t.db,
        coopC.id,
        {
          hubId: n.hub.id,
          agreementNo: 'PKS/15.71.01.1003',
          startDate: '2026-02-16',
          exposureLimit: 50_000_000,
        },
        n.clock,
      );
      await f.t.db.transaction().execute((db) =>
        createStockCount(db, n.ctx, coopC.id, {
          id: newId(),
          countedAt: '2026-02-20T03:00:00Z',
          lines: [{ productId: n.gula1.id, qtyCounted: 0 }],
        }),
      );

      const second = await runFebruary();
      expect(second.statusCode).toBe(200);
      const body = second.json();
      expect(body).toMatchObject({ runId: first.json().runId, month: '2026-02', newGrants: 1 });
      // 16–28 February: 13 of 28 days. 2,000,000 × 13 / 28 = 928,571.42… rounded down.
      expect(body.items).toEqual(
        expect.arrayContaining([
          ...first.json().items,
          {
            cooperativeId: coopC.id,
            amount: 928_571,
            eligible: true,
            status: 'accrued',
            activeDays: 13,
            daysInMonth: 28,
          },
        ]),
      );
      expect(body.items).toHaveLength(3);

      const third = await runFebruary();
      expect(third.statusCode).toBe(200);
      expect(third.json()).toEqual({ ...body, newGrants: 0 });
    });

    it("one transfer batch marks the month's waiting payouts paid, and only once", async () => {
      const run = await f.app.inject({
        method: 'GET',
        url: '/api/v1/subsidies/runs/2026-02',
        headers: bearer(f.tokens.hubAdmin),
      });
      const waiting = (run.json().items as { status: string; amount: number }[]).filter(
        (g) => g.status === 'accrued',
      );
      expect(waiting.length).toBeGreaterThan(0);
      const batch = { reference: 'TRF/SUBSIDI/2026-02', paidOn: '2026-03-10' };
      const first = await post('/api/v1/subsidies/runs/2026-02/paid', batch);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({
        month: '2026-02',
        paid: waiting.length,
        total: waiting.reduce((t, g) => t + g.amount, 0),
      });
      const after = await f.app.inject({
        method: 'GET',
        url: '/api/v1/subsidies/runs/2026-02',
        headers: bearer(f.tokens.hubAdmin),
      });
      expect(
        (after.json().items as { status: string }[]).filter((g) => g.status === 'accrued'),
      ).toEqual([]);
      const again = await post('/api/v1/subsidies/runs/2026-02/paid', batch);
      expect(again.json()).toEqual({ month: '2026-02', paid: 0, total: 0 });
      const none = await post('/api/v1/subsidies/runs/2025-01/paid', batch);
      expect(none.statusCode).toBe(404);
    });
  });
}
