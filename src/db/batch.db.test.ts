import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { insertMany } from './batch.ts';
import { newId } from '../core/shared/ids.ts';

for (const engine of ENGINES) {
  describe(`insertMany on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
    });
    afterAll(() => t.close());

    const org = (i: number, label: string, extra: Record<string, string> = {}) => ({
      id: newId(),
      kind: 'employer' as const,
      name: `${label} ${i}`,
      status: 'active' as const,
      createdAt: `2026-03-10T03:00:${String(i % 60).padStart(2, '0')}.000Z`,
      ...extra,
    });
    const stored = (label: string) =>
      t.db
        .selectFrom('organization')
        .select(['id', 'name', 'createdAt', 'villageCode'])
        .where('name', 'like', `${label} %`)
        .orderBy('name')
        .execute();

    it('writes more rows than one statement may bind, each with its values in its columns', async () => {
      // 7,000 rows × 5 columns = 35,000 values: two statements.
      const rows = Array.from({ length: 7_000 }, (_, i) => org(i, 'Bulk'));
      await insertMany(t.db, 'organization', rows);
      const back = await stored('Bulk');
      expect(back).toHaveLength(7_000);
      const byId = new Map(back.map((r) => [r.id, r]));
      for (const r of [rows[0]!, rows[5_999]!, rows[6_999]!])
        expect(byId.get(r.id)).toEqual({
          id: r.id,
          name: r.name,
          createdAt: r.createdAt,
          villageCode: null,
        });
    });

    it('rows of different columns: each gets its own values, the missing ones null', async () => {
      const rows = [
        org(1, 'Mixed', { villageCode: '15.71.01.1001' }),
        org(2, 'Mixed'),
        org(3, 'Mixed', { villageCode: '15.71.01.1003' }),
      ];
      await insertMany(t.db, 'organization', rows);
      expect((await stored('Mixed')).map((r) => r.villageCode)).toEqual([
        '15.71.01.1001',
        null,
        '15.71.01.1003',
      ]);
    });

    it("runs in the caller's transaction: rolled back, nothing stays", async () => {
      await expect(
        t.db.transaction().execute(async (trx) => {
          await insertMany(trx, 'organization', [org(1, 'Undone'), org(2, 'Undone')]);
          expect(
            await trx
              .selectFrom('organization')
              .select('id')
              .where('name', 'like', 'Undone %')
              .execute(),
          ).toHaveLength(2);
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await stored('Undone')).toEqual([]);
    });
  });
}
