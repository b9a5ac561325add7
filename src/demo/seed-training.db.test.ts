import { describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../test/helpers/engines.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { getTrainingCoverage } from '../core/training/index.ts';
import { seedDemo } from './seed-demo.ts';

for (const engine of ENGINES) {
  describe(`demo training on ${engine}`, () => {
    it("the office's BKPSDM training reached the 68 cooperatives' officers and raised the scores", async () => {
      const t = await createTestDatabase(engine);
      try {
        const now = fixedClock('2026-11-28T05:00:00Z');
        await seedDemo(t.db, { days: 6, realClock: now });
        const events = await t.db.selectFrom('trainingEvent').selectAll().execute();
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          venue: 'Aula BKPSDM Kota Jambi',
          eventDate: '2026-11-24',
        });
        const dinas = events[0]!.orgId;
        const c = await getTrainingCoverage(t.db, now, [dinas], { regionCodes: ['15.71'] });
        expect(c.districts).toHaveLength(11);
        expect(c.totals.cooperatives).toBe(68);
        expect(c.totals.officersInvited).toBe(68 * 2 + 23);
        expect(c.totals.officersTrained).toBeGreaterThan(0.85 * c.totals.officersInvited);
        expect(c.totals.officersTrained).toBeLessThan(c.totals.officersInvited);
        expect(c.totals.avgPostScore!).toBeGreaterThan(c.totals.avgPreScore! + 5);
      } finally {
        await t.close();
      }
    }, 360_000);
  });
}
