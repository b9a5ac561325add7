import { Fragment, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { rupiah } from '../../ui/format.ts';
import './strings.ts';

/** The figures a kecamatan and the region's total share (getRegionOverview). */
export interface Figures {
  cooperatives: number;
  participating: number;
  salesAmount: number;
  subsidyPaidMonth: number;
  subsidyPaidYear: number;
  overdueAmount: number;
  onHold: number;
}

export interface Cooperative {
  id: string;
  name: string;
  participating: boolean;
  salesAmount: number;
  subsidyPaidMonth: number;
  subsidyPaidYear: number;
  overdueAmount: number;
  onHold: boolean;
}

export interface District extends Figures {
  districtCode: string;
  districtName: string;
  items: Cooperative[];
}

/** The cooperatives of one kecamatan (shown when the kecamatan is opened). */
function CooperativeTable({ district }: { district: District }) {
  const { t } = useTranslation('office');
  const columns: Column<Cooperative>[] = [
    {
      id: 'name',
      header: t('cooperatives'),
      accessorFn: (r) => r.name,
      cell: (c) => <Link to={`/koperasi/${c.row.original.id}`}>{c.row.original.name}</Link>,
    },
    {
      id: 'participating',
      header: t('participating'),
      accessorFn: (r) => (r.participating ? 1 : 0),
      cell: (c) => (c.row.original.participating ? t('yes') : t('no')),
    },
    moneyColumn('salesAmount', t('sales'), (r) => r.salesAmount),
    moneyColumn('subsidyPaidMonth', t('subsidyMonth'), (r) => r.subsidyPaidMonth),
    moneyColumn('subsidyPaidYear', t('subsidyYear'), (r) => r.subsidyPaidYear),
    moneyColumn('overdueAmount', t('overdue'), (r) => r.overdueAmount, {
      warn: (r) => r.overdueAmount > 0,
    }),
    {
      id: 'onHold',
      header: t('status'),
      accessorFn: (r) => (r.onHold ? 1 : 0),
      cell: (c) =>
        c.row.original.onHold ? <span className="badge hold">{t('onHold')}</span> : t('normal'),
    },
  ];
  return (
    <DataTable
      data={district.items}
      columns={columns}
      empty={t('noCooperatives')}
      pageSize={50}
      initialSort={[{ id: 'name', desc: false }]}
    />
  );
}

/** Narrower than this, the table shows only the sales and what is overdue (as styles.css's phone). */
const PHONE = '(max-width: 600px)';

/** Whether the screen is a phone's width now (and again whenever it changes). */
function usePhone(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(PHONE).matches,
  );
}

/**
 * The table's columns: the words' key, the cell's class and its value in a row; `wide`: left out on
 * a phone (a kecamatan's subsidies and holds show when it is opened).
 */
const COLUMNS: {
  key: 'district' | 'salesShort' | 'subsidyMonth' | 'subsidyYear' | 'overdue' | 'holds';
  wide?: boolean;
  value?: (f: Figures) => number;
}[] = [
  { key: 'district' },
  { key: 'salesShort', value: (f) => f.salesAmount },
  { key: 'subsidyMonth', wide: true, value: (f) => f.subsidyPaidMonth },
  { key: 'subsidyYear', wide: true, value: (f) => f.subsidyPaidYear },
  { key: 'overdue', value: (f) => f.overdueAmount },
  { key: 'holds', wide: true, value: (f) => f.onHold },
];

/** A row's amounts in the columns shown: the overdue amount in the warning colour above zero. */
function Amounts({ f, columns }: { f: Figures; columns: typeof COLUMNS }) {
  const { t } = useTranslation('office');
  return columns.map(({ key, value }) => {
    if (!value) return null;
    const v = value(f);
    if (key === 'holds')
      return (
        <td key={key} className="num">
          {v > 0 ? t('holdCount', { count: v }) : '—'}
        </td>
      );
    return (
      <td key={key} className={key === 'overdue' && v > 0 ? 'num warn' : 'num'}>
        {rupiah(v)}
      </td>
    );
  });
}

/**
 * The region by kecamatan in one compact table (a phone shows the sales and what is overdue; wider
 * screens all figures), the total last. Each kecamatan opens to its figures and its cooperatives.
 */
export function DistrictTable({ districts, totals }: { districts: District[]; totals: Figures }) {
  const { t } = useTranslation('office');
  const phone = usePhone();
  const columns = phone ? COLUMNS.filter((c) => !c.wide) : COLUMNS;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="districts">
        <thead>
          <tr>
            {columns.map(({ key, value }) => (
              <th key={key} scope="col" className={value ? 'num' : undefined}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => {
            const isOpen = open.has(d.districtCode);
            const detailId = `district-${d.districtCode}`;
            return (
              <Fragment key={d.districtCode}>
                <tr className={isOpen ? 'open' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="district-toggle"
                      aria-expanded={isOpen}
                      aria-controls={detailId}
                      onClick={() => toggle(d.districtCode)}
                    >
                      <span className="vh">{t('district')} </span>
                      {d.districtName}
                    </button>
                    <small className="muted">
                      {t('coopCount', { participating: d.participating, count: d.cooperatives })}
                      {d.onHold > 0 && (
                        <span className="warn"> · {t('holdCount', { count: d.onHold })}</span>
                      )}
                    </small>
                  </th>
                  <Amounts f={d} columns={columns} />
                </tr>
                {isOpen && (
                  <tr className="district-detail">
                    <td colSpan={columns.length} id={detailId}>
                      <div className="district-detail-body">
                        <h3>
                          {t('district')} {d.districtName}
                        </h3>
                        <dl className="district-figures">
                          {(
                            [
                              ['subsidyMonth', rupiah(d.subsidyPaidMonth)],
                              ['subsidyYear', rupiah(d.subsidyPaidYear)],
                              ['holds', String(d.onHold)],
                            ] as const
                          ).map(([key, value]) => (
                            <div key={key}>
                              <dt>{t(key)}</dt>
                              <dd>{value}</dd>
                            </div>
                          ))}
                        </dl>
                        <CooperativeTable district={d} />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          <tr className="district-total">
            <th scope="row">
              {t('total')}
              <small className="muted">
                {t('coopCount', {
                  participating: totals.participating,
                  count: totals.cooperatives,
                })}
              </small>
            </th>
            <Amounts f={totals} columns={columns} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
