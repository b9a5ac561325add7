import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { findParticipationOn } from '../core/network/index.ts';
import { migrations } from './migrations/index.ts';

const MIGRATION = '2026_12_06_1300_add_participation_terms';
const BEFORE = Object.keys(migrations)
  .sort()
  .filter((name) => name < MIGRATION)
  .at(-1)!;

for (const engine of ENGINES) {
  describe(`participations entered before ${MIGRATION} on ${engine}`, () => {
    let t: TestDatabase;

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      const migrator = new Migrator({
        db: t.db,
        provider: { getMigrations: async () => migrations },
      });
      const down = await migrator.migrateTo(BEFORE);
      if (down.error) throw down.error;
      await sql`insert into organization (id, kind, name, village_code, status, created_at) values
        ('hub-lama', 'hub', 'Hub Lama', null, 'active', '2025-12-01T00:00:00.000Z'),
        ('kop-lama', 'cooperative', 'KDKMP Lama', '15.71.01.1001', 'active',
          '2025-12-01T00:00:00.000Z')`.execute(t.db);
      await sql`insert into participation (org_id, id, hub_id, program, agreement_no, start_date,
          end_date, exposure_limit, monthly_subsidy, settlement_period, payment_terms_days,
          grace_days, subsidy_mode, created_at)
        values ('kop-lama', 'p-lama', 'hub-lama', 'koperasi_manis', 'PKS/LAMA/1', '2026-01-01',
          null, 40000000, 1500000, 'weekly', 21, 10, 'net', '2025-12-15T00:00:00.000Z')`.execute(
        t.db,
      );
      const up = await migrator.migrateToLatest();
      if (up.error) throw up.error;
    });
    afterAll(() => t.close());

    it('each gets its terms as a first version from its start date, with the program’s sales potential', async () => {
      const rows = await t.db.selectFrom('participationTerms').selectAll().execute();
      expect(rows).toEqual([
        {
          orgId: 'kop-lama',
          participationId: 'p-lama',
          effectiveFrom: '2026-01-01',
          exposureLimit: 40_000_000,
          monthlySubsidy: 1_500_000,
          settlementPeriod: 'weekly',
          paymentTermsDays: 21,
          graceDays: 10,
          subsidyMode: 'net',
          monthlySalesPotential: 200_000_000,
          reason: 'Perjanjian awal',
          changedBy: null,
          createdAt: '2025-12-15T00:00:00.000Z',
        },
      ]);
      expect(await findParticipationOn(t.db, 'kop-lama', '2026-03-10')).toMatchObject({
        exposureLimit: 40_000_000,
        graceDays: 10,
        endReason: null,
      });
    });
  });
}
