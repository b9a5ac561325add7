import { sql, type Kysely } from 'kysely';

/**
 * The scheduled jobs that run inside the server (the month end: closing the
 * settlement periods, the subsidy run). `job` holds one row per job of the
 * installation (not a tenant's data: a job acts on every hub): its lease —
 * which runner holds it and until when, taken by one conditional UPDATE so
 * that one runner at a time runs it however many server processes share the
 * database —, when it is due next, and its last run. `job_run` is the
 * history: one row per finished run, with what it did, how it was started
 * and by whom. Instants are ISO 8601 text in UTC, as everywhere. Frozen once
 * landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_result', 'text')
    .addPrimaryKeyConstraint('job_pkey', ['name'])
    .addCheckConstraint('job_last_status_chk', sql`last_status in ('ok', 'failed')`)
    .addCheckConstraint('job_lease_chk', sql`(lease_owner is null) = (lease_until is null)`)
    .execute();

  await db.schema
    .createTable('job_run')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('job_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('triggered_by', 'text')
    .addPrimaryKeyConstraint('job_run_pkey', ['id'])
    .addForeignKeyConstraint('job_run_job_name_fkey', ['job_name'], 'job', ['name'])
    .addForeignKeyConstraint('job_run_triggered_by_fkey', ['triggered_by'], 'app_user', ['id'])
    .addCheckConstraint('job_run_status_chk', sql`status in ('ok', 'failed')`)
    .addCheckConstraint('job_run_trigger_chk', sql`"trigger" in ('schedule', 'manual')`)
    .addCheckConstraint(
      'job_run_triggered_by_chk',
      sql`"trigger" = 'manual' or triggered_by is null`,
    )
    .execute();
  await db.schema
    .createIndex('job_run_job_name_started_at_idx')
    .on('job_run')
    .columns(['job_name', 'started_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_run').execute();
  await db.schema.dropTable('job').execute();
}
