import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/forms.tsx';
import { rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';

/** The read of an organization's trial balance on a date (shared by the summary and the table). */
export function trialBalanceQuery(orgId: string, asOf: string) {
  return {
    queryKey: ['ledger', 'trial-balance', orgId, asOf],
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/trial-balance', {
          params: { path: { orgId }, query: { asOf } },
        }),
      ),
  };
}

/** The trial balance on a chosen date, by account code, with its totals. */
export function TrialBalance({ orgId }: { orgId: string }) {
  const { t } = useTranslation('ledger');
  const [asOf, setAsOf] = useState(todayWib());
  const query = useQuery(trialBalanceQuery(orgId, asOf));
  type Account = NonNullable<typeof query.data>['accounts'][number];
  const columns: Column<Account>[] = [
    { id: 'code', header: t('code'), accessorFn: (a) => a.code },
    { id: 'name', header: t('account'), accessorFn: (a) => a.name },
    { id: 'cp', header: t('counterparty'), accessorFn: (a) => a.counterpartyName ?? '—' },
    moneyColumn('debit', t('debit'), (a) => a.debit, { zero: '—' }),
    moneyColumn('credit', t('credit'), (a) => a.credit, { zero: '—' }),
  ];
  return (
    <>
      <div className="form-row">
        <Field label={t('asOf')}>
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </Field>
      </div>
      <QueryState query={query}>
        {(tb) => (
          <>
            <DataTable
              data={tb.accounts}
              columns={columns}
              empty={t('noAccounts')}
              initialSort={[{ id: 'code', desc: false }]}
              pageSize={50}
            />
            <div className="cards">
              <div className="card">
                <span>
                  {t('total')} {t('debit')}
                </span>
                <strong>{rupiah(tb.totalDebit)}</strong>
              </div>
              <div className="card">
                <span>
                  {t('total')} {t('credit')}
                </span>
                <strong>{rupiah(tb.totalCredit)}</strong>
              </div>
            </div>
            <p role="status" className={tb.totalDebit === tb.totalCredit ? 'notice' : 'warn'}>
              {tb.totalDebit === tb.totalCredit
                ? t('balanced')
                : t('unbalanced', { diff: rupiah(tb.totalDebit - tb.totalCredit) })}
            </p>
          </>
        )}
      </QueryState>
    </>
  );
}
