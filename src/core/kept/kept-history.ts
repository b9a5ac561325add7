import type { Db } from '../../db/database.ts';
import { addDays, addMonths, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { KEPT_AFTER_DAYS, readKeptEpoch } from './kept.repository.ts';

/**
 * The last month end whose documents a writer can no longer add to or change without forgetting
 * the hub's kept views (dated more than {@link KEPT_AFTER_DAYS} days before `today`): what a read
 * of the hub's history up to it loads stays true while the hub's `kept_epoch` stands.
 */
export function keptCutoff(today: string): string {
  const last = lastKeptDay(today);
  const month = monthOf(last);
  return lastDayOfMonth(month) === last ? last : lastDayOfMonth(addMonths(month, -1));
}

/**
 * The last day whose documents a writer can no longer add to or change without forgetting the
 * hub's kept views: a day's sums up to it stay true while the hub's `kept_epoch` stands (held
 * for the day: tomorrow has a later one).
 */
export function lastKeptDay(today: string): string {
  return addDays(today, -(KEPT_AFTER_DAYS + 1));
}

interface Held {
  stamp: string;
  value: Promise<unknown>;
}

/** By database handle: a test's databases, or a restored one behind a new handle, never mix. */
const held = new WeakMap<object, Map<string, Held>>();

/**
 * A hub's history up to `cutoff` ({@link keptCutoff} of today), loaded once by `load` and held in
 * this process while nothing could change it: the same hub, `part` and `key` (what else the load
 * depends on, such as the cooperatives read), the same cutoff and the same `kept_epoch`. The
 * count is read before the load, so a document written during it moves the count and the next
 * read loads again; every writer of a document dated up to the cutoff moves it
 * (`forgetKeptFrom`). Inside a transaction the history is loaded there, not held.
 */
export async function heldHistory<T>(
  db: Db,
  hubId: string,
  part: string,
  cutoff: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return load();
  const epoch = await readKeptEpoch(db, hubId);
  const stamp = `${epoch}|${cutoff}|${key}`;
  let parts = held.get(db);
  if (!parts) {
    parts = new Map();
    held.set(db, parts);
  }
  const name = `${hubId}|${part}`;
  const known = parts.get(name);
  if (known?.stamp === stamp) return known.value as Promise<T>;
  const value = load();
  parts.set(name, { stamp, value });
  // A failed load is not held: the next read tries again.
  value.catch(() => {
    if (parts.get(name)?.value === value) parts.delete(name);
  });
  return value;
}
