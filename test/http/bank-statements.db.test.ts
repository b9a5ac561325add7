import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeliveryOrder,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
  recordSales,
} from '../../src/core/consignment/index.ts';
import { paymentReferenceOf } from '../../src/core/network/index.ts';
import { closeSettlementPeriod } from '../../src/core/settlement/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import { ACCOUNT, mt940, type Movement } from '../helpers/bank-mt940.ts';
import { bearer, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

/** The payment references of the fixture's KDKMP A and B (their village codes). */
const refA = paymentReferenceOf('15.71.01.1001');
const refB = paymentReferenceOf('15.71.01.1002');

/**
 * The hub imports its bank statement: credits carrying a cooperative's
 * payment reference become its payments (oldest statement first); the same
 * or an overlapping file again posts nothing twice; the rest waits in a queue
 * where a hub user matches it or sets it aside. The fixture's clock stands at
 * 10 March 2026; KDKMP A owes Rp 160.000 (January) and Rp 320.000 (February),
 * KDKMP B Rp 80.000 (February).
 */
for (const engine of ENGINES) {
  describe(`bank statements over HTTP on ${engine}`, () => {
    let f: HttpFixture;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const { n } = f;
      const tx = <T>(fn: (db: typeof f.t.db) => Promise<T>) => f.t.db.transaction().execute(fn);
      for (const coop of [n.coopA, n.coopB]) {
        const d = await tx((db) =>
          createDeliveryOrder(db, n.ctx, {
            cooperativeId: coop.id,
            date: '2026-01-05',
            lines: [{ productId: n.gula1.id, qty: 100 }],
          }),
        );
        await tx((db) => dispatchDeliveryOrder(db, n.ctx, d.id, { date: '2026-01-05' }));
        await tx((db) =>
          receiveDeliveryOrder(db, n.ctx, d.id, {
            date: '2026-01-06',
            lines: [{ productId: n.gula1.id, qtyReceived: 100 }],
          }),
        );
      }
      const sell = (coopId: string, at: string, qty: number) =>
        tx((db) =>
          recordSales(db, n.ctx, coopId, [
            {
              id: newId(),
              occurredAt: at,
              paymentMethod: 'cash',
              lines: [{ productId: n.gula1.id, qty, unitPrice: 17_500 }],
            },
          ]),
        );
      await sell(n.coopA.id, '2026-01-10T03:00:00Z', 10);
      await sell(n.coopA.id, '2026-02-05T03:00:00Z', 20);
      await sell(n.coopB.id, '2026-02-07T03:00:00Z', 5);
      for (const periodEnd of ['2026-01-31', '2026-02-28'])
        await tx((db) => closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd }));
    }, 120_000);
    afterAll(() => f.close());

    const upload = (
      text: string | Buffer,
      query = '',
      user: 'hubAdmin' | 'hubStaff' = 'hubAdmin',
    ) =>
      f.app.inject({
        method: 'POST',
        url: `/api/v1/bank-statements${query}`,
        headers: { ...bearer(f.tokens[user]), 'content-type': 'application/octet-stream' },
        payload: Buffer.isBuffer(text) ? text : Buffer.from(text),
      });
    const outstanding = async (coopId: string) =>
      (
        (await callAs(f, 'hubAdmin', 'GET', `/api/v1/cooperatives/${coopId}/statements`)).json()
          .items as { periodEnd: string; outstanding: number }[]
      )
        .map((s) => [s.periodEnd, s.outstanding])
        .sort();
    const payments = async (coopId: string) =>
      (await callAs(f, 'hubAdmin', 'GET', `/api/v1/cooperatives/${coopId}/payments`)).json()
        .items as { amount: number; method: string; reference: string; receivedOn: string }[];
    const lines = async (status: string) =>
      (await callAs(f, 'hubAdmin', 'GET', `/api/v1/bank-statements/lines?status=${status}`)).json()
        .items as {
        id: string;
        remark: string;
        amount: number;
        direction: string;
        cooperativeId?: string;
      }[];
    const counts = async () => ({
      statements: (await f.t.db.selectFrom('bankStatement').select('id').execute()).length,
      lines: (await f.t.db.selectFrom('bankLine').select('id').execute()).length,
      payments: (await f.t.db.selectFrom('payment').select('id').execute()).length,
    });

    const first: Movement[] = [
      // A writes its reference with spaces and in lower case; it pays January and Rp 1.000 more.
      {
        date: '2026-03-02',
        mark: 'C',
        amount: 161_000,
        ref: 'FT0302A',
        remark: `TRF KDKMP A ${refA.toLowerCase().replace(/(\d{4})/g, ' $1 ')}`,
      },
      {
        date: '2026-03-02',
        mark: 'C',
        amount: 80_000,
        ref: 'FT0302B',
        remark: `SETORAN ${refB} KDKMP B`,
      },
      // A reference with a wrong check digit matches nobody.
      {
        date: '2026-03-03',
        mark: 'C',
        amount: 50_000,
        ref: 'FT0303A',
        remark: `TRF ${refA.slice(0, -1)}${(Number(refA.slice(-1)) + 1) % 10}`,
      },
      {
        date: '2026-03-03',
        mark: 'C',
        amount: 40_000,
        ref: 'FT0303B',
        remark: 'TRF DARI KDKMP A PEMBAYARAN TAGIHAN',
      },
      {
        date: '2026-03-03',
        mark: 'D',
        amount: 2_500_000,
        ref: 'FT0303C',
        remark: 'PEMBAYARAN PT GULA MANIS',
      },
      // Two identical fees on one day, without a reference: two lines, each kept once.
      { date: '2026-03-04', mark: 'D', amount: 6_500, remark: 'BIAYA ADM' },
      { date: '2026-03-04', mark: 'D', amount: 6_500, remark: 'BIAYA ADM' },
    ];

    it('posts each referenced credit as that cooperative’s payment, oldest statement first', async () => {
      const before = await counts();
      const res = await upload(mt940(first));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        lines: 7,
        credits: 4,
        matched: 2,
        unmatched: 5,
        duplicates: 0,
      });
      expect(await outstanding(f.n.coopA.id)).toEqual([
        ['2026-01-31', 0],
        ['2026-02-28', 319_000],
      ]);
      expect(await outstanding(f.n.coopB.id)).toContainEqual(['2026-02-28', 0]);
      expect(await payments(f.n.coopB.id)).toMatchObject([
        { amount: 80_000, reference: 'FT0302B' },
      ]);
      expect(await payments(f.n.coopA.id)).toMatchObject([
        { amount: 161_000, method: 'transfer', reference: 'FT0302A', receivedOn: '2026-03-02' },
      ]);
      expect((await counts()).payments).toBe(before.payments + 2);
      const queue = await lines('unmatched');
      expect(queue.map((l) => l.remark).sort()).toEqual(
        [
          'BIAYA ADM',
          'BIAYA ADM',
          'PEMBAYARAN PT GULA MANIS',
          'TRF DARI KDKMP A PEMBAYARAN TAGIHAN',
          first[2]!.remark,
        ].sort(),
      );
      const matched = await lines('matched');
      expect(matched.map((l) => l.cooperativeId).sort()).toEqual(
        [f.n.coopA.id, f.n.coopB.id].sort(),
      );
    });

    it('a second import of the same file posts nothing: every line is a duplicate', async () => {
      const before = await counts();
      const res = await upload(mt940(first));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ lines: 7, matched: 0, unmatched: 0, duplicates: 7 });
      expect(await counts()).toEqual({ ...before, statements: before.statements + 1 });
    });

    it('an overlapping file posts only its new lines', async () => {
      const before = await counts();
      const later: Movement[] = [
        ...first.filter((m) => m.date >= '2026-03-03'),
        {
          date: '2026-03-05',
          mark: 'C',
          amount: 100_000,
          ref: 'FT0305A',
          remark: `KDKMP A ${refA}`,
        },
        {
          date: '2026-03-05',
          mark: 'C',
          amount: 1_000_000,
          ref: 'FT0305B',
          remark: 'PENGEMBALIAN PT SARI ROTI',
        },
      ];
      const opening = 50_000_000 + 161_000 + 80_000;
      const res = await upload(
        mt940(later, opening),
        `?format=mt940&accountNo=${ACCOUNT}`,
        'hubStaff',
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        lines: 7,
        credits: 4,
        matched: 1,
        unmatched: 1,
        duplicates: 5,
      });
      const after = await counts();
      expect(after.payments).toBe(before.payments + 1);
      expect(after.lines).toBe(before.lines + 2);
      expect(await outstanding(f.n.coopA.id)).toEqual([
        ['2026-01-31', 0],
        ['2026-02-28', 219_000],
      ]);
    });

    it('two imports of one file at once post it once', async () => {
      const before = await counts();
      const file = mt940([
        { date: '2026-03-06', mark: 'C', amount: 19_000, ref: 'FT0306A', remark: `${refA}` },
        { date: '2026-03-06', mark: 'D', amount: 6_500, remark: 'BIAYA ADM' },
      ]);
      const results = await Promise.all([upload(file), upload(file)]);
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const sum = (k: string) => results.reduce((s, r) => s + (r.json()[k] as number), 0);
      expect([sum('matched'), sum('duplicates')]).toEqual([1, 2]);
      expect((await counts()).payments).toBe(before.payments + 1);
    });

    it('a hub user matches a credit by hand, or sets a line aside; each only once', async () => {
      const queue = await lines('unmatched');
      const credit = queue.find((l) => l.remark === 'TRF DARI KDKMP A PEMBAYARAN TAGIHAN')!;
      const debit = queue.find((l) => l.remark === 'PEMBAYARAN PT GULA MANIS')!;
      const refund = queue.find((l) => l.remark === 'PENGEMBALIAN PT SARI ROTI')!;
      const match = (id: string, cooperativeId: string) =>
        callAs(f, 'hubStaff', 'POST', `/api/v1/bank-statements/lines/${id}/match`, {
          cooperativeId,
        });
      const res = await match(credit.id, f.n.coopA.id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        amount: 40_000,
        method: 'transfer',
        receivedOn: '2026-03-03',
      });
      expect(await outstanding(f.n.coopA.id)).toEqual([
        ['2026-01-31', 0],
        ['2026-02-28', 160_000],
      ]);
      expect((await match(credit.id, f.n.coopB.id)).json().code).toBe('InvalidState');
      expect((await match(debit.id, f.n.coopA.id)).statusCode).toBe(409);
      expect((await match(refund.id, f.n.hub.id)).statusCode).toBe(404);
      const dismiss = (id: string, reason: string) =>
        callAs(f, 'hubAdmin', 'POST', `/api/v1/bank-statements/lines/${id}/dismiss`, { reason });
      const d = await dismiss(refund.id, 'Pengembalian kelebihan bayar PT Sari Roti');
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json()).toMatchObject({
        status: 'dismissed',
        dismissReason: 'Pengembalian kelebihan bayar PT Sari Roti',
      });
      expect((await dismiss(refund.id, 'lagi')).statusCode).toBe(409);
      expect((await lines('unmatched')).map((l) => l.id)).not.toContain(refund.id);
      expect((await lines('dismissed')).map((l) => l.id)).toContain(refund.id);
      const audit = await f.t.db
        .selectFrom('auditEvent')
        .select(['action', 'targetType'])
        .where('action', 'in', ['importBankStatement', 'matchBankLine', 'dismissBankLine'])
        .execute();
      expect(new Set(audit.map((a) => `${a.action}:${a.targetType}`))).toEqual(
        new Set([
          'importBankStatement:bank_statement',
          'matchBankLine:bank_line',
          'dismissBankLine:bank_line',
        ]),
      );
    });
  });
}
