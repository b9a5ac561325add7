import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { participationCalls } from '../helpers/participation.ts';

/**
 * The version in force on a document's date decides it, and an end closes the participation
 * cleanly. The fixture's clock starts on 10 March 2026; both KDKMP take part from 1 January 2026
 * with a limit of Rp 50 juta, Rp 2 juta subsidy, 14 days' terms; gula 1 kg is consigned at
 * Rp 16.000. From 20 March KDKMP A's limit is Rp 5 juta, its subsidy Rp 3,1 juta and its terms
 * 30 days (entered on 10 March).
 */
for (const engine of ENGINES) {
  describe(`documents under versioned participation terms (${engine})`, () => {
    let f: HttpFixture;
    let c: ReturnType<typeof participationCalls>;
    const A = () => f.n.coopA.id;
    const B = () => f.n.coopB.id;
    const at = (iso: string) => f.n.clock.set(iso);

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      c = participationCalls(f);
      const res = await c.patch(A(), {
        effectiveFrom: '2026-03-20',
        reason: 'Adendum PKS No. 1',
        exposureLimit: 5_000_000,
        monthlySubsidy: 3_100_000,
        paymentTermsDays: 30,
      });
      expect(res.statusCode, res.body).toBe(200);
    });
    afterAll(() => f.close());

    it('checks a dispatch against the limit in force on its date: the old one before the change, the new one from it', async () => {
      const id = await c.order(A(), 500, '2026-03-10'); // Rp 8 juta at consignment price
      expect(await c.check(id)).toMatchObject({ exposureLimit: 50_000_000, withinLimit: true });
      at('2026-03-21T03:00:00Z');
      expect(await c.check(id)).toMatchObject({ exposureLimit: 5_000_000, withinLimit: false });
      const onChange = await c.dispatch(id, '2026-03-20');
      expect(onChange.statusCode, onChange.body).toBe(409);
      expect(onChange.json().code).toBe('ExposureLimitExceeded');
      const dayBefore = await c.dispatch(id, '2026-03-19');
      expect(dayBefore.statusCode, dayBefore.body).toBe(200);
      await c.receiveAndSell(A(), id, 500, '2026-03-19');
    });

    it('ends a participation: no dispatch dated after the end, one on the end date goes; ending twice is refused', async () => {
      at('2026-03-27T03:00:00Z');
      const id = await c.order(B(), 100, '2026-03-20');
      // A's last dispatch (19 March) bounds its end date.
      const tooEarly = await c.end(A(), { endDate: '2026-03-18', reason: 'Coba' });
      expect(tooEarly.statusCode).toBe(400);
      expect(tooEarly.json().detail).toContain('2026-03-19');

      const res = await c.end(B(), { endDate: '2026-03-25', reason: 'PKS tidak diperpanjang' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        endDate: '2026-03-25',
        endReason: 'PKS tidak diperpanjang',
      });
      const after = await c.dispatch(id, '2026-03-26');
      expect(after.statusCode, after.body).toBe(409);
      expect(after.json()).toMatchObject({ code: 'ParticipationEnded' });
      expect(after.json().detail).toContain('2026-03-25');
      const onEnd = await c.dispatch(id, '2026-03-25');
      expect(onEnd.statusCode, onEnd.body).toBe(200);
      await c.receiveAndSell(B(), id, 100, '2026-03-25');

      const twice = await c.end(B(), { endDate: '2026-03-31', reason: 'Lagi' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('ParticipationEnded');
      const later = await c.patch(B(), {
        effectiveFrom: '2026-03-26',
        reason: 'Setelah berakhir',
        exposureLimit: 1,
      });
      expect(later.statusCode).toBe(400);
    });

    it('at month end: the subsidy is pro rata across the versions and to the end date, due dates follow the terms at period end, the ended cooperative closes its last period only', async () => {
      at('2026-04-02T03:00:00Z');
      const run = await callAs(f, 'hubAdmin', 'POST', '/api/v1/subsidies/runs', {
        month: '2026-03',
      });
      expect(run.statusCode, run.body).toBe(201);
      const items = run.json().items as {
        cooperativeId: string;
        amount: number;
        activeDays: number;
      }[];
      // A: Rp 2 juta for 1–19 March, Rp 3,1 juta for 20–31 March, rounded down once.
      expect(items.find((i) => i.cooperativeId === A())).toMatchObject({
        activeDays: 31,
        amount: Math.floor((2_000_000 * 19 + 3_100_000 * 12) / 31),
      });
      expect(Math.floor((2_000_000 * 19 + 3_100_000 * 12) / 31)).toBe(2_425_806);
      // B: ended on 25 March, inclusive.
      expect(items.find((i) => i.cooperativeId === B())).toMatchObject({
        activeDays: 25,
        amount: 1_612_903,
      });

      const close = (periodEnd: string) =>
        callAs(f, 'hubAdmin', 'POST', '/api/v1/settlements/close', { periodEnd });
      const march = await close('2026-03-31');
      expect(march.statusCode, march.body).toBe(200);
      const dues = Object.fromEntries(
        (march.json().statements as { cooperativeId: string; dueDate: string }[]).map((s) => [
          s.cooperativeId,
          s.dueDate,
        ]),
      );
      expect(dues).toEqual({ [A()]: '2026-04-30', [B()]: '2026-04-14' });

      at('2026-05-02T03:00:00Z');
      const april = await close('2026-04-30');
      expect(april.statusCode, april.body).toBe(200);
      expect(
        (april.json().statements as { cooperativeId: string }[]).map((s) => s.cooperativeId),
      ).toEqual([A()]);
    });

    it('leaves a granted month as granted: a subsidy change or an end inside it is refused with the earliest date', async () => {
      const change = await c.patch(A(), {
        effectiveFrom: '2026-03-25',
        reason: 'Subsidi diturunkan',
        monthlySubsidy: 1_000_000,
      });
      expect(change.statusCode).toBe(400);
      expect(change.json().detail).toContain('2026-04-01');
      const ended = await c.end(A(), { endDate: '2026-03-28', reason: 'Coba' });
      expect(ended.statusCode).toBe(400);
      expect(ended.json().detail).toContain('2026-03-31');
      const fromApril = await c.patch(A(), {
        effectiveFrom: '2026-04-01',
        reason: 'Subsidi diturunkan',
        monthlySubsidy: 1_000_000,
      });
      expect(fromApril.statusCode, fromApril.body).toBe(200);
    });
  });
}
