import type { Db } from '../../db/database.ts';
import {
  MONTH_PARTITIONED,
  ensureMonthPartitions,
  listMonthPartitions,
  monthPlus,
} from '../../db/month-partitions.ts';
import { monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import { jobResult, type JobContext, type JobDefinition } from './job.ts';
import { dailyAt } from './schedule.ts';

/** How many months after the current one (WIB) have their partitions ready. */
export const MONTHS_AHEAD = 3;

/**
 * PostgreSQL: creates the month partitions of `journal_line`, `stock_move`
 * and `sale_line` up to {@link MONTHS_AHEAD} months after the current month
 * (`ensureMonthPartitions`), catching up from the month after a table's latest
 * partition up to now when the job has not run for a while (rows of those
 * months, kept by the DEFAULT partition meanwhile, move into their month).
 * Idempotent: a second run creates nothing. SQLite has no partitions: nothing
 * to do.
 */
export async function createComingMonthPartitions(db: Db, job: JobContext) {
  const month = monthOf(todayWib(job.ctx.clock));
  const to = monthPlus(month, MONTHS_AHEAD);
  let from = month;
  let checked = 0;
  for (const { table } of MONTH_PARTITIONED) {
    const { partitioned, months } = await listMonthPartitions(db, table);
    if (!partitioned) continue;
    checked++;
    // Catching up: the months since the latest one up to now, if the job has not run for a while.
    const past = months.filter((p) => p.month <= month).at(-1);
    if (past && monthPlus(past.month, 1) < from) from = monthPlus(past.month, 1);
  }
  const r = checked ? await ensureMonthPartitions(db, { from, to }) : { created: [], moved: 0 };
  const moved = r.moved
    ? {
        id: `, ${r.moved} baris dipindah dari partisi default`,
        en: `, ${r.moved} rows moved out of the default partition`,
      }
    : { id: '', en: '' };
  return jobResult(
    { checked, changed: r.created.length, failures: [] },
    {
      did: {
        id: `Partisi bulanan s.d. ${to}: ${r.created.length} dibuat${moved.id}`,
        en: `Monthly partitions up to ${to}: ${r.created.length} created${moved.en}`,
      },
      none: checked
        ? {
            id: `Partisi bulanan s.d. ${to}: sudah ada semua`,
            en: `Monthly partitions up to ${to}: all present`,
          }
        : {
            id: 'Tidak ada tabel berpartisi (SQLite)',
            en: 'No partitioned tables (SQLite)',
          },
      failed: { id: 'tabel gagal', en: 'tables failed' },
    },
  );
}

export const monthPartitionsJob: JobDefinition = {
  name: 'month-partitions',
  title: {
    id: 'Partisi bulanan PostgreSQL',
    en: 'PostgreSQL monthly partitions',
  },
  schedule: dailyAt(4, 0),
  run: createComingMonthPartitions,
};
