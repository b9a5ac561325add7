import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { forgetKeptFrom, keepUnlessForgotten, readKeptEpoch } from './kept.repository.ts';

const HUB = 'hub-kept';
const WEEKS = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];
const TODAY = '2026-03-10';

for (const engine of ENGINES) {
  describe(`kept views forgotten by the documents dated before them, on ${engine}`, () => {
    let t: TestDatabase;
    const kept = async () =>
      (
        await t.db
          .selectFrom('forecastWeek')
          .select('weekStart')
          .where('orgId', '=', HUB)
          .orderBy('weekStart')
          .execute()
      ).map((r) => r.weekStart);
    const keepAll = async (db: Parameters<typeof forgetKeptFrom>[0]) => {
      await db
        .insertInto('forecastWeek')
        .values(WEEKS.map((weekStart) => ({ orgId: HUB, weekStart, forecast: 1, madeAt: 'now' })))
        .execute();
    };

    beforeAll(async () => {
      t = await createTestDatabase(engine);
    });
    afterAll(() => t.close());
    const monthEnds = async () =>
      (
        await t.db
          .selectFrom('positionMonthEnd')
          .select('monthEnd')
          .where('orgId', '=', HUB)
          .orderBy('monthEnd')
          .execute()
      ).map((r) => r.monthEnd);

    beforeEach(async () => {
      await t.db.deleteFrom('forecastWeek').execute();
      await t.db.deleteFrom('positionMonthEnd').execute();
      await t.db.deleteFrom('keptEpoch').execute();
      await keepAll(t.db);
      await t.db
        .insertInto('positionMonthEnd')
        .values(
          ['2026-01-31', '2026-02-28'].map((monthEnd) => ({
            orgId: HUB,
            monthEnd,
            positions: '[]',
            madeAt: 'now',
          })),
        )
        .execute();
    });

    it('forgets the weeks starting after a document dated more than seven days ago, and counts it', async () => {
      await forgetKeptFrom(t.db, HUB, '2026-02-10', TODAY);
      expect(await kept()).toEqual(['2026-02-02', '2026-02-09']);
      // The month ends on or after it too: January's stays, February's goes.
      expect(await monthEnds()).toEqual(['2026-01-31']);
      expect(await readKeptEpoch(t.db, HUB)).toBe(1);
      // Dated on a kept Monday: the week from that Monday knew only what was dated before it.
      await forgetKeptFrom(t.db, HUB, '2026-02-09', TODAY);
      expect(await kept()).toEqual(['2026-02-02', '2026-02-09']);
      expect(await readKeptEpoch(t.db, HUB)).toBe(2);
    });

    it('writes nothing for a document of the last seven days: no kept week starts after it', async () => {
      await forgetKeptFrom(t.db, HUB, '2026-03-03', TODAY);
      await forgetKeptFrom(t.db, HUB, TODAY, TODAY);
      expect(await kept()).toEqual(WEEKS);
      expect(await monthEnds()).toEqual(['2026-01-31', '2026-02-28']);
      expect(await t.db.selectFrom('keptEpoch').selectAll().execute()).toEqual([]);
    });

    it('keeps what was worked out only if nothing was forgotten since its count was read', async () => {
      await t.db.deleteFrom('forecastWeek').execute();
      const epoch = await readKeptEpoch(t.db, HUB);
      await forgetKeptFrom(t.db, HUB, '2026-01-31', TODAY);
      expect(await keepUnlessForgotten(t.db, HUB, epoch, keepAll)).toBe(false);
      expect(await kept()).toEqual([]);
      expect(await keepUnlessForgotten(t.db, HUB, epoch + 1, keepAll)).toBe(true);
      expect(await kept()).toEqual(WEEKS);
    });

    // SQLite runs one transaction at a time: only PostgreSQL has readers and writers meet.
    if (engine === 'postgres') {
      it('waits for a writer forgetting at the same time, then keeps nothing', async () => {
        await t.db.deleteFrom('forecastWeek').execute();
        const epoch = await readKeptEpoch(t.db, HUB);
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let forgot!: () => void;
        const forgotten = new Promise<void>((r) => (forgot = r));
        const writer = t.db.transaction().execute(async (trx) => {
          await forgetKeptFrom(trx, HUB, '2026-01-31', TODAY);
          forgot();
          await held;
        });
        await forgotten;
        let settled = false;
        const keeping = keepUnlessForgotten(t.db, HUB, epoch, keepAll).finally(() => {
          settled = true;
        });
        await new Promise((r) => setTimeout(r, 200));
        expect(settled).toBe(false); // waiting for the writer's lock on the count
        release();
        await writer;
        expect(await keeping).toBe(false);
        expect(await kept()).toEqual([]);
      });

      it('deletes what a reader kept while the writer waited for the count', async () => {
        await t.db.deleteFrom('forecastWeek').execute();
        const epoch = await readKeptEpoch(t.db, HUB);
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let locked!: () => void;
        const counted = new Promise<void>((r) => (locked = r));
        // The reader locks the count and keeps its weeks; the writer comes while it holds them.
        const keeping = keepUnlessForgotten(t.db, HUB, epoch, async (trx) => {
          await keepAll(trx);
          locked();
          await held;
        });
        await counted;
        const writer = t.db
          .transaction()
          .execute((trx) => forgetKeptFrom(trx, HUB, '2026-02-10', TODAY));
        await new Promise((r) => setTimeout(r, 200));
        release();
        expect(await keeping).toBe(true);
        await writer;
        expect(await kept()).toEqual(['2026-02-02', '2026-02-09']);
        expect(await readKeptEpoch(t.db, HUB)).toBe(epoch + 1);
      });
    }
  });
}
