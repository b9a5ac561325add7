import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/forms.tsx';
import { businessDate } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { statementPdfUrl } from './statement-pdf.ts';
import './strings.ts';

type Status = '' | 'open' | 'overdue' | 'paid';

/** The statements of the hub's whole network, filtered on the server by status, period and number. */
export function NetworkStatements() {
  const { t, i18n } = useTranslation('settlement');
  const [status, setStatus] = useState<Status>('');
  const [period, setPeriod] = useState('');
  const [search, setSearch] = useState('');
  const number = useDeferredValue(search.trim());
  const query = useQuery({
    queryKey: ['settlement', 'statements', status, period, number],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/settlements/statements', {
          params: {
            query: {
              ...(status ? { status } : {}),
              ...(period ? { periodEnd: period } : {}),
              ...(number ? { q: number } : {}),
            },
          },
        }),
      ),
  });
  const all = useQuery({
    queryKey: ['settlement', 'statements', '', '', ''],
    queryFn: async () => unwrap(await api.GET('/api/v1/settlements/statements')),
  });
  const periods = useMemo(
    () => [...new Set((all.data?.items ?? []).map((s) => s.periodEnd))].sort().reverse(),
    [all.data],
  );
  type Row = NonNullable<typeof query.data>['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('number'),
      accessorKey: 'number',
      cell: (c) => <span className="doc-number">{c.row.original.number}</span>,
    },
    { id: 'coop', header: t('cooperative'), accessorFn: (s) => s.cooperativeName },
    {
      id: 'period',
      header: t('period'),
      accessorFn: (s) => s.periodEnd,
      cell: (c) =>
        `${businessDate(c.row.original.periodStart, i18n.language)} – ${businessDate(c.row.original.periodEnd, i18n.language)}`,
    },
    moneyColumn('closing', t('closingBalance'), (s) => s.closingBalance),
    dateColumn('due', t('dueDate'), (s) => s.dueDate, i18n.language),
    moneyColumn('outstanding', t('outstanding'), (s) => s.outstanding),
    {
      id: 'late',
      header: t('daysPastDue'),
      numeric: true,
      accessorFn: (s) => s.daysPastDue,
      cell: (c) => (
        <span className={c.row.original.daysPastDue > 0 ? 'warn' : undefined}>
          {c.row.original.daysPastDue}
        </span>
      ),
    },
    {
      id: 'pdf',
      header: t('document'),
      enableSorting: false,
      cell: (c) => (
        <a
          href={statementPdfUrl(c.row.original.cooperativeId, c.row.original.id)}
          target="_blank"
          rel="noreferrer"
          aria-label={t('pdfOf', {
            coop: c.row.original.cooperativeName,
            period: businessDate(c.row.original.periodEnd, i18n.language),
          })}
        >
          {t('pdf')}
        </a>
      ),
    },
  ];
  return (
    <>
      <div className="form-row">
        <Field label={t('searchNumber')} hint={t('searchNumberHint')}>
          <input
            type="search"
            maxLength={60}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </Field>
        <Field label={t('status')}>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="">{t('statusAll')}</option>
            <option value="open">{t('statusOpen')}</option>
            <option value="overdue">{t('statusOverdue')}</option>
            <option value="paid">{t('statusPaid')}</option>
          </select>
        </Field>
        <Field label={t('periodFilter')}>
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="">{t('allPeriods')}</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {businessDate(p, i18n.language)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <QueryState query={query}>
        {(d) => (
          <DataTable
            data={d.items}
            columns={columns}
            empty={all.data?.items.length ? t('noMatch') : t('noStatements')}
            filterLabel={t('filterCooperative')}
            pageSize={10}
          />
        )}
      </QueryState>
    </>
  );
}
