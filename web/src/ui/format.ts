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
