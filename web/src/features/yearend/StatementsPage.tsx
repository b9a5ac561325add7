import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { Field } from '../../ui/forms.tsx';
import { rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './statements-strings.ts';
import './statements.css';

type Statements =
  paths['/api/v1/orgs/{orgId}/ledger/statements']['get']['responses'][200]['content']['application/json'];
type Period = Statements['comparative'];
type Section = Period['balanceSheet']['sections'][number];

/** One printed row: a caption (no amounts), an account, a subtotal or a statement's total. */
interface Row {
  label: string;
  amounts?: [number, number];
  kind: 'heading' | 'line' | 'total' | 'grand';
}

/** The URL of the statements' download (the session cookie authenticates it). */
export function statementsExportUrl(orgId: string, year: number, format: 'pdf' | 'xlsx') {
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/statements/export?year=${year}&format=${format}`;
}

/** A section of both years: every account either year shows, then the section's total; nothing when neither has any. */
function sectionRows(cur: Section[], prev: Section[], key: string, total: string): Row[] {
  const a = cur.find((s) => s.key === key);
  const b = prev.find((s) => s.key === key);
  const names = new Map([...(b?.lines ?? []), ...(a?.lines ?? [])].map((l) => [l.code, l.name]));
  const amount = (s: Section | undefined, code: string) =>
    s?.lines.find((l) => l.code === code)?.amount ?? 0;
  if (names.size === 0) return [];
  return [
    { label: a?.name ?? b?.name ?? key, kind: 'heading' },
    ...[...names].map(([code, label]): Row => ({
      label,
      kind: 'line',
      amounts: [amount(a, code), amount(b, code)],
    })),
    { label: total, kind: 'total', amounts: [a?.total ?? 0, b?.total ?? 0] },
  ];
}

function Statement({
  title,
  years,
  rows,
}: {
  title: string;
  years: [number, number];
  rows: Row[];
}) {
  const { t } = useTranslation('statements');
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <table className="statement">
        <thead>
          <tr>
            <th scope="col">{t('account')}</th>
            <th scope="col" className="amount">
              {years[0]}
            </th>
            <th scope="col" className="amount">
              {years[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={`st-${r.kind}`}>
              <td className={r.kind === 'line' ? 'indent' : undefined} colSpan={r.amounts ? 1 : 3}>
                {r.label}
              </td>
              {r.amounts ? (
                <>
                  <td className="amount">{rupiah(r.amounts[0])}</td>
                  <td className="amount">{rupiah(r.amounts[1])}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A cooperative's four SAK EP statements of a year with the previous year
 * beside it, and their PDF and XLSX downloads.
 */
export function StatementsPage() {
  const { t } = useTranslation('statements');
  const { id = '' } = useParams();
  const thisYear = Number(todayWib().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  // Last year when its books have entries, else this year.
  const lastYear = useQuery({
    queryKey: ['ledger', 'entries', id, 'any', thisYear - 1],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/entries', {
          params: {
            path: { orgId: id },
            query: { from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31`, limit: '1' },
          },
        }),
      ).items.length > 0,
  });
  useEffect(() => {
    if (year === null && lastYear.data !== undefined)
      setYear(lastYear.data ? thisYear - 1 : thisYear);
  }, [year, lastYear.data, thisYear]);
  const shown = year ?? thisYear;
  const query = useQuery({
    queryKey: ['ledger', 'statements', id, shown],
    enabled: year !== null,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/statements', {
          params: { path: { orgId: id }, query: { year: String(shown) } },
        }),
      ),
  });
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="form-row">
        <Field label={t('year')}>
          <select value={shown} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="downloads">
        <a className="button secondary" href={statementsExportUrl(id, shown, 'pdf')} download>
          {t('pdf')}
        </a>{' '}
        <a className="button secondary" href={statementsExportUrl(id, shown, 'xlsx')} download>
          {t('xlsx')}
        </a>
      </p>
      {year === null ? null : (
        <QueryState query={query}>{(fs) => <Statements fs={fs} year={shown} />}</QueryState>
      )}
    </section>
  );
}

