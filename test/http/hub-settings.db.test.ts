import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSales } from '../../src/core/consignment/index.ts';
import {
  createCooperative,
  createParticipation,
  HUB_SETTING_DEFAULTS,
} from '../../src/core/network/index.ts';
import { closeSettlementPeriod } from '../../src/core/settlement/index.ts';
import { newId } from '../../src/core/shared/ids.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  auditEventsOf,
  buildHttpFixture,
  callAs,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

interface Settings {
  today: string;
  values: typeof HUB_SETTING_DEFAULTS;
  since: Record<string, string | null>;
  defaults: typeof HUB_SETTING_DEFAULTS;
  history: { key: string; value: number; effectiveFrom: string; reason: string | null }[];
}

/**
 * The hub's dated settings over HTTP: the defaults on a fresh hub, a change
 * from a date (today's value stays until then), and each setting's effect —
 * the delivery suggestion and the dashboard's cover, the length of a new
 * sign-in, and the subsidy eligibility through the month's run. The
 * fixture's clock is 10 March 2026, 10:00 WIB; its cooperatives pay 14 days
 * after each monthly period.
 */
for (const engine of ENGINES) {
  describe(`the hub's dated settings over HTTP (${engine})`, () => {
    let f: HttpFixture;
    const settings = async (user: UserKey = 'hubAdmin') => {
      const res = await callAs(f, user, 'GET', '/api/v1/hub/settings');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Settings;
    };
    const change = (payload: object, user: UserKey = 'hubAdmin') =>
      callAs(f, user, 'PATCH', '/api/v1/hub/settings', payload);
    const sell = async (coopId: string, occurredAt: string, qty: number) => {
      const id = newId();
      const res = await f.t.db.transaction().execute((db) =>
        recordSales(db, f.n.ctx, coopId, [
          {
            id,
            occurredAt,
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty, unitPrice: 17_500 }],
          },
        ]),
      );
      expect(res).toEqual([{ id, status: 'created' }]);
    };
    const login = async (user: UserKey) => {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: f.emails[user], password: PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = [res.headers['set-cookie']]
        .flat()
        .find((c) => c?.startsWith('lumbung_session='));
      return {
        expiresAt: (res.json() as { expiresAt: string }).expiresAt,
        maxAge: Number(/Max-Age=(\d+)/.exec(cookie ?? '')?.[1]),
      };
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('a fresh hub runs on the defaults: 30 days overdue, 14 days of cover, 28 days of sales, 12-hour sessions', async () => {
      const s = await settings();
      expect(s).toEqual({
        today: '2026-03-10',
        values: {
          subsidyEligibilityDays: 30,
          replenishmentCoverDays: 14,
          salesWindowDays: 28,
          sessionHours: 12,
        },
        since: {
          subsidyEligibilityDays: null,
          replenishmentCoverDays: null,
          salesWindowDays: null,
          sessionHours: null,
        },
        defaults: s.values,
        history: [],
      });
      // Hub staff read them too.
      expect((await settings('hubStaff')).values).toEqual(s.values);
    });

    it('only the hub admin changes them; cooperative and office users do not even read them', async () => {
      const body = { effectiveFrom: '2026-03-10', reason: 'Uji', sessionHours: 8 };
      for (const user of ['hubStaff', 'managerA', 'cashierA', 'govViewer'] as const)
        expect((await change(body, user)).statusCode).toBe(403);
      for (const user of ['managerA', 'cashierA', 'govViewer', 'programAdmin'] as const)
        expect((await callAs(f, user, 'GET', '/api/v1/hub/settings')).statusCode).toBe(403);
      expect((await settings()).history).toEqual([]);
    });

    it('refuses a past date, a value out of bounds, a missing reason or no setting at all, in both languages', async () => {
      const past = await change({ effectiveFrom: '2026-03-09', reason: 'Uji', sessionHours: 8 });
      expect(past.statusCode).toBe(400);
      expect(past.json()).toMatchObject({
        code: 'ValidationFailed',
        errors: [
          {
            path: '/effectiveFrom',
            message: 'tanggal berlaku tidak boleh sebelum hari ini (2026-03-10)',
          },
        ],
      });
      expect(past.json().detail).toContain('tidak boleh sebelum hari ini (2026-03-10)');
      const en = await f.app.inject({
        method: 'PATCH',
        url: '/api/v1/hub/settings',
        headers: {
          authorization: `Bearer ${f.tokens.hubAdmin}`,
          'accept-language': 'en',
        },
        payload: { effectiveFrom: '2026-03-09', reason: ' ', sessionHours: 8 },
      });
      expect(en.json().errors).toEqual([
        { path: '/effectiveFrom', message: 'must be today or later' },
        { path: '/reason', message: 'required' },
      ]);
      expect(en.json().detail).toBe(
        'Invalid settings: the effective date cannot be before today (2026-03-10); a reason for the change is required',
      );
      const nothing = await change({ effectiveFrom: '2026-03-10', reason: 'Uji' });
      expect(nothing.statusCode).toBe(400);
      expect(nothing.json().detail).toContain('isi paling sedikit satu pengaturan');
      for (const bad of [
        { subsidyEligibilityDays: 366 },
        { replenishmentCoverDays: 0 },
        { salesWindowDays: 6 },
        { sessionHours: 169 },
        { sessionHours: 1.5 },
      ]) {
        const res = await change({ effectiveFrom: '2026-03-10', reason: 'Uji', ...bad });
        expect({ bad, status: res.statusCode, code: res.json().code }).toEqual({
          bad,
          status: 400,
          code: 'ValidationFailed',
        });
      }
      expect((await settings()).history).toEqual([]);
    });

    it('a window and cover changed from today drive the delivery suggestion and the dashboard at once (audited)', async () => {
      // Sold at A: 20 packs on 1 March, 8 today. Nothing held (the fixture never delivered).
      await sell(f.n.coopA.id, '2026-03-01T03:00:00Z', 20);
      await sell(f.n.coopA.id, '2026-03-10T02:00:00Z', 8);
      const suggestion = async () => {
        const res = await callAs(
          f,
          'hubAdmin',
          'GET',
          `/api/v1/cooperatives/${f.n.coopA.id}/delivery-suggestion`,
        );
        const body = res.json() as {
          salesWindowDays: number;
          coverDays: number;
          items: { productId: string; sold28Days: number; suggestedQty: number }[];
        };
        const gula = body.items.find((i) => i.productId === f.n.gula1.id)!;
        return [body.salesWindowDays, body.coverDays, gula.sold28Days, gula.suggestedQty];
      };
      // 28 sold in 28 days, scaled to 14 days: 14.
      expect(await suggestion()).toEqual([28, 14, 28, 14]);
      const res = await change({
        effectiveFrom: '2026-03-10',
        reason: 'Gudang dekat, kirim mingguan',
        salesWindowDays: 7,
        replenishmentCoverDays: 7,
        sessionHours: 12, // the value in force already: nothing written for it
      });
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json() as Settings;
      expect(s.values).toMatchObject({ salesWindowDays: 7, replenishmentCoverDays: 7 });
      expect(s.since).toMatchObject({ salesWindowDays: '2026-03-10', sessionHours: null });
      expect(s.history.map((h) => [h.key, h.value, h.reason])).toEqual([
        ['replenishmentCoverDays', 7, 'Gudang dekat, kirim mingguan'],
        ['salesWindowDays', 7, 'Gudang dekat, kirim mingguan'],
      ]);
      // Only today's 8 lie in the last 7 days; 7 days of cover: 8.
      expect(await suggestion()).toEqual([7, 7, 8, 8]);
      const dash = (
        await callAs(f, 'managerA', 'GET', `/api/v1/cooperatives/${f.n.coopA.id}/dashboard`)
      ).json() as { salesWindowDays: number; stock: { productId: string; sold28Days: number }[] };
      expect(dash.salesWindowDays).toBe(7);
      expect(dash.stock.find((x) => x.productId === f.n.gula1.id)?.sold28Days).toBe(8);
      await expect.poll(async () => (await auditEventsOf(f, 'updateHubSettings')).length).toBe(1);
      const [event] = await auditEventsOf(f, 'updateHubSettings');
      expect(event).toMatchObject({ orgId: f.n.hub.id, targetType: 'hub_settings' });
    });

    it('a new sign-in lasts as long as its hub says, for the hub and its cooperatives; others keep 12 hours', async () => {
      const hours = (h: number) => ({
        expiresAt: new Date(Date.parse('2026-03-10T03:00:00Z') + h * 3_600_000).toISOString(),
        maxAge: h * 3600,
      });
      expect(await login('hubStaff')).toEqual(hours(12));
      const res = await change({
        effectiveFrom: '2026-03-10',
        reason: 'HP kasir dipakai bergantian',
        sessionHours: 4,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await login('hubStaff')).toEqual(hours(4));
      expect(await login('cashierA')).toEqual(hours(4));
      expect(await login('govViewer')).toEqual(hours(12));
      // A later length from a later date leaves today's sign-ins at 4 hours.
      expect(
        (await change({ effectiveFrom: '2026-03-11', reason: 'Kembali normal', sessionHours: 12 }))
          .statusCode,
      ).toBe(200);
      expect(await login('managerA')).toEqual(hours(4));
    });

    it('a limit raised from a later date leaves today as it is, then decides that month’s subsidy', async () => {
      // X pays 24 days after the period: January's statement falls due on 24 February, 35 days
      // before 31 March. Y pays after 4 days: due 4 February, 55 days before.
      const coops: string[] = [];
      for (const [village, terms] of [
        ['15.71.01.1003', 24],
        ['15.71.01.1004', 4],
      ] as const) {
        const coop = await createCooperative(
          f.t.db,
          { name: `KDKMP ${village}`, villageCode: village },
          f.n.clock,
        );
        await createParticipation(
          f.t.db,
          coop.id,
          {
            hubId: f.n.hub.id,
            agreementNo: `PKS/${village}`,
            startDate: '2026-01-01',
            exposureLimit: 50_000_000,
            paymentTermsDays: terms,
          },
          f.n.clock,
        );
        await sell(coop.id, '2026-01-20T03:00:00Z', 10);
        await sell(coop.id, '2026-03-05T03:00:00Z', 1);
        coops.push(coop.id);
      }
      const [coopX, coopY] = coops as [string, string];
      await f.t.db
        .transaction()
        .execute((db) =>
          closeSettlementPeriod(db, f.n.ctx, f.n.hub.id, { periodEnd: '2026-01-31' }),
        );

      const res = await change({
        effectiveFrom: '2026-03-31',
        reason: 'Keputusan rapat pengurus: kelonggaran 40 hari',
        subsidyEligibilityDays: 40,
      });
      expect(res.statusCode, res.body).toBe(200);
      const now = res.json() as Settings;
      expect(now.values.subsidyEligibilityDays).toBe(30);
      expect(now.since.subsidyEligibilityDays).toBeNull();
      expect(now.history[0]).toMatchObject({
        key: 'subsidyEligibilityDays',
        value: 40,
        effectiveFrom: '2026-03-31',
      });

      f.n.clock.set('2026-04-01T03:00:00Z');
      const april = await settings();
      expect(april.values.subsidyEligibilityDays).toBe(40);
      expect(april.since.subsidyEligibilityDays).toBe('2026-03-31');
      const run = await callAs(f, 'hubAdmin', 'POST', '/api/v1/subsidies/runs', {
        month: '2026-03',
      });
      expect(run.statusCode, run.body).toBe(201);
      const items = (
        run.json() as { items: { cooperativeId: string; eligible: boolean; reason?: string }[] }
      ).items;
      // 35 days overdue passes a 40-day limit (it would not pass the default 30); 55 does not.
      expect(items.find((i) => i.cooperativeId === coopX)).toMatchObject({ eligible: true });
      expect(items.find((i) => i.cooperativeId === coopY)).toMatchObject({
        eligible: false,
        reason:
          'Tagihan lewat jatuh tempo lebih dari 40 hari per akhir bulan (jatuh tempo 2026-02-04)',
      });
    });
  });
}
