import { describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { checkQrisMerchant, getQrisMerchant } from '../core/network/index.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { seedDemo } from './seed-demo.ts';

for (const engine of ENGINES) {
  describe(`demo QRIS merchants on ${engine}`, () => {
    it('every KDKMP gets its own valid merchant data, numbered in village-code order', async () => {
      const t = await createTestDatabase(engine);
      try {
        await seedDemo(t.db, { days: 2, realClock: fixedClock('2026-11-28T05:00:00Z') });
        const rows = await t.db
          .selectFrom('qrisMerchant as q')
          .innerJoin('organization as o', 'o.id', 'q.orgId')
          .select(['q.orgId', 'q.nmid', 'q.name', 'q.mcc', 'q.city', 'q.criteria', 'o.villageCode'])
          .orderBy('o.villageCode')
          .execute();
        expect(rows).toHaveLength(68);
        expect(new Set(rows.map((r) => r.nmid)).size).toBe(68);
        expect(rows[0]!.nmid).toBe('ID1026157100001');
        expect(rows[67]!.nmid).toBe('ID1026157100068');
        for (const r of rows) {
          expect(r).toMatchObject({ mcc: '5411', city: 'KOTA JAMBI', criteria: 'UMI' });
          expect(checkQrisMerchant({ ...r, postalCode: null }).errors, r.name).toEqual([]);
        }
        const sipin = await t.db
          .selectFrom('organization')
          .select('id')
          .where('name', '=', 'KDKMP Simpang IV Sipin')
          .executeTakeFirstOrThrow();
        expect((await getQrisMerchant(t.db, sipin.id)).name).toBe('KDKMP Simpang IV Sipin');
      } finally {
        await t.close();
      }
    }, 360_000);
  });
}
