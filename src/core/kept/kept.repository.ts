import { sql } from 'kysely';
import type { Database, Db } from '../../db/database.ts';
import type { Kysely, Transaction } from 'kysely';
import { engineOf } from '../../db/connection.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import { addDays } from '../shared/business-date.ts';

/**
 * Kept views: what a hub's reads work out once from its documents and keep (the forecast of each
 * past week, `forecast_week`; the positions at each past month end, `position_month_end`). Each is
 * of a period over more than this many days before the day it is kept, so a document dated later
 * than that changes none of them.
 */
export const KEPT_AFTER_DAYS = 7;

/** Whether a document dated `date`, written on `today`, can change a kept view. */
export function changesKept(date: string, today: string): boolean {
  return date < addDays(today, -KEPT_AFTER_DAYS);
}

/**
 * Forgets the organization's kept views that a document dated `date` changes (the forecast of
 * every week starting after it, the positions at every month end on or after it), inside the
 * writer's transaction; and those of every other hub the document's `cooperatives` take or took
 * part with, as a hub's risk reads a cooperative's statements and credits of every hub (the
 * one table read here besides the kept ones: `participation`, for those hubs). Each hub's
 * forgetting is counted first (`kept_epoch`), so a view being worked out at the same time is not
 * kept (see {@link keepUnlessForgotten}). A document dated within {@link KEPT_AFTER_DAYS} of
 * `today` changes nothing kept: nothing is read or written, so the everyday writers (a sale of
 * today) touch no shared row.
 */
export async function forgetKeptFrom(
  db: Db,
  orgId: string,
  date: string,
  today: string,
  cooperatives: readonly string[] = [],
): Promise<void> {
  if (!changesKept(date, today)) return;
  const hubs = new Set([orgId]);
  const rows =
    cooperatives.length === 0
      ? []
      : await selectInChunks(cooperatives, (ids) =>
          db
            .selectFrom('participation')
            .select('hubId')
            .distinct()
            .where('orgId', 'in', ids)
            .execute(),
        );
  for (const r of rows) hubs.add(r.hubId);
  // One order of the count rows for every writer.
  for (const hub of [...hubs].sort()) await forgetHubFrom(db, hub, date);
}

async function forgetHubFrom(db: Db, orgId: string, date: string): Promise<void> {
  await db
    .insertInto('keptEpoch')
    .values({ orgId, epoch: 1 })
    .onConflict((oc) => oc.column('orgId').doUpdateSet({ epoch: sql`kept_epoch.epoch + 1` }))
    .execute();
  await db
    .deleteFrom('forecastWeek')
    .where('orgId', '=', orgId)
    .where('weekStart', '>', date)
    .execute();
  await db
    .deleteFrom('positionMonthEnd')
    .where('orgId', '=', orgId)
    .where('monthEnd', '>=', date)
    .execute();
}

/** Before any business date: forgetting from it forgets everything kept. */
const EVERY_DAY = '0000-01-01';

/**
 * Forgets every kept view of the organization: for a change that reaches documents of any date
 * (a participation's terms or end).
 */
export async function forgetAllKept(db: Db, orgId: string, today: string): Promise<void> {
  await forgetKeptFrom(db, orgId, EVERY_DAY, today);
}

/** The organization's count of forgettings (0 before the first), read before a view is worked out. */
export async function readKeptEpoch(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('keptEpoch')
    .select('epoch')
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  return Number(row?.epoch ?? 0);
}

/**
 * Runs `keep` (the writes of a view just worked out) in one transaction, only if nothing was
 * forgotten since `epoch` was read: the count's row is locked first, so a writer forgetting at
 * the same time either committed before (the count moved: nothing is kept) or waits and then
 * deletes what was kept. Returns whether it kept.
 */
export async function keepUnlessForgotten(
  db: Db,
  orgId: string,
  epoch: number,
  keep: (trx: Db) => Promise<void>,
): Promise<boolean> {
  const run = async (trx: Transaction<Database>) => {
    await trx
      .insertInto('keptEpoch')
      .values({ orgId, epoch: 0 })
      .onConflict((oc) => oc.column('orgId').doNothing())
      .execute();
    let q = trx.selectFrom('keptEpoch').select('epoch').where('orgId', '=', orgId);
    if (engineOf(trx) === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirstOrThrow();
    if (Number(row.epoch) !== epoch) return false;
    await keep(trx);
    return true;
  };
  // Inside a caller's transaction already (a test's), that transaction holds the lock.
  if (db.isTransaction) return run(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(run);
}
