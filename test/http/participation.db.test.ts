import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { auditEventsOf, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { participationCalls, type State } from '../helpers/participation.ts';

/**
 * Participation terms are versioned: a hub admin changes them from a date
 * with a reason, every reader of the cooperative sees the terms in force and
 * their history with who changed what and why. The fixture's clock is on
 * 10 March 2026; both KDKMP take part from 1 January 2026 with a limit of
 * Rp 50 juta, Rp 2 juta subsidy, 14 days' terms, 7 grace days. (The documents
 * that use a version: participation-dates.db.test.ts.)
 */
for (const engine of ENGINES) {
  describe(`versioned participation terms over HTTP (${engine})`, () => {
    let f: HttpFixture;
    let c: ReturnType<typeof participationCalls>;
    const A = () => f.n.coopA.id;
    const B = () => f.n.coopB.id;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      c = participationCalls(f);
    });
    afterAll(() => f.close());

    it('shows the terms in force and their history to every reader of the cooperative', async () => {
      const p = await c.get(A());
      expect(p).toMatchObject({
        startDate: '2026-01-01',
        exposureLimit: 50_000_000,
        monthlySubsidy: 2_000_000,
        settlementPeriod: 'monthly',
        paymentTermsDays: 14,
        graceDays: 7,
        subsidyMode: 'payout',
        monthlySalesPotential: 200_000_000,
        termsFrom: '2026-01-01',
      });
      expect(p.endDate).toBeUndefined();
      expect(p.history).toEqual([
        expect.objectContaining({ effectiveFrom: '2026-01-01', reason: 'Perjanjian awal' }),
      ]);
      for (const user of ['managerA', 'cashierA', 'govViewer', 'hubStaff'] as const)
        expect((await c.get(A(), user)).exposureLimit).toBe(50_000_000);
      expect((await callAs(f, 'managerB', 'GET', c.url(A()))).statusCode).toBe(403);

      // The monthly sales potential is a term: the dashboard and the list measure sales against it.
      const res = await c.patch(A(), {
        effectiveFrom: '2026-03-10',
        reason: 'Potensi desa dihitung ulang',
        monthlySalesPotential: 150_000_000,
      });
      expect(res.statusCode, res.body).toBe(200);
      const dash = await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${A()}/dashboard`);
      expect(dash.json().sales.monthlyPotential).toBe(150_000_000);
      const list = await callAs(f, 'hubAdmin', 'GET', '/api/v1/cooperatives');
      const items = list.json().items as { id: string; monthlyPotential: number }[];
      expect(items.find((c) => c.id === A())?.monthlyPotential).toBe(150_000_000);
      expect(items.find((c) => c.id === B())?.monthlyPotential).toBe(200_000_000);
    });

    it('keeps a change from a future date with its reason and author; today the old terms hold', async () => {
      const res = await c.patch(A(), {
        effectiveFrom: '2026-03-20',
        reason: 'Adendum PKS No. 1',
        exposureLimit: 5_000_000,
      });
      expect(res.statusCode, res.body).toBe(200);
      const admin = await f.t.db
        .selectFrom('appUser')
        .select('id')
        .where('email', '=', f.emails.hubAdmin)
        .executeTakeFirstOrThrow();
      const p = await c.get(A());
      expect(p).toMatchObject({ exposureLimit: 50_000_000, termsFrom: '2026-03-10' });
      expect(p.history.map((v) => v.effectiveFrom)).toEqual([
        '2026-03-20',
        '2026-03-10',
        '2026-01-01',
      ]);
      expect(p.history[0]).toMatchObject({
        reason: 'Adendum PKS No. 1',
        changedBy: admin.id,
        changedByName: 'hubAdmin',
        exposureLimit: 5_000_000,
        monthlySalesPotential: 150_000_000,
        graceDays: 7,
      });

      // Not yet in force: the same date again replaces it (the other terms as it had them).
      const again = await c.patch(A(), {
        effectiveFrom: '2026-03-20',
        reason: 'Adendum PKS No. 1 (koreksi)',
        monthlySubsidy: 3_100_000,
        paymentTermsDays: 30,
      });
      expect(again.statusCode, again.body).toBe(200);
      const replaced = again.json<State>();
      expect(replaced.history).toHaveLength(3);
      expect(replaced.history[0]).toMatchObject({
        effectiveFrom: '2026-03-20',
        reason: 'Adendum PKS No. 1 (koreksi)',
        exposureLimit: 5_000_000,
        monthlySubsidy: 3_100_000,
        paymentTermsDays: 30,
      });
      // In force already: never rewritten.
      const inForce = await c.patch(A(), {
        effectiveFrom: '2026-01-01',
        reason: 'Koreksi',
        exposureLimit: 60_000_000,
      });
      expect(inForce.statusCode, inForce.body).toBe(409);
      expect(inForce.json().code).toBe('AlreadyExists');

      const audited = () => auditEventsOf(f, 'updateParticipation');
      await expect.poll(async () => (await audited()).length).toBe(3);
      expect(await audited()).toContainEqual(
        expect.objectContaining({ orgId: A(), targetType: 'participation', targetId: p.id }),
      );
    });

    it('refuses bad input with 400 ValidationFailed and the field at fault', async () => {
      const cases: [object, string][] = [
        [{ effectiveFrom: '2026-04-01', exposureLimit: 1 }, '/reason'],
        [{ effectiveFrom: '2026-04-01', reason: '   ', exposureLimit: 1 }, '/reason'],
        [{ effectiveFrom: '2025-12-31', reason: 'Mundur', exposureLimit: 1 }, '/effectiveFrom'],
        [
          { effectiveFrom: '2026-02-30', reason: 'Tanggal salah', exposureLimit: 1 },
          '/effectiveFrom',
        ],
        [{ effectiveFrom: '2026-04-01', reason: 'Tanpa perubahan' }, ''],
        // 5 juta is already the limit in force on 1 April: nothing changes.
        [{ effectiveFrom: '2026-04-01', reason: 'Sama', exposureLimit: 5_000_000 }, ''],
      ];
      for (const [body, path] of cases) {
        const res = await c.patch(A(), body);
        expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
        expect(res.json().code).toBe('ValidationFailed');
        if (path) expect(JSON.stringify(res.json().errors ?? [])).toContain(path);
      }
      const noReason = await c.end(B(), { endDate: '2026-03-25' });
      expect(noReason.statusCode).toBe(400);
      const beforeStart = await c.end(B(), { endDate: '2025-12-01', reason: 'Salah' });
      expect(beforeStart.statusCode).toBe(400);
      expect(JSON.stringify(beforeStart.json().errors)).toContain('/endDate');
      expect((await c.get(A())).history).toHaveLength(3);
    });

    it('lets only the hub admin change or end the terms', async () => {
      const change = { effectiveFrom: '2026-04-01', reason: 'Coba', exposureLimit: 1 };
      for (const user of ['hubStaff', 'managerA', 'cashierA', 'govViewer'] as const) {
        const res = await c.patch(A(), change, user);
        expect({ user, status: res.statusCode, code: res.json().code }).toEqual({
          user,
          status: 403,
          code: 'Forbidden',
        });
        const ended = await c.end(A(), { endDate: '2026-04-01', reason: 'Coba' }, user);
        expect({ user, status: ended.statusCode }).toEqual({ user, status: 403 });
      }
    });
  });
}
