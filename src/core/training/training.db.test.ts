import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import {
  createCooperative,
  createOrganization,
  listVillagesIn,
  type OrganizationTable,
} from '../network/index.ts';
import { newId } from '../shared/ids.ts';
import {
  averageScoreOneDecimal,
  createTrainingEvent,
  findTrainingEvents,
  getTrainingCoverage,
  getTrainingEvent,
  recordTrainingParticipants,
  type ParticipantInput,
} from './index.ts';

/** The Kota Jambi office trains the officers of KDKMP A and B (clock: 10 March 2026). */
for (const engine of ENGINES) {
  describe(`training on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let dinas: OrganizationTable;
    let outside: OrganizationTable;
    const eventId = newId();
    const event = {
      id: eventId,
      title: 'Pelatihan Pengurus KDKMP',
      date: '2026-02-12',
      venue: 'Aula BKPSDM Kota Jambi',
      organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
      materials: 'Modul pembukuan konsinyasi',
    };
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const record = (participants: ParticipantInput[], id = eventId) =>
      tx((db) => recordTrainingParticipants(db, n.ctx, dinas.id, id, participants));

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      dinas = await createOrganization(
        t.db,
        { kind: 'government', name: 'Dinas Koperasi Kota Jambi', regionCode: '15.71' },
        n.clock,
      );
      const [village] = await listVillagesIn('15.72');
      outside = await createCooperative(
        t.db,
        { name: `KDKMP ${village!.name}`, villageCode: village!.code },
        n.clock,
      );
    });
    afterAll(() => t.close());

    it('records an event once per client id: a replay returns it, other content conflicts', async () => {
      const first = await tx((db) => createTrainingEvent(db, n.ctx, dinas.id, event));
      expect(first.created).toBe(true);
      expect(first.event).toMatchObject({ orgId: dinas.id, eventDate: '2026-02-12' });
      const again = await tx((db) =>
        createTrainingEvent(db, n.ctx, dinas.id, { ...event, title: `  ${event.title} ` }),
      );
      expect(again.created).toBe(false);
      await expect(
        tx((db) => createTrainingEvent(db, n.ctx, dinas.id, { ...event, venue: 'Hotel' })),
      ).rejects.toMatchObject({ code: 'IdempotencyConflict' });
      await expect(
        tx((db) =>
          createTrainingEvent(db, n.ctx, dinas.id, { ...event, id: newId(), title: '  ' }),
        ),
      ).rejects.toMatchObject({ code: 'ValidationFailed', details: [{ path: '/title' }] });
      await expect(
        tx((db) => createTrainingEvent(db, n.ctx, n.hub.id, { ...event, id: newId() })),
      ).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('invites officers, marks attendance and scores; the same list again changes nothing', async () => {
      const detail = await record([
        {
          cooperativeId: n.coopA.id,
          name: 'Ketua A',
          position: 'ketua',
          attended: true,
          preScore: 50,
          postScore: 80,
        },
        {
          cooperativeId: n.coopA.id,
          name: 'Bendahara A',
          position: 'bendahara',
          attended: true,
          preScore: 60,
          postScore: 75,
        },
        { cooperativeId: n.coopB.id, name: 'Ketua B', position: 'ketua' },
      ]);
      expect(
        detail.participants.map((p) => [
          p.cooperativeName,
          p.name,
          p.attended,
          p.preScore,
          p.postScore,
        ]),
      ).toEqual([
        ['KDKMP Buluran Kenali', 'Ketua B', false, null, null],
        ['KDKMP Simpang IV Sipin', 'Bendahara A', true, 60, 75],
        ['KDKMP Simpang IV Sipin', 'Ketua A', true, 50, 80],
      ]);
      // Matched by cooperative and name (no id): Ketua B now attended.
      const ketuaB = detail.participants.find((p) => p.name === 'Ketua B')!;
      const after = await record([
        {
          cooperativeId: n.coopB.id,
          name: 'Ketua B',
          position: 'ketua',
          attended: true,
          preScore: 40,
          postScore: 70,
        },
      ]);
      expect(after.participants).toHaveLength(3);
      expect(after.participants.find((p) => p.name === 'Ketua B')).toMatchObject({
        id: ketuaB.id,
        attended: true,
        preScore: 40,
        postScore: 70,
      });
      // Two hours later, the same state again: no row is touched.
      n.clock.set('2026-03-10T05:00:00Z');
      const same = await record([
        {
          id: ketuaB.id,
          cooperativeId: n.coopB.id,
          name: 'Ketua B',
          position: 'ketua',
          attended: true,
          preScore: 40,
          postScore: 70,
        },
      ]);
      expect(same.participants.find((p) => p.name === 'Ketua B')!.updatedAt).toBe(
        after.participants.find((p) => p.name === 'Ketua B')!.updatedAt,
      );
      const list = await findTrainingEvents(t.db, [dinas.id]);
      expect(
        list.map((e) => [e.title, Number(e.invited), Number(e.attended), Number(e.cooperatives)]),
      ).toEqual([[event.title, 3, 3, 2]]);
      // A hub sees only its network's officers.
      expect(
        (await getTrainingEvent(t.db, [dinas.id], eventId, [n.coopA.id])).participants,
      ).toHaveLength(2);
      // A national network: more ids than one statement takes, A and B read by different ones.
      const [first] = [n.coopA.id, n.coopB.id].sort();
      const unknown = Array.from({ length: 70_000 }, (_, i) => `${first}-tak-dikenal-${i}`);
      const counts = (rows: typeof list) =>
        rows.map((e) => [e.id, Number(e.invited), Number(e.attended), Number(e.cooperatives)]);
      expect(
        counts(await findTrainingEvents(t.db, [dinas.id], [n.coopA.id, n.coopB.id, ...unknown])),
      ).toEqual(counts(list));
      expect(
        (await getTrainingEvent(t.db, [dinas.id], eventId, [n.coopA.id, ...unknown])).participants,
      ).toHaveLength(2);
    });

    it('refuses scores outside 0–100, scores without attendance, other regions and attendance before the event', async () => {
      await expect(
        record([
          {
            cooperativeId: n.coopA.id,
            name: 'Ketua A',
            position: 'ketua',
            attended: true,
            preScore: 101,
          },
        ]),
      ).rejects.toMatchObject({
        code: 'ValidationFailed',
        details: [{ path: '/participants/0/preScore' }],
      });
      await expect(
        record([
          {
            cooperativeId: n.coopA.id,
            name: 'Sekretaris A',
            position: 'sekretaris',
            attended: false,
            postScore: 70,
          },
        ]),
      ).rejects.toMatchObject({
        code: 'ValidationFailed',
        details: [{ path: '/participants/0/postScore' }],
      });
      await expect(
        record([{ cooperativeId: outside.id, name: 'Ketua C', position: 'ketua' }]),
      ).rejects.toMatchObject({
        code: 'ValidationFailed',
        details: [{ path: '/participants/0/cooperativeId' }],
      });
      await expect(
        record([
          { cooperativeId: n.coopA.id, name: 'Manajer A', position: 'manager' },
          { cooperativeId: n.coopA.id, name: 'manajer a ', position: 'manager' },
        ]),
      ).rejects.toMatchObject({
        code: 'ValidationFailed',
        details: [{ path: '/participants/1/name' }],
      });
      const planned = newId();
      await tx((db) =>
        createTrainingEvent(db, n.ctx, dinas.id, { ...event, id: planned, date: '2026-04-20' }),
      );
      // Inviting ahead of the date is fine; attendance is not.
      await record([{ cooperativeId: n.coopA.id, name: 'Ketua A', position: 'ketua' }], planned);
      await expect(
        record(
          [{ cooperativeId: n.coopA.id, name: 'Ketua A', position: 'ketua', attended: true }],
          planned,
        ),
      ).rejects.toMatchObject({ code: 'DateInFuture' });
      await expect(
        record([{ cooperativeId: n.coopA.id, name: 'X', position: 'ketua' }], newId()),
      ).rejects.toMatchObject({
        code: 'NotFound',
      });
    });

    it('the database itself refuses a score for an officer who did not attend', async () => {
      await expect(
        t.db
          .insertInto('trainingParticipant')
          .values({
            orgId: dinas.id,
            eventId,
            id: newId(),
            cooperativeId: n.coopA.id,
            name: 'Pengawas A',
            position: 'pengawas',
            attended: 0,
            preScore: 10,
            postScore: null,
            updatedAt: '2026-03-10T03:00:00Z',
          })
          .execute(),
      ).rejects.toThrow();
    });

    it('coverage by kecamatan and per cooperative, next to its performance', async () => {
      const c = await getTrainingCoverage(t.db, n.clock, [dinas.id], { regionCodes: ['15.71'] });
      expect(c.totals).toEqual({
        cooperatives: 2,
        trainedCooperatives: 2,
        officersInvited: 3,
        officersTrained: 3,
        avgPreScore: 50,
        avgPostScore: 75,
      });
      expect(c.districts).toEqual([
        { districtCode: '15.71.01', districtName: c.districts[0]!.districtName, ...c.totals },
      ]);
      expect(
        c.items.map((i) => [
          i.name,
          i.officersTrained,
          i.avgPreScore,
          i.avgPostScore,
          i.salesAmount,
          i.onHold,
        ]),
      ).toEqual([
        ['KDKMP Buluran Kenali', 1, 40, 70, 0, false],
        ['KDKMP Simpang IV Sipin', 2, 55, 77.5, 0, false],
      ]);
    });
  });
}

describe('averageScoreOneDecimal', () => {
  it('rounds the mean half up to one decimal and has none without scores', () => {
    expect(averageScoreOneDecimal(0, 0)).toBeNull();
    expect(averageScoreOneDecimal(200, 3)).toBe(66.7);
    expect(averageScoreOneDecimal(155, 2)).toBe(77.5);
  });
});
