import { sql, type Kysely } from 'kysely';

/**
 * QRIS merchant data of a cooperative: what its dynamic QRIS carries (NMID,
 * MCC, name, city, postal code, merchant criteria). One row per cooperative,
 * keyed by the cooperative's organization id. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qris_merchant')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('nmid', 'text', (c) => c.notNull())
    .addColumn('mcc', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text')
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('qris_merchant_pkey', ['org_id'])
    .addForeignKeyConstraint('qris_merchant_org_id_fkey', ['org_id'], 'organization', ['id'])
    .addCheckConstraint('qris_merchant_nmid_chk', sql`length(nmid) between 1 and 25`)
    .addCheckConstraint('qris_merchant_mcc_chk', sql`length(mcc) = 4`)
    .addCheckConstraint('qris_merchant_name_chk', sql`length(name) between 1 and 25`)
    .addCheckConstraint('qris_merchant_city_chk', sql`length(city) between 1 and 15`)
    .addCheckConstraint(
      'qris_merchant_postal_code_chk',
      sql`postal_code is null or length(postal_code) = 5`,
    )
    .addCheckConstraint(
      'qris_merchant_criteria_chk',
      sql`criteria in ('UMI', 'UKE', 'UME', 'UBE', 'URE')`,
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qris_merchant').execute();
}
