import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverGula, stockHub } from '../helpers/deliveries.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import {
  createGulaPeriod,
  createSembakoProgram,
  enrolBudi,
  signInParticipant,
} from '../helpers/sembako.ts';

const NIP = '198503152010011002';

/**
 * The tenant-scoped operations no other file of the routing check (`npm run test:routing`,
 * scripts/routing-check.ts) runs, each once as the role that uses it: a cashier's own session and
 * tokens, a manager's stock, members, subsidies and a corrected receipt, the catalogue's ceilings
 * and regions, and a Sembako period from the program office's demand to a cancelled order.
 */
for (const engine of ENGINES) {
  describe(`tenant-scoped operations of the routing check on ${engine}`, () => {
    let f: HttpFixture;
    let deliveryId = '';
    const coopA = () => `/api/v1/cooperatives/${f.n.coopA.id}`;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await stockHub(f.t.db, f.n, 100);
      deliveryId = await deliverGula(f.t.db, f.n, 60, 60);
    });
    afterAll(() => f.close());

    it('a cashier switches to English, makes a device token, lists and revokes one, and signs out', async () => {
      const locale = await callAs(f, 'cashierA', 'PUT', '/api/v1/auth/me/locale', {
        locale: 'en',
      });
      expect(locale.statusCode, locale.body).toBe(200);
      expect(locale.json()).toEqual({ locale: 'en' });
      const make = async (label: string) => {
        const res = await callAs(f, 'cashierA', 'POST', '/api/v1/auth/tokens', { label, days: 30 });
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as { id: string; token: string };
      };
      const phone = await make('HP kasir');
      const tablet = await make('Tablet kasir');
      const list = await callAs(f, 'cashierA', 'GET', '/api/v1/auth/tokens');
      expect(list.statusCode, list.body).toBe(200);
      const labels = list.json().items.map((t: { label: string }) => t.label);
      expect(labels).toEqual(expect.arrayContaining(['HP kasir', 'Tablet kasir']));
      const revoked = await callAs(f, 'cashierA', 'DELETE', `/api/v1/auth/tokens/${phone.id}`);
      expect(revoked.statusCode, revoked.body).toBe(204);
      const me = (token: string) =>
        f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
      expect((await me(phone.token)).statusCode).toBe(401);
      const out = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: bearer(tablet.token),
      });
      expect(out.statusCode, out.body).toBe(204);
      expect((await me(tablet.token)).statusCode).toBe(401);
    });

    it("a manager gives its cashier a reset code, and reads the catalogue's ceilings and regions", async () => {
      const cashier = (await callAs(f, 'cashierA', 'GET', '/api/v1/auth/me')).json() as {
        id: string;
      };
      const code = await callAs(f, 'managerA', 'POST', `/api/v1/users/${cashier.id}/code`, {
        purpose: 'reset',
      });
      expect(code.statusCode, code.body).toBe(201);
      expect(code.json().code).toEqual(expect.any(String));
      const ceilings = await callAs(f, 'managerA', 'GET', '/api/v1/ceilings');
      expect(ceilings.statusCode, ceilings.body).toBe(200);
      expect(ceilings.json().items.map((c: { commodity: string }) => c.commodity)).toContain(
        'gula',
      );
      const regions = await callAs(f, 'managerA', 'GET', '/api/v1/regions?parent=15');
      expect(regions.statusCode, regions.body).toBe(200);
      expect(regions.json().items.map((r: { code: string }) => r.code)).toContain('15.71');
    });

    it('a manager reads its stock, imports a member, corrects a received delivery and sees its subsidies', async () => {
      const stock = await callAs(f, 'managerA', 'GET', `${coopA()}/stock`);
      expect(stock.statusCode, stock.body).toBe(200);
      expect(stock.json().items).toContainEqual(
        expect.objectContaining({ productId: f.n.gula1.id, qty: 60 }),
      );
      const imported = await f.app.inject({
        method: 'POST',
        url: `${coopA()}/members/import`,
        headers: { ...bearer(f.tokens.managerA), 'content-type': 'text/csv' },
        payload: 'nik;nama;tanggal_masuk\n1571010101800001;Siti Rahma;2026-03-01\n',
      });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toMatchObject({ imported: 1, rejected: [] });
      const order = await callAs(f, 'managerA', 'GET', `/api/v1/delivery-orders/${deliveryId}`);
      expect(order.statusCode, order.body).toBe(200);
      expect(order.json().status).toBe('received');
      const correction = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/delivery-orders/${deliveryId}/receipt-corrections`,
        {
          id: randomUUID(),
          reason: 'Satu bungkus hilang',
          lines: [{ productId: f.n.gula1.id, quantity: -1 }],
        },
      );
      expect(correction.statusCode, correction.body).toBe(201);
      const subsidies = await callAs(f, 'managerA', 'GET', `${coopA()}/subsidies`);
      expect(subsidies.statusCode, subsidies.body).toBe(200);
      expect(subsidies.json().items).toEqual([]);
    });

    it("a Sembako period: its packages, the office's demand, the hub's proposed delivery, a cancelled order", async () => {
      const { admin, programId } = await createSembakoProgram(f);
      const packageId = await createGulaPeriod(f, programId);
      const program = `/api/v1/programs/${programId}`;
      const periods = await callAs(f, 'managerA', 'GET', `${program}/periods`);
      expect(periods.statusCode, periods.body).toBe(200);
      expect(periods.json().items[0].packages[0].name).toBe('Paket Gula');
      await enrolBudi(f, admin, programId, NIP);
      const participant = await signInParticipant(f, admin, programId, NIP);
      const placed = await f.app.inject({
        method: 'POST',
        url: `${program}/orders`,
        headers: participant,
        payload: { id: randomUUID(), nip: NIP, month: '2026-03', packageId, qty: 1 },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const demand = await f.app.inject({
        method: 'GET',
        url: `${program}/periods/2026-03/demand`,
        headers: admin,
      });
      expect(demand.statusCode, demand.body).toBe(200);
      expect(demand.json().items).toContainEqual(
        expect.objectContaining({ cooperativeId: f.n.coopA.id, ordered: 2, pending: 2 }),
      );
      const proposed = await callAs(
        f,
        'hubStaff',
        'POST',
        `${program}/periods/2026-03/delivery-orders`,
      );
      expect(proposed.statusCode, proposed.body).toBe(201);
      // The 59 units at cooperative A cover the 2 ordered: nothing to send.
      expect(proposed.json()).toEqual({ items: [] });
      const cancelled = await f.app.inject({
        method: 'POST',
        url: `${program}/orders/${placed.json().id}/cancel`,
        headers: participant,
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');
    });
  });
}
