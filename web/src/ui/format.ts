const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** `Rp 1.234.567` (negative: `-Rp 5.000`). */
export function rupiah(amount: number): string {
  const text = `Rp ${idr.format(Math.abs(amount))}`;
  return amount < 0 ? `-${text}` : text;
}

/** A business date `YYYY-MM-DD` as `10 Mar 2026` (WIB dates are calendar dates: no time zone shift). */
export function businessDate(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const time = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in WIB, e.g. `10 Mar 2026 14.05 WIB`. */
export function instantWib(iso: string, lang: string): string {
  return `${(lang === 'en' ? timeEn : time).format(new Date(iso))} WIB`;
}

/** Today's business date in WIB, `YYYY-MM-DD`. */
export function todayWib(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

/** A month `YYYY-MM` as `Maret 2026`. */
export function monthName(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A whole-rupiah amount typed by a person (`1.250.000`, `Rp 1250000`), or undefined when it is not one. */
export function parseRupiah(text: string): number | undefined {
  const digits = text.replace(/^\s*Rp\s*/i, '').replace(/[.\s]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A whole quantity typed by a person, the Indonesian way or plain: `2000`,
 * `2.000`, `1.250.000` (dots only as thousands separators), or undefined when
 * it is not one.
 */
export function parseQuantity(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!/^(\d{1,9}|\d{1,3}(\.\d{3}){1,2})$/.test(s)) return undefined;
  return Number(s.replace(/\./g, ''));
}

/** A quantity as shown: `1.823`. */
export function quantity(n: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(n);
}