function Statements({ fs, year }: { fs: Statements; year: number }) {
  const { t } = useTranslation('statements');
  const p = fs.comparative;
  const years: [number, number] = [year, year - 1];
  const both = (f: (x: Period) => number): [number, number] => [f(fs), f(p)];
  const bs = [fs.balanceSheet.sections, p.balanceSheet.sections] as const;
  const is = [fs.incomeStatement.sections, p.incomeStatement.sections] as const;
  const cf = [fs.cashFlow.sections, p.cashFlow.sections] as const;
  const diff = fs.balanceSheet.assets - fs.balanceSheet.total;
  const equityCodes = new Map(
    [...p.equityChanges.rows, ...fs.equityChanges.rows].map((r) => [r.code, r.name]),
  );
  const eq = (x: Period, code: string) => x.equityChanges.rows.find((r) => r.code === code);
  return (
    <>
      <Statement
        title={t('balanceSheet', { year })}
        years={years}
        rows={[
          ...sectionRows(...bs, 'aset_lancar', 'Jumlah Aset Lancar'),
          ...sectionRows(...bs, 'aset_tetap', 'Jumlah Aset Tetap'),
          { label: t('totalAssets'), kind: 'grand', amounts: both((x) => x.balanceSheet.assets) },
          ...sectionRows(...bs, 'liabilitas_jangka_pendek', 'Jumlah Liabilitas'),
          ...sectionRows(...bs, 'ekuitas', 'Jumlah Ekuitas'),
          {
            label: t('totalLiabilitiesEquity'),
            kind: 'grand',
            amounts: both((x) => x.balanceSheet.total),
          },
        ]}
      />
      <p role="status" className={diff === 0 ? 'notice' : 'warn'}>
        {diff === 0 ? t('balanced') : t('unbalanced', { diff: rupiah(diff) })}
      </p>
      <Statement
        title={t('incomeStatement', { year })}
        years={years}
        rows={[
          ...sectionRows(...is, 'pendapatan_usaha', 'Jumlah Pendapatan Usaha'),
          ...sectionRows(...is, 'beban_usaha', 'Jumlah Beban Usaha'),
          ...sectionRows(...is, 'pendapatan_lain', 'Jumlah Pendapatan Lain-lain'),
          ...sectionRows(...is, 'beban_lain', 'Jumlah Beban Lain-lain'),
          {
            label: t('shuBeforeTax'),
            kind: 'total',
            amounts: both((x) => x.incomeStatement.shuBeforeTax),
          },
          { label: t('tax'), kind: 'line', amounts: both((x) => x.incomeStatement.tax) },
          { label: t('shu'), kind: 'grand', amounts: both((x) => x.incomeStatement.shu) },
        ]}
      />
      <Statement
        title={t('cashFlow', { year })}
        years={years}
        rows={[
          ...sectionRows(...cf, 'operating', 'Kas Bersih dari Aktivitas Operasi'),
          ...sectionRows(...cf, 'investing', 'Kas Bersih dari Aktivitas Investasi'),
          ...sectionRows(...cf, 'financing', 'Kas Bersih dari Aktivitas Pendanaan'),
          { label: t('netChange'), kind: 'total', amounts: both((x) => x.cashFlow.netChange) },
          { label: t('openingCash'), kind: 'line', amounts: both((x) => x.cashFlow.openingCash) },
          { label: t('closingCash'), kind: 'grand', amounts: both((x) => x.cashFlow.closingCash) },
        ]}
      />
      <Statement
        title={t('equityChanges', { year })}
        years={years}
        rows={[
          ...[...equityCodes].flatMap(([code, name]): Row[] => {
            const a = eq(fs, code);
            const b = eq(p, code);
            const r = (k: 'opening' | 'increase' | 'decrease' | 'closing'): Row => ({
              label: `${name}: ${t(k)}`,
              kind: k === 'closing' ? 'total' : 'line',
              amounts: [a?.[k] ?? 0, b?.[k] ?? 0],
            });
            return [r('opening'), r('increase'), r('decrease'), r('closing')];
          }),
          {
            label: t('totalEquity'),
            kind: 'grand',
            amounts: both((x) => x.equityChanges.closing),
          },
        ]}
      />
    </>
  );
}
