import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/** Tokens given their ids per UPDATE: a CASE of this many rows (3 bound values each). */
const BATCH = 500;

/**
 * Sessions and API tokens get an id of their own, so that a user can list
 * their API tokens and revoke one without ever seeing a token or its hash
 * again. Tokens issued before get a random UUID here; the application gives
 * every new one a UUIDv7. The column stays nullable (SQLite adds no NOT NULL
 * column without a default); the unique index keeps ids apart.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('auth_token').addColumn('id', 'text').execute();
  for (;;) {
    // `hash`, not `token_hash`: the result's keys are the same with or without CamelCasePlugin.
    const rows = await db
      .selectFrom('auth_token')
      .select('token_hash as hash')
      .where('id', 'is', null)
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const hashes = rows.map((r) => String(r.hash));
    const ids = sql.join(
      hashes.map((h) => sql`when ${h} then ${randomUUID()}`),
      sql` `,
    );
    const [done] = await db
      .updateTable('auth_token')
      .set({ id: sql`case token_hash ${ids} end` })
      .where('token_hash', 'in', hashes)
      .execute();
    if (Number(done?.numUpdatedRows ?? 0) !== hashes.length)
      throw new Error('auth_token: tokens left without an id');
  }
  await db.schema.createIndex('auth_token_id_uq').on('auth_token').column('id').unique().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('auth_token_id_uq').execute();
  await db.schema.alterTable('auth_token').dropColumn('id').execute();
}
