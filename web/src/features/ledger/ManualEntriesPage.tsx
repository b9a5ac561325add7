import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { FixedAssetsPart } from './FixedAssetsPart.tsx';
import { ManualEntryForm } from './ManualEntryForm.tsx';
import './manual.css';
import './manual-strings.ts';

/** The organization's chart: the accounts open to manual entries, for the forms' selects. */
export function useAccounts(orgId: string) {
  return useQuery({
    queryKey: ['ledger', 'accounts', orgId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/orgs/{orgId}/ledger/accounts', { params: { path: { orgId } } }))
        .items,
    staleTime: 5 * 60_000,
  });
}

/**
 * "Jurnal & aset": the manager's own entries (expenses, opening balances) with the recent ones, and
 * the cooperative's fixed assets with their book value.
 */
export function ManualEntriesPage() {
  const { t } = useTranslation('ledgerManual');
  const { id = '' } = useParams();
  const accounts = useAccounts(id);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <QueryState query={accounts}>
        {(items) => <ManualEntryForm orgId={id} accounts={items.filter((a) => a.manual)} />}
      </QueryState>
      <h2>{t('recent')}</h2>
      <RecentEntries orgId={id} />
      <h2>{t('assets')}</h2>
      <QueryState query={accounts}>
        {(items) => <FixedAssetsPart orgId={id} accounts={items} />}
      </QueryState>
    </section>
  );
}

/** The manual entries of the last year, newest first, one row per line. */
function RecentEntries({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('ledgerManual');
  const lang = i18n.language;
  const query = useQuery({
    queryKey: ['ledger', 'entries', orgId, 'manual_entry'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/entries', {
          params: { path: { orgId }, query: { documentType: 'manual_entry', limit: '200' } },
        }),
      ).items,
  });
  const lines = useMemo(
    () =>
      [...(query.data ?? [])]
        .reverse()
        .flatMap((e) => e.lines.map((l, i) => ({ ...l, key: `${e.id}-${i}`, entry: e }))),
    [query.data],
  );
  type Line = (typeof lines)[number];
  const columns: Column<Line>[] = [
    dateColumn('date', t('date'), (l) => l.entry.date, lang),
    {
      id: 'memo',
      header: t('memo'),
      accessorFn: (l) => l.entry.memo,
      cell: (c) => <span style={{ overflowWrap: 'anywhere' }}>{c.row.original.entry.memo}</span>,
    },
    {
      id: 'account',
      header: t('entryLines'),
      accessorFn: (l) => `${l.accountName} (${l.accountCode})`,
    },
    moneyColumn('debit', t('debitCol'), (l) => l.debit, { zero: '—', enableSorting: false }),
    moneyColumn('credit', t('creditCol'), (l) => l.credit, { zero: '—', enableSorting: false }),
  ];
  return (
    <QueryState query={query}>
      {() => <DataTable data={lines} columns={columns} empty={t('noEntries')} pageSize={20} />}
    </QueryState>
  );
}
