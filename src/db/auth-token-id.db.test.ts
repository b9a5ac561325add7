import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { authenticateToken, hashToken } from '../core/access/index.ts';
import { fixedClock } from '../core/shared/clock.ts';
import { migrations } from './migrations/index.ts';

const MIGRATION = '2026_12_06_1200_add_auth_token_id';
const BEFORE = Object.keys(migrations)
  .sort()
  .filter((name) => name < MIGRATION)
  .at(-1)!;

for (const engine of ENGINES) {
  describe(`tokens issued before ${MIGRATION} on ${engine}`, () => {
    let t: TestDatabase;
    const clock = fixedClock('2026-03-10T03:00:00Z');
    /** Tokens of the old release: more than one batch of the migration. */
    const OLD = Array.from({ length: 620 }, (_, i) => `token-lama-${i}`);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      const migrator = new Migrator({
        db: t.db,
        provider: { getMigrations: async () => migrations },
      });
      const down = await migrator.migrateTo(BEFORE);
      if (down.error) throw down.error;
      await sql`insert into app_user (id, email, name, password_hash, locale, disabled, created_at)
        values ('u-lama', 'lama@uji.test', 'Lama', 'x', 'id', 0, '2026-01-01T00:00:00.000Z')`.execute(
        t.db,
      );
      for (const token of OLD)
        await sql`insert into auth_token (token_hash, user_id, kind, label, created_at, expires_at)
          values (${hashToken(token)}, 'u-lama', 'api', 'lama', '2026-01-01T00:00:00.000Z',
                  '2026-12-31T00:00:00.000Z')`.execute(t.db);
      const up = await migrator.migrateToLatest();
      if (up.error) throw up.error;
    });
    afterAll(() => t.close());

    it('each gets an id of its own, and keeps working', async () => {
      const rows = await t.db.selectFrom('authToken').select(['id', 'tokenHash']).execute();
      expect(rows).toHaveLength(OLD.length);
      expect(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.id))).toBe(true);
      expect(new Set(rows.map((r) => r.id)).size).toBe(OLD.length);
      expect(await authenticateToken(t.db, OLD[0]!, clock)).toMatchObject({ id: 'u-lama' });
    });

    it('the database refuses a second token with the same id', async () => {
      const [first] = await t.db.selectFrom('authToken').select('id').limit(1).execute();
      await expect(
        t.db
          .insertInto('authToken')
          .values({
            id: first!.id,
            tokenHash: hashToken('token-baru'),
            userId: 'u-lama',
            kind: 'api',
            label: null,
            createdAt: '2026-03-10T03:00:00.000Z',
            expiresAt: '2026-06-10T03:00:00.000Z',
            revokedAt: null,
          })
          .execute(),
      ).rejects.toThrow(/unique/i);
    });
  });
}
