const id1 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const en1 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * Rupiah abbreviated for chart axes: `Rp 12 jt`, `Rp 1,2 M`, `Rp 3 T` (in English `Rp 12 mn`,
 * `Rp 1.2 bn`, `Rp 3 tn`). Exact amounts are shown in the figures next to each chart.
 */
export function shortRupiah(amount: number, lang: string): string {
  const en = lang === 'en';
  const n = en ? en1 : id1;
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  const steps: [number, string, string][] = [
    [1e12, 'T', 'tn'],
    [1e9, 'M', 'bn'],
    [1e6, 'jt', 'mn'],
    [1e3, 'rb', 'k'],
  ];
  for (const [size, idUnit, enUnit] of steps)
    if (abs >= size) return `${sign}Rp ${n.format(abs / size)} ${en ? enUnit : idUnit}`;
  return `${sign}Rp ${n.format(abs)}`;
}
