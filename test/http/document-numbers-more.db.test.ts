import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerCodeOf } from '../../src/core/numbering/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { pdfText } from '../helpers/pdf.ts';

/**
 * Goods receipts (`BPB`, the hub's), returns (`RTR`) and stock counts (`SO`,
 * each cooperative's own, under its village code) carry gap-free numbers per
 * issuer and year, answered by the commands and the goods receipts list.
 */
for (const engine of ENGINES) {
  describe(`numbers of goods receipts, returns and stock counts on ${engine}`, () => {
    let f: HttpFixture;
    let hub = '';
    const A = '1571011001';
    const B = '1571011002';

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      hub = issuerCodeOf(f.n.hub);
      // Stock at cooperative A: one surat jalan, sent and received.
      const order = await callAs(f, 'hubStaff', 'POST', '/api/v1/delivery-orders', {
        cooperativeId: f.n.coopA.id,
        lines: [{ productId: f.n.gula1.id, qty: 20 }],
      });
      const id = order.json().id as string;
      await callAs(f, 'hubStaff', 'POST', `/api/v1/delivery-orders/${id}/dispatch`, {});
      const received = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/delivery-orders/${id}/receive`,
        {
          lines: [{ productId: f.n.gula1.id, qtyReceived: 20 }],
        },
      );
      expect(received.statusCode).toBe(200);
    });
    afterAll(() => f.close());

    const receipt = (body: object) =>
      callAs(f, 'hubStaff', 'POST', '/api/v1/goods-receipts', {
        supplierName: 'PT Gula Nusantara',
        lines: [{ productId: f.n.gula1.id, qty: 10, unitCost: 15_000 }],
        ...body,
      });

    it('numbers goods receipts one after another; a replay answers its number, a refused one takes none', async () => {
      // The fixture's own receipt (10 March) is the hub's first of 2026.
      const id = newId();
      const first = await receipt({ id, date: '2026-03-09' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({
        id,
        number: `BPB/${hub}/2026/03/0002`,
        totalCost: 150_000,
      });
      const again = await receipt({ id, date: '2026-03-09' });
      expect([again.statusCode, again.json().number]).toEqual([200, `BPB/${hub}/2026/03/0002`]);
      const refused = await receipt({ lines: [{ productId: newId(), qty: 1, unitCost: 1 }] });
      expect(refused.json().code).toBe('ValidationFailed');
      const next = await receipt({ date: '2026-02-27' });
      expect(next.json().number).toBe(`BPB/${hub}/2026/02/0003`);
    });

    it('lists goods receipts with their numbers and finds them by number, whole or in part', async () => {
      const list = await callAs(f, 'hubStaff', 'GET', '/api/v1/goods-receipts');
      expect(list.json().items.map((r: { number: string }) => r.number)).toEqual([
        `BPB/${hub}/2026/03/0001`,
        `BPB/${hub}/2026/03/0002`,
        `BPB/${hub}/2026/02/0003`,
      ]);
      const target = `BPB/${hub}/2026/03/0002`;
      for (const q of [target, target.toLowerCase(), '03/0002', ' 0002 ']) {
        const found = await callAs(
          f,
          'hubStaff',
          'GET',
          `/api/v1/goods-receipts?q=${encodeURIComponent(q)}`,
        );
        expect(found.json().items.map((r: { number: string }) => r.number)).toEqual([target]);
      }
      const none = await callAs(f, 'hubStaff', 'GET', '/api/v1/goods-receipts?q=0%25');
      expect(none.json().items).toEqual([]);
    });

    it("numbers a cooperative's returns in its own sequence under its village code", async () => {
      const ret = (body: object) =>
        callAs(f, 'managerA', 'POST', `/api/v1/cooperatives/${f.n.coopA.id}/returns`, {
          id: newId(),
          reason: 'Kemasan robek',
          lines: [{ productId: f.n.gula1.id, qty: 1 }],
          ...body,
        });
      const id = newId();
      const first = await ret({ id });
      expect([first.statusCode, first.json()]).toEqual([
        201,
        { id, number: `RTR/${A}/2026/03/0001` },
      ]);
      expect((await ret({ id })).json().number).toBe(`RTR/${A}/2026/03/0001`);
      const refused = await ret({ lines: [{ productId: f.n.gula1.id, qty: 500 }] });
      expect(refused.json().code).toBe('InsufficientStock');
      expect((await ret({ date: '2026-03-09' })).json().number).toBe(`RTR/${A}/2026/03/0002`);
    });

    it("numbers each cooperative's stock counts apart; a refused count takes no number", async () => {
      const count = (user: 'managerA' | 'managerB', coopId: string, body: object = {}) =>
        callAs(f, user, 'POST', `/api/v1/cooperatives/${coopId}/stock-counts`, {
          id: newId(),
          countedAt: '2026-03-10T02:00:00Z',
          lines: [{ productId: f.n.gula1.id, qtyCounted: 18 }],
          ...body,
        });
      const refused = await count('managerA', f.n.coopA.id, {
        countedAt: '2026-03-11T02:00:00Z',
      });
      expect(refused.json().code).toBe('DateInFuture');
      const a1 = await count('managerA', f.n.coopA.id);
      expect(a1.statusCode).toBe(201);
      expect(a1.json()).toMatchObject({
        number: `SO/${A}/2026/03/0001`,
        lines: [{ expected: 18, counted: 18, variance: 0 }],
      });
      const b1 = await count('managerB', f.n.coopB.id, {
        lines: [{ productId: f.n.gula1.id, qtyCounted: 0 }],
      });
      expect(b1.json().number).toBe(`SO/${B}/2026/03/0001`);
      expect((await count('managerA', f.n.coopA.id)).json().number).toBe(`SO/${A}/2026/03/0002`);
    });
    it('the statement PDF lists a count with shrinkage by its number', async () => {
      const count = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/cooperatives/${f.n.coopA.id}/stock-counts`,
        {
          id: newId(),
          countedAt: '2026-02-20T02:00:00Z',
          lines: [{ productId: f.n.gula1.id, qtyCounted: 17 }],
        },
      );
      expect(count.json()).toMatchObject({
        number: `SO/${A}/2026/02/0003`,
        lines: [{ variance: -1 }],
      });
      const closed = await callAs(f, 'hubAdmin', 'POST', '/api/v1/settlements/close', {
        periodEnd: '2026-02-28',
        cooperativeId: f.n.coopA.id,
      });
      const statementId = closed.json().statements[0].id as string;
      const pdf = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/cooperatives/${f.n.coopA.id}/statements/${statementId}/pdf`,
      );
      expect(pdfText(pdf.rawPayload)).toContain(`SO/${A}/2026/02/0003`);
    });
  });
}
