import { sql, type Kysely } from 'kysely';

/**
 * `account_month`: Σ debit and Σ credit of each book's account and counterparty in each month of
 * its entries' dates, kept by the only writer of journal lines (`postJournalEntries`, in the
 * posting's transaction) beside `account_balance`, and checked against the lines by `lumbung
 * verify`. A balance at a date is then the whole months before it from here and the rest of its
 * month from the lines: the hub's risk overview reads its month ends and 90-day windows so. Keyed
 * like `account_balance` with the month: a tenant table. Filled here from the lines already posted.
 * Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_month')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('counterparty_org_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_month_pkey', [
      'org_id',
      'account_code',
      'counterparty_org_id',
      'month',
    ])
    .execute();
  const month = sql<string>`substr(entry_date, 1, 7)`;
  await db
    .insertInto('account_month')
    .columns(['org_id', 'account_code', 'counterparty_org_id', 'month', 'debit', 'credit'])
    .expression(
      db
        .selectFrom('journal_line')
        .select((eb) => [
          'org_id',
          'account_code',
          'counterparty_org_id',
          month.as('month'),
          eb.fn.sum('debit').as('debit'),
          eb.fn.sum('credit').as('credit'),
        ])
        .groupBy(['org_id', 'account_code', 'counterparty_org_id', month]),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_month').execute();
}
