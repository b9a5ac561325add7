/**
 * Business dates are `YYYY-MM-DD` strings in WIB (UTC+7, no daylight saving).
 * Instants are ISO 8601 strings in UTC.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export type BusinessDate = string;

/** The WIB calendar date of an instant. */
export function wibDateOf(instant: Date): BusinessDate {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function isValidBusinessDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isValidMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * Dates are parsed and formatted again and again by the reports' day-by-day
 * loops (a forecast walks every cooperative's days): both directions are
 * remembered, and months moved by `addMonths`, up to {@link MEMO_LIMIT} each (then forgotten
 * at once).
 */
const MEMO_LIMIT = 100_000;
const midnightOf = new Map<string, number>();
const dateOfDay = new Map<number, BusinessDate>();
const lastDayOf = new Map<string, BusinessDate>();
const monthsFrom = new Map<string, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

function toUtcMidnight(date: BusinessDate): number {
  return midnightOf.get(date) ?? remember(midnightOf, date, Date.parse(`${date}T00:00:00Z`));
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const day = Math.round(toUtcMidnight(date) / DAY_MS) + days;
  return (
    dateOfDay.get(day) ??
    remember(dateOfDay, day, new Date(day * DAY_MS).toISOString().slice(0, 10))
  );
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((toUtcMidnight(b) - toUtcMidnight(a)) / DAY_MS);
}

export function monthOf(date: BusinessDate): string {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: string): BusinessDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): BusinessDate {
  const known = lastDayOf.get(month);
  if (known) return known;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return remember(lastDayOf, month, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
}

export function daysInMonth(month: string): number {
  return Number(lastDayOfMonth(month).slice(8, 10));
}

export function addMonths(month: string, n: number): string {
  const key = `${month}|${n}`;
  const known = monthsFrom.get(key);
  if (known !== undefined) return known;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return remember(monthsFrom, key, d.toISOString().slice(0, 7));
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: BusinessDate): number {
  const d = new Date(toUtcMidnight(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Number of days of [from, to] (inclusive) that fall in [start, end] (inclusive; end may be null). */
export function overlapDays(
  from: BusinessDate,
  to: BusinessDate,
  start: BusinessDate,
  end: BusinessDate | null,
): number {
  const lo = from > start ? from : start;
  const hi = end !== null && end < to ? end : to;
  return lo > hi ? 0 : daysBetween(lo, hi) + 1;
}

export function minDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a < b ? a : b;
}

export function maxDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return a > b ? a : b;
}

/** A business date in words, `10 Maret 2026` (`id`) or `10 March 2026` (`en`). */
export function longDate(date: BusinessDate, lang: 'id' | 'en' = 'id'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
