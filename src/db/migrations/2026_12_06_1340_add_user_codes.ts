import { sql, type Kysely } from 'kysely';

/**
 * One-time codes for staff users: an activation code for a user invited without a password, a
 * reset code for one who forgot theirs. Only a SHA-256 of the code is stored; one code per user
 * and purpose (a new one replaces the last). Users get an optional phone (the WhatsApp link of a
 * code). A user whose password hash is `!` (no password ever verifies against it: the managers a
 * cooperatives import created) becomes an invited user: no longer disabled, still unable to sign
 * in until the code sets a password. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('phone', 'text').execute();
  await db.schema
    .createTable('user_code')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_code_pkey', ['user_id', 'purpose'])
    .addForeignKeyConstraint('user_code_user_id_fkey', ['user_id'], 'app_user', ['id'])
    .addForeignKeyConstraint('user_code_created_by_fkey', ['created_by'], 'app_user', ['id'])
    .addCheckConstraint('user_code_purpose_chk', sql`purpose in ('activation', 'reset')`)
    .execute();
  await db.updateTable('app_user').set({ disabled: 0 }).where('password_hash', '=', '!').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_code').execute();
  await db.updateTable('app_user').set({ disabled: 1 }).where('password_hash', '=', '!').execute();
  await db.schema.alterTable('app_user').dropColumn('phone').execute();
}
