import { sql, type Kysely } from 'kysely';

/**
 * A cooperative's full books and its year end.
 * - `manual_journal_entry`: a bookkeeper's own entry (expenses, opening
 *   balances), kept for its client id and content (idempotency); its lines are
 *   the journal's (doc type `manual_entry`, doc id `id`).
 * - `fixed_asset`: an asset bought or brought into the books, depreciated
 *   straight line over `useful_life_months` down to `residual_value`; the
 *   acquisition posts under doc type `fixed_asset` (doc id `id`).
 * - `depreciation`: one asset's depreciation for one month (`YYYY-MM`), posted
 *   under doc type `depreciation` (doc id `id`); one row per asset and month.
 * - `shu_rule`: the AD/ART's SHU split for a year (`allocation`: JSON
 *   `[{key, basisPoints}]`, hundredths of a percent, adding up to 10000;
 *   jasa usaha + jasa modal = the `jasa_anggota` share).
 * - `fiscal_year_close`: a closed year: its SHU, the split it used and the
 *   allocation amounts (JSON), the closing entry (doc type
 *   `fiscal_year_close`, doc id `id`, dated the year's last day). Postings
 *   dated on or before `year`-12-31 are refused once the row exists.
 * - `shu_member_share`: each member's SHU of a closed year.
 * - `shu_distribution`: the members' SHU paid out or credited to sukarela
 *   (doc type `shu_distribution`, doc id `id`), once per year.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('manual_journal_entry')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('manual_journal_entry_pkey', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('fixed_asset')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('acquired_on', 'text', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('residual_value', 'bigint', (c) => c.notNull())
    .addColumn('useful_life_months', 'integer', (c) => c.notNull())
    .addColumn('paid_from_account', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fixed_asset_pkey', ['org_id', 'id'])
    .addCheckConstraint(
      'fixed_asset_amounts_chk',
      sql`cost > 0 and residual_value >= 0 and residual_value < cost and useful_life_months > 0`,
    )
    .execute();

  await db.schema
    .createTable('depreciation')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('depreciation_pkey', ['org_id', 'asset_id', 'month'])
    .addUniqueConstraint('depreciation_org_id_id_uq', ['org_id', 'id'])
    .addForeignKeyConstraint('depreciation_asset_fk', ['org_id', 'asset_id'], 'fixed_asset', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('depreciation_amount_chk', sql`amount > 0`)
    .execute();

  await db.schema
    .createTable('shu_rule')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('allocation', 'text', (c) => c.notNull())
    .addColumn('jasa_usaha_bp', 'integer', (c) => c.notNull())
    .addColumn('jasa_modal_bp', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shu_rule_pkey', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('fiscal_year_close')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('shu', 'bigint', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('allocation', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fiscal_year_close_pkey', ['org_id', 'year'])
    .addUniqueConstraint('fiscal_year_close_org_id_id_uq', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('shu_member_share')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('purchases', 'bigint', (c) => c.notNull())
    .addColumn('savings', 'bigint', (c) => c.notNull())
    .addColumn('jasa_usaha', 'bigint', (c) => c.notNull())
    .addColumn('jasa_modal', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('shu_member_share_pkey', ['org_id', 'year', 'member_id'])
    .addForeignKeyConstraint('shu_member_share_close_fk', ['org_id', 'year'], 'fiscal_year_close', [
      'org_id',
      'year',
    ])
    .addCheckConstraint(
      'shu_member_share_total_chk',
      sql`jasa_usaha >= 0 and jasa_modal >= 0 and total = jasa_usaha + jasa_modal`,
    )
    .execute();

  await db.schema
    .createTable('shu_distribution')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shu_distribution_pkey', ['org_id', 'year'])
    .addUniqueConstraint('shu_distribution_org_id_id_uq', ['org_id', 'id'])
    .addForeignKeyConstraint('shu_distribution_close_fk', ['org_id', 'year'], 'fiscal_year_close', [
      'org_id',
      'year',
    ])
    .addCheckConstraint('shu_distribution_method_chk', sql`method in ('cash', 'bank', 'sukarela')`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'shu_distribution',
    'shu_member_share',
    'fiscal_year_close',
    'shu_rule',
    'depreciation',
    'fixed_asset',
    'manual_journal_entry',
  ])
    await db.schema.dropTable(t).execute();
}
