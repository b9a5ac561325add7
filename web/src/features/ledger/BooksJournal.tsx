import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/forms.tsx';
import { instantWib, rupiah, todayWib } from '../../ui/format.ts';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import '../cooperative/strings.ts';
import '../corrections/strings.ts';
import { DOCUMENTS, documentName, firstOfMonth, type DocumentType } from './BooksDocuments.ts';
import './strings.ts';

/** The journal of a period, narrowed by kind of document, with its hledger export. */
export function Journal({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('ledger');
  const lang = i18n.language;
  const [from, setFrom] = useState(() => firstOfMonth(todayWib()));
  const [to, setTo] = useState(todayWib());
  const [docType, setDocType] = useState<DocumentType | ''>('');
  const rangeError = from && to && to < from ? t('toBeforeFrom') : undefined;
  const query = useInfiniteQuery({
    queryKey: ['ledger', 'entries', orgId, from, to, docType],
    enabled: !rangeError,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/entries', {
          params: {
            path: { orgId },
            query: {
              limit: '100',
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
              ...(docType ? { documentType: docType } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = useMemo(() => (query.data?.pages ?? []).flatMap((p) => p.items), [query.data]);
  const lines = useMemo(
    () =>
      entries.flatMap((e) =>
        e.lines.map((l, i) => ({ ...l, key: `${e.id}-${i}`, entry: e, first: i === 0 })),
      ),
    [entries],
  );
  type Line = (typeof lines)[number];
  const docName = (type: string) => documentName(type, lang);
  const columns: Column<Line>[] = [
    dateColumn('date', t('date'), (l) => l.entry.date, lang),
    {
      id: 'document',
      header: t('document'),
      accessorFn: (l) => `${docName(l.entry.documentType)} ${l.entry.memo}`,
      cell: (c) => (
        <span style={{ overflowWrap: 'anywhere' }}>
          {docName(c.row.original.entry.documentType)}
          {c.row.original.entry.memo && (
            <>
              {' '}
              <small className="muted">{c.row.original.entry.memo}</small>
            </>
          )}
          {c.row.original.first && c.row.original.entry.documentType === 'sales_batch' && (
            <PostingSales coopId={orgId} postingId={c.row.original.entry.documentId} />
          )}
        </span>
      ),
    },
    {
      id: 'account',
      header: t('account'),
      accessorFn: (l) => `${l.accountCode} ${l.accountName}`,
      cell: (c) => (
        <span>
          {c.row.original.accountCode} {c.row.original.accountName}
          {c.row.original.counterpartyName && (
            <>
              {' '}
              <small className="muted">({c.row.original.counterpartyName})</small>
            </>
          )}
        </span>
      ),
    },
    moneyColumn('debit', t('debit'), (l) => l.debit, { zero: '—' }),
    moneyColumn('credit', t('credit'), (l) => l.credit, { zero: '—' }),
  ];
  const exportUrl = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger/journal?format=hledger${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`;
  return (
    <>
      <div className="form-row">
        <Field label={t('from')}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('to')} error={rangeError}>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('documentType')}>
          <select value={docType} onChange={(e) => setDocType(e.target.value as DocumentType | '')}>
            <option value="">{t('allDocuments')}</option>
            {(Object.keys(DOCUMENTS) as DocumentType[]).map((d) => (
              <option key={d} value={d}>
                {docName(d)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p>
        <a href={exportUrl} download>
          {t('export')}
        </a>{' '}
        <small className="muted">{t('exportHint')}</small>
      </p>
      {rangeError ? null : (
        <QueryState query={query}>
          {() => (
            <>
              <DataTable
                data={lines}
                columns={columns}
                empty={t('noEntries')}
                filterLabel={t('filter')}
                pageSize={100}
              />
              <p className="muted">{t('entriesShown', { count: entries.length })}</p>
              <LoadMore query={query} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

/**
 * The sales behind a summary entry (`sales_batch`: one entry per sync and business date), read
 * when opened: each sale's time, payment and amount, and their sum, which is the entry's amount.
 */
function PostingSales({ coopId, postingId }: { coopId: string; postingId: string }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('ledger');
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('showSales')}</summary>
      {open && <PostingSalesList coopId={coopId} postingId={postingId} />}
    </details>
  );
}

function PostingSalesList({ coopId, postingId }: { coopId: string; postingId: string }) {
  const { t, i18n } = useTranslation('ledger');
  const query = useInfiniteQuery({
    queryKey: ['sales', coopId, 'posting', postingId],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/sales', {
          params: {
            path: { id: coopId },
            query: { postingId, limit: '200', ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  // A posting holds up to 500 sales and a page 200: the count and sums stand for the entry only
  // once every page is here, so the pages are read one after another before anything is shown.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // In the order they were made (the list comes in the order of their ids).
  const sales = useMemo(
    () =>
      (query.data?.pages ?? [])
        .flatMap((p) => p.items)
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
    [query.data],
  );
  const total = sales.reduce((sum, s) => sum + s.totalAmount, 0);
  const consignment = sales.reduce((sum, s) => sum + s.consignmentAmount, 0);
  // Payment methods in the words of the cooperative's screens (its sales list).
  const { t: coopT } = useTranslation('cooperative');
  return (
    <QueryState query={query}>
      {() =>
        hasNextPage ? (
          <p className="state">{t('loading', { ns: 'translation' })}</p>
        ) : (
          <div className="posting-sales">
            <p>
              {t('salesOfPosting', {
                count: sales.length,
                amount: rupiah(total),
                consignment: rupiah(consignment),
              })}
            </p>
            <ul className="posting-sales-list">
              {sales.map((s) => (
                <li key={s.id}>
                  {instantWib(s.occurredAt, i18n.language)} · {coopT(s.paymentMethod)} ·{' '}
                  <strong>{rupiah(s.totalAmount)}</strong>
                  {s.reversed && (
                    <>
                      {' '}
                      <span className="badge hold">{t('reversed', { ns: 'corrections' })}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )
      }
    </QueryState>
  );
}
