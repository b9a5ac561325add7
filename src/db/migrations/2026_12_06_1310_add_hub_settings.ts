import { sql, type Kysely } from 'kysely';

/** The demo network's hub and the short code its documents carry (`SJ/KANA-JBI/2026/12/0001`). */
const DEMO_HUB = 'Koperasi Kana — Cabang Jambi';
const DEMO_SHORT_CODE = 'KANA-JBI';

/**
 * The hub's dated settings and its profile. `hub_setting` keeps each change
 * of a setting (subsidy eligibility, replenishment cover, sales window,
 * session length) from its effective business date, with its reason and
 * author (the user's id, or the system actor that made it, as `created_by`
 * of the documents): a document uses the value in force on its own date, the
 * code's default where none is set. `organization.short_code` is the short code
 * printed in document numbers (unique where set), `organization.address` and
 * `location.address` the addresses of the hub and of its warehouses. The demo
 * hub, when present, gets its short code. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hub_setting')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_setting_pkey', ['org_id', 'key', 'effective_from'])
    .addForeignKeyConstraint('hub_setting_org_id_fkey', ['org_id'], 'organization', ['id'])
    .addCheckConstraint('hub_setting_value_chk', sql`value >= 0`)
    .execute();

  await db.schema.alterTable('organization').addColumn('short_code', 'text').execute();
  await db.schema.alterTable('organization').addColumn('address', 'text').execute();
  await db.schema.alterTable('location').addColumn('address', 'text').execute();
  await db
    .updateTable('organization')
    .set({ short_code: DEMO_SHORT_CODE })
    .where(
      'id',
      '=',
      db
        .selectFrom('organization')
        .select((eb) => eb.fn.min('id').as('id'))
        .where('kind', '=', 'hub')
        .where('name', '=', DEMO_HUB),
    )
    .execute();
  await db.schema
    .createIndex('organization_short_code_uq')
    .on('organization')
    .column('short_code')
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organization_short_code_uq').execute();
  await db.schema.alterTable('location').dropColumn('address').execute();
  await db.schema.alterTable('organization').dropColumn('address').execute();
  await db.schema.alterTable('organization').dropColumn('short_code').execute();
  await db.schema.dropTable('hub_setting').execute();
}
