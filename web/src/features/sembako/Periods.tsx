import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { instantWib, monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { contentsOf, usePeriods, type ProgramCtx } from './data.ts';
import { PeriodForm } from './PeriodForm.tsx';
import './strings.ts';

/** The periods tab: each period's ordering window and packages, and a new period. */
export function Periods({ ctx }: { ctx: ProgramCtx }) {
  const { t, i18n } = useTranslation('sembako');
  const periods = usePeriods(ctx.programId);
  const lang = i18n.language;
  type P = NonNullable<typeof periods.data>[number];
  const columns: Column<P>[] = [
    {
      id: 'month',
      header: t('month'),
      accessorFn: (p) => p.month,
      cell: (c) => monthName(c.row.original.month, lang),
    },
    {
      id: 'window',
      header: t('window'),
      accessorFn: (p) => p.orderOpensAt,
      cell: (c) =>
        `${instantWib(c.row.original.orderOpensAt, lang)} – ${instantWib(c.row.original.orderClosesAt, lang)}`,
    },
    {
      id: 'packages',
      header: t('packages'),
      enableSorting: false,
      accessorFn: (p) => p.packages.map((k) => k.name).join(', '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.packages.map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong>: {contentsOf(k.items, ctx.dir)} — {rupiah(k.price)} (
              {t('subsidy')} {rupiah(k.sponsorSubsidy)}, {t('toDeduct')} {rupiah(k.participantPays)}
              )
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <h2>{t('periodsTitle')}</h2>
      <QueryState query={periods}>
        {(list) => (
          <DataTable
            data={list}
            columns={columns}
            empty={t('noPeriods')}
            initialSort={[{ id: 'month', desc: true }]}
          />
        )}
      </QueryState>
      <PeriodForm programId={ctx.programId} dir={ctx.dir} />
    </>
  );
}
