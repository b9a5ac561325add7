import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/core/network/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  bearer,
  buildHttpFixture,
  callAs,
  tokenOfNewUser,
  type HttpFixture,
} from '../helpers/http.ts';

interface Listed {
  id: string;
  name: string;
  status: string;
}

/**
 * A hub that goes live imports its cooperatives before it agrees terms with them: until then they
 * take part with no hub. The hub sees the ones of its own region in its network list (not taking
 * part yet) and may open them, so that it can take them in; a hub elsewhere sees none of them, and
 * once one takes part it is that hub's alone.
 */
for (const engine of ENGINES) {
  describe(`cooperatives not taking part yet (${engine})`, () => {
    let f: HttpFixture;
    let elsewhere: string;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const surabaya = await createOrganization(
        f.t.db,
        { kind: 'hub', name: 'Koperasi Kana — Surabaya', regionCode: '35.78' },
        f.n.clock,
      );
      elsewhere = await tokenOfNewUser(f, 'admin@kana-surabaya.test', {
        orgId: surabaya.id,
        role: 'hub_admin',
      });
    });
    afterAll(() => f.close());
    const asElsewhere = (url: string) =>
      f.app.inject({ method: 'GET', url, headers: bearer(elsewhere) });
    const listed = async (as: 'hubAdmin' | 'hubStaff' | 'govViewer') =>
      (await callAs(f, as, 'GET', '/api/v1/cooperatives?limit=200')).json().items as Listed[];

    it('a new cooperative of the hub’s region shows in its list as not taking part, and opens', async () => {
      const made = await callAs(f, 'hubAdmin', 'POST', '/api/v1/cooperatives', {
        name: 'KDKMP Teluk Kenali',
        villageCode: '15.71.01.1003',
      });
      expect(made.statusCode, made.body).toBe(201);
      const id = made.json().id as string;
      for (const user of ['hubAdmin', 'hubStaff'] as const)
        expect((await listed(user)).find((c) => c.id === id)).toMatchObject({
          name: 'KDKMP Teluk Kenali',
          status: 'not_participating',
        });
      expect((await callAs(f, 'hubStaff', 'GET', `/api/v1/cooperatives/${id}`)).statusCode).toBe(
        200,
      );
      // Reading is all: nothing is recorded for a cooperative that does not take part.
      const payment = await callAs(f, 'hubAdmin', 'POST', `/api/v1/cooperatives/${id}/payments`, {
        id: '01936f6e-7c1a-7000-8000-00000000aa01',
        amount: 1_000,
        receivedOn: '2026-03-10',
        method: 'transfer',
        reference: 'uji',
      });
      expect(payment.statusCode).toBe(403);
      // A hub of another region neither lists it nor opens it.
      const theirs = (await asElsewhere('/api/v1/cooperatives?limit=200')).json().items as Listed[];
      expect(theirs.map((c) => c.id)).not.toContain(id);
      expect((await asElsewhere(`/api/v1/cooperatives/${id}`)).statusCode).toBe(403);
    });

    it('once it takes part with the hub, it is listed as the hub’s and stays out of other hubs’ reach', async () => {
      const made = await callAs(f, 'hubAdmin', 'POST', '/api/v1/cooperatives', {
        name: 'KDKMP Telanaipura',
        villageCode: '15.71.01.1004',
      });
      const id = made.json().id as string;
      const joined = await callAs(
        f,
        'hubAdmin',
        'POST',
        `/api/v1/cooperatives/${id}/participation`,
        {
          agreementNo: 'PKS/UJI/1004',
          startDate: '2026-03-01',
          exposureLimit: 5_000_000,
        },
      );
      expect(joined.statusCode, joined.body).toBe(201);
      const mine = (await listed('hubAdmin')).filter((c) => c.id === id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.status).not.toBe('not_participating');
      expect((await asElsewhere(`/api/v1/cooperatives/${id}`)).statusCode).toBe(403);
    });
  });
}
