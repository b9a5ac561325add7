import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { forgetKeptFrom, readKeptEpoch } from '../core/kept/index.ts';
import { mayRunAgain, transactionRunAgain } from './retry.ts';

const TODAY = '2026-03-10';

/** Resolves once `n` callers arrived: each waits for the others. */
function meeting(n: number) {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((r) => (open = r));
  return () => {
    if (++arrived >= n) open();
    return all;
  };
}

for (const engine of ENGINES) {
  describe(`a command's transaction run again after a deadlock, on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
    });
    afterAll(() => t.close());

    it('runs again only for a deadlock or a serialization failure, at most three times', async () => {
      expect(mayRunAgain(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
      expect(mayRunAgain(Object.assign(new Error('serialization'), { code: '40001' }))).toBe(true);
      expect(mayRunAgain(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
      expect(mayRunAgain(new Error('plain'))).toBe(false);
      let runs = 0;
      const failing = transactionRunAgain(t.db, async () => {
        runs++;
        throw Object.assign(new Error('deadlock'), { code: '40P01' });
      });
      await expect(failing).rejects.toMatchObject({ code: '40P01' });
      expect(runs).toBe(3);
      runs = 0;
      await expect(
        transactionRunAgain(t.db, async () => {
          runs++;
          throw Object.assign(new Error('unique'), { code: '23505' });
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect(runs).toBe(1);
    });

    // SQLite runs one transaction at a time: only PostgreSQL has two lock rows in opposite order.
    if (engine === 'postgres') {
      // Two writers of documents dated back, each holding one hub's count of forgettings and
      // then wanting the other's: the lock cycle of two transactions that post to one hub in
      // opposite order.
      const cross = (
        run: <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => Promise<T>,
        meet: () => Promise<void>,
        first: string,
        second: string,
        runs: { n: number },
      ) =>
        run(async (trx) => {
          runs.n++;
          await forgetKeptFrom(trx, first, '2026-01-31', TODAY);
          await meet();
          await forgetKeptFrom(trx, second, '2026-01-31', TODAY);
        });

      it('meets a real deadlock when run once (the case it is for)', async () => {
        const meet = meeting(2);
        const runs = { n: 0 };
        const once = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) =>
          t.db.transaction().execute(fn);
        const results = await Promise.allSettled([
          cross(once, meet, 'hub-a', 'hub-b', runs),
          cross(once, meet, 'hub-b', 'hub-a', runs),
        ]);
        const failed = results.filter((r) => r.status === 'rejected');
        expect(failed).toHaveLength(1);
        expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: '40P01' });
      });

      it('lands both writers when the one PostgreSQL ended runs again', async () => {
        const before = [await readKeptEpoch(t.db, 'hub-c'), await readKeptEpoch(t.db, 'hub-d')];
        const meet = meeting(2);
        const runs = { n: 0 };
        const again = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) =>
          transactionRunAgain(t.db, fn);
        await Promise.all([
          cross(again, meet, 'hub-c', 'hub-d', runs),
          cross(again, meet, 'hub-d', 'hub-c', runs),
        ]);
        expect(runs.n).toBe(3);
        expect([await readKeptEpoch(t.db, 'hub-c'), await readKeptEpoch(t.db, 'hub-d')]).toEqual([
          before[0]! + 2,
          before[1]! + 2,
        ]);
      });
    }
  });
}
