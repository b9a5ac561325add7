import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Notice } from '../../ui/forms.tsx';
import { monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { FixedAssetForm, type ChartAccount } from './FixedAssetForm.tsx';
import './manual-strings.ts';

/** The cooperative's fixed assets with their depreciation so far and book value, and the register form. */
export function FixedAssetsPart({ orgId, accounts }: { orgId: string; accounts: ChartAccount[] }) {
  const { t, i18n } = useTranslation('ledgerManual');
  const lang = i18n.language;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const query = useQuery({
    queryKey: ['ledger', 'fixed-assets', orgId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/orgs/{orgId}/fixed-assets', { params: { path: { orgId } } }))
        .items,
  });
  type Asset = NonNullable<typeof query.data>[number];
  const columns: Column<Asset>[] = [
    {
      id: 'name',
      header: t('name'),
      accessorFn: (a) => a.name,
      cell: (c) => <span style={{ overflowWrap: 'anywhere' }}>{c.row.original.name}</span>,
    },
    {
      id: 'account',
      header: t('assetAccount'),
      accessorFn: (a) => names.get(a.accountCode) ?? a.accountCode,
    },
    dateColumn('acquiredOn', t('acquiredOn'), (a) => a.acquiredOn, lang),
    moneyColumn('cost', t('cost'), (a) => a.cost),
    moneyColumn('monthly', t('monthly'), (a) => a.monthlyDepreciation),
    moneyColumn('accumulated', t('accumulated'), (a) => a.accumulatedDepreciation),
    moneyColumn('bookValue', t('bookValue'), (a) => a.bookValue),
    {
      id: 'lastMonth',
      header: t('lastMonth'),
      accessorFn: (a) => a.lastDepreciatedMonth ?? '',
      cell: (c) =>
        c.row.original.lastDepreciatedMonth
          ? monthName(c.row.original.lastDepreciatedMonth, lang)
          : t('notYet'),
    },
  ];
  return (
    <>
      <p className="muted">{t('depreciationNote')}</p>
      {notice && <Notice>{notice}</Notice>}
      {adding ? (
        <FixedAssetForm
          orgId={orgId}
          accounts={accounts}
          onDone={(a) => {
            setAdding(false);
            setNotice(t('assetSaved', { name: a.name, monthly: rupiah(a.monthlyDepreciation) }));
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            {t('addAsset')}
          </button>
        </div>
      )}
      <QueryState query={query}>
        {(items) => <DataTable data={items} columns={columns} empty={t('noAssets')} />}
      </QueryState>
    </>
  );
}
