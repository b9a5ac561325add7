import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { businessDate, monthName } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';

type Coverage = Awaited<ReturnType<typeof fetchCoverage>>;
type DistrictRow = Coverage['totals'] & { key: string; name: string; total?: boolean };
type CoopRow = Coverage['items'][number];

async function fetchCoverage() {
  return unwrap(await api.GET('/api/v1/training/coverage'));
}

const score = (v: number | null) =>
  v == null ? '—' : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v);

/** Training coverage per kecamatan, and per cooperative next to its performance this month. */
export function TrainingCoverageView() {
  const { t, i18n } = useTranslation('training');
  const coverage = useQuery({ queryKey: ['training-coverage'], queryFn: fetchCoverage });
  const num = (id: keyof Coverage['totals'], header: string): Column<DistrictRow> => ({
    id,
    header,
    accessorFn: (r) => r[id] ?? -1,
    cell: (c) => {
      const v = c.row.original[id];
      return id === 'avgPreScore' || id === 'avgPostScore' ? score(v) : String(v);
    },
    numeric: true,
    enableSorting: false,
  });
  const districtColumns: Column<DistrictRow>[] = [
    {
      id: 'name',
      header: t('district'),
      accessorFn: (r) => r.name,
      cell: (c) =>
        c.row.original.total ? <strong>{c.row.original.name}</strong> : c.row.original.name,
      enableSorting: false,
    },
    num('cooperatives', t('cooperatives')),
    num('trainedCooperatives', t('trainedCooperatives')),
    num('officersInvited', t('officersInvited')),
    num('officersTrained', t('officersTrained')),
    num('avgPreScore', t('avgPre')),
    num('avgPostScore', t('avgPost')),
  ];
  const coopColumns: Column<CoopRow>[] = [
    {
      id: 'name',
      header: t('cooperative'),
      accessorFn: (r) => r.name,
      cell: (c) => (
        <Link to={`/koperasi/${c.row.original.cooperativeId}`}>{c.row.original.name}</Link>
      ),
    },
    { id: 'district', header: t('district'), accessorFn: (r) => r.districtName },
    {
      id: 'trained',
      header: t('officersTrained'),
      accessorFn: (r) => r.officersTrained,
      numeric: true,
    },
    {
      id: 'pre',
      header: t('avgPre'),
      accessorFn: (r) => r.avgPreScore ?? -1,
      cell: (c) => score(c.row.original.avgPreScore),
      numeric: true,
    },
    {
      id: 'post',
      header: t('avgPost'),
      accessorFn: (r) => r.avgPostScore ?? -1,
      cell: (c) => score(c.row.original.avgPostScore),
      numeric: true,
    },
    moneyColumn('sales', t('sales'), (r) => r.salesAmount),
    moneyColumn('overdue', t('overdue'), (r) => r.overdueAmount, {
      warn: (r) => r.overdueAmount > 0,
    }),
    {
      id: 'status',
      header: t('status'),
      accessorFn: (r) => (r.onHold ? 2 : r.participating ? 0 : 1),
      cell: (c) =>
        c.row.original.onHold ? (
          <span className="badge hold">{t('onHold')}</span>
        ) : c.row.original.participating ? (
          t('normal')
        ) : (
          t('notParticipating')
        ),
    },
  ];
  return (
    <section>
      <h1>{t('coverage')}</h1>
      <p className="actions">
        <Link to="/pelatihan">{t('events')}</Link>
      </p>
      <QueryState query={coverage}>
        {(c) => (
          <>
            <div className="cards">
              <div className="card">
                <span>{t('trainedCooperatives')}</span>
                <strong>
                  {c.totals.trainedCooperatives} / {c.totals.cooperatives}
                </strong>
              </div>
              <div className="card" data-testid="officers-trained">
                <span>{t('officersTrained')}</span>
                <strong>{c.totals.officersTrained}</strong>
                <small>
                  {t('officersInvited')}: {c.totals.officersInvited}
                </small>
              </div>
              <div className="card">
                <span>{t('avgPre')}</span>
                <strong>{score(c.totals.avgPreScore)}</strong>
              </div>
              <div className="card">
                <span>{t('avgPost')}</span>
                <strong>{score(c.totals.avgPostScore)}</strong>
              </div>
            </div>
            <h2>{t('byDistrict')}</h2>
            <DataTable<DistrictRow>
              data={[
                ...c.districts.map((d) => ({ ...d, key: d.districtCode, name: d.districtName })),
                { ...c.totals, key: 'total', name: t('total'), total: true },
              ]}
              columns={districtColumns}
              empty={t('noCooperatives')}
              pageSize={50}
            />
            <h2>{t('byCooperative')}</h2>
            <p className="muted">
              {t('performanceAsOf', {
                month: monthName(c.month, i18n.language),
                date: businessDate(c.asOf, i18n.language),
              })}
            </p>
            <DataTable
              data={c.items}
              columns={coopColumns}
              empty={t('noCooperatives')}
              filterLabel={t('filterCooperatives')}
              initialSort={[{ id: 'trained', desc: false }]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
