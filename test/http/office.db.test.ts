import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, type HttpFixture, type UserKey, callAs } from '../helpers/http.ts';

/** The cooperative office over HTTP: who reads the region, who records training. */
for (const engine of ENGINES) {
  describe(`office routes on ${engine}`, () => {
    let f: HttpFixture;
    const call = (user: UserKey, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      callAs(f, user, method, url, payload);
    const eventId = randomUUID();
    const event = {
      id: eventId,
      title: 'Pelatihan Pengurus KDKMP',
      date: '2026-03-05',
      venue: 'Aula BKPSDM Kota Jambi',
      organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    it('the office reads its region by kecamatan; another office sees nothing of it; cooperatives are refused', async () => {
      const mine = await call('govViewer', 'GET', '/api/v1/region/overview');
      expect(mine.statusCode).toBe(200);
      expect(mine.json().totals.cooperatives).toBe(2);
      expect(
        (await call('otherGov', 'GET', '/api/v1/region/overview')).json().totals.cooperatives,
      ).toBe(0);
      expect(
        (await call('hubStaff', 'GET', '/api/v1/region/trends?months=12')).json().items,
      ).toHaveLength(12);
      expect((await call('managerA', 'GET', '/api/v1/region/overview')).statusCode).toBe(403);
      const future = await call('govViewer', 'GET', '/api/v1/region/overview?month=2030-01');
      expect(future.json()).toMatchObject({ status: 422, code: 'DateInFuture' });
    });

    it('the office records training (201, then 200 on replay, audited); a hub admin may not', async () => {
      const created = await call('govViewer', 'POST', '/api/v1/training/events', event);
      expect(created.statusCode).toBe(201);
      expect((await call('govViewer', 'POST', '/api/v1/training/events', event)).statusCode).toBe(
        200,
      );
      const conflict = await call('govViewer', 'POST', '/api/v1/training/events', {
        ...event,
        venue: 'Lain',
      });
      expect(conflict.json()).toMatchObject({ status: 409, code: 'IdempotencyConflict' });
      const hub = await call('hubAdmin', 'POST', '/api/v1/training/events', {
        ...event,
        id: randomUUID(),
      });
      expect(hub.json()).toMatchObject({ status: 403, code: 'Forbidden' });
      const marks = await call(
        'govViewer',
        'PUT',
        `/api/v1/training/events/${eventId}/participants`,
        {
          participants: [
            {
              cooperativeId: f.n.coopA.id,
              name: 'Ketua A',
              position: 'ketua',
              attended: true,
              preScore: 60,
              postScore: 85,
            },
            { cooperativeId: f.n.coopB.id, name: 'Ketua B', position: 'ketua', attended: false },
          ],
        },
      );
      expect(marks.statusCode).toBe(200);
      expect(marks.json().participants).toHaveLength(2);
      const bad = await call(
        'govViewer',
        'PUT',
        `/api/v1/training/events/${eventId}/participants`,
        {
          participants: [
            {
              cooperativeId: f.n.coopA.id,
              name: 'Ketua A',
              position: 'ketua',
              attended: true,
              preScore: 101,
            },
          ],
        },
      );
      expect(bad.json()).toMatchObject({ status: 400, code: 'ValidationFailed' });
      expect(bad.json().errors[0].path).toBe('/participants/0/preScore');
      expect(
        (
          await call('hubAdmin', 'PUT', `/api/v1/training/events/${eventId}/participants`, {
            participants: [{ cooperativeId: f.n.coopA.id, name: 'Ketua A', position: 'ketua' }],
          })
        ).statusCode,
      ).toBe(403);
      // The audit rows are written as each response completes: wait for them rather than race them.
      const actions = async () =>
        (await f.t.db.selectFrom('auditEvent').selectAll().where('orgId', '=', f.dinasId).execute())
          .map((a) => a.action)
          .sort();
      await expect
        .poll(actions)
        .toEqual(['createTrainingEvent', 'createTrainingEvent', 'recordTrainingParticipants']);
    });

    it('the hub admin reads the training of its network; the other office and cooperatives do not', async () => {
      const list = (await call('hubAdmin', 'GET', '/api/v1/training/events')).json();
      expect(list.items).toMatchObject([{ id: eventId, invited: 2, attended: 1, cooperatives: 2 }]);
      expect((await call('otherGov', 'GET', '/api/v1/training/events')).json().items).toEqual([]);
      expect((await call('otherGov', 'GET', `/api/v1/training/events/${eventId}`)).statusCode).toBe(
        404,
      );
      expect((await call('managerA', 'GET', '/api/v1/training/events')).statusCode).toBe(403);
      const coverage = (await call('govViewer', 'GET', '/api/v1/training/coverage')).json();
      expect(coverage.totals).toMatchObject({
        cooperatives: 2,
        trainedCooperatives: 1,
        officersInvited: 2,
        officersTrained: 1,
        avgPreScore: 60,
        avgPostScore: 85,
      });
    });
  });
}
