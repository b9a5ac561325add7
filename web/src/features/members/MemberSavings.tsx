import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Notice } from '../../ui/forms.tsx';
import { rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useMemberSavings, type SavingsLine } from './members-api.ts';
import { SavingsForm } from './SavingsForm.tsx';
import './member-strings.ts';
import './strings.ts';

/**
 * A member's savings: the balances per kind, what is still due (wajib arrears, unpaid pokok), the
 * passbook (buku simpanan, newest first, each line with its kind's balance after it) and, for the
 * manager of an active member, the deposit/withdrawal form.
 */
export function MemberSavingsSection({
  cooperativeId,
  memberId,
  active,
  manage,
}: {
  cooperativeId: string;
  memberId: string;
  active: boolean;
  manage: boolean;
}) {
  const { t, i18n } = useTranslation('members');
  const savings = useMemberSavings(cooperativeId, memberId);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState('');
  const columns: Column<SavingsLine>[] = [
    dateColumn('date', t('savings.date'), (l) => l.date, i18n.language),
    { id: 'kind', header: t('savings.kind'), accessorFn: (l) => t(`kind_${l.kind}`) },
    {
      id: 'direction',
      header: t('savings.direction'),
      accessorFn: (l) => t(`savings.dir_${l.direction}`),
    },
    moneyColumn('amount', t('savings.amount'), (l) =>
      l.direction === 'withdrawal' ? -l.amount : l.amount,
    ),
    {
      id: 'method',
      header: t('savings.method'),
      accessorFn: (l) => t(`savings.method_${l.method}`, l.method),
    },
    moneyColumn('balanceAfter', t('savings.balanceAfter'), (l) => l.balanceAfter),
  ];
  // A note column only when some line has one: an empty line on every card says nothing.
  if (savings.data?.transactions.some((l) => l.note))
    columns.push({
      id: 'note',
      header: t('savings.note'),
      enableSorting: false,
      accessorFn: (l) => l.note ?? '',
      cell: ({ row }) => <span className="wrap">{row.original.note}</span>,
    });
  return (
    <section className="panel" aria-labelledby="savings-title">
      <h2 id="savings-title">{t('savings.title')}</h2>
      <QueryState query={savings}>
        {(s) => (
          <>
            <dl className="aging savings-balances">
              <div>
                <dt>{t('savings.pokok')}</dt>
                <dd>{rupiah(s.pokok)}</dd>
              </div>
              <div>
                <dt>{t('savings.wajib')}</dt>
                <dd>{rupiah(s.wajib)}</dd>
              </div>
              <div>
                <dt>{t('savings.sukarela')}</dt>
                <dd>{rupiah(s.sukarela)}</dd>
              </div>
              <div>
                <dt>{t('savings.arrears')}</dt>
                <dd className={s.wajibArrears > 0 ? 'warn' : undefined}>
                  {rupiah(s.wajibArrears)}
                </dd>
              </div>
              <div>
                <dt>{t('savings.pokokDue')}</dt>
                <dd className={s.pokokDue > 0 ? 'warn' : undefined}>{rupiah(s.pokokDue)}</dd>
              </div>
            </dl>
            {notice && <Notice>{notice}</Notice>}
            {manage && !active && <p className="muted">{t('savings.notActive')}</p>}
            {manage &&
              active &&
              (recording ? (
                <SavingsForm
                  cooperativeId={cooperativeId}
                  memberId={memberId}
                  onDone={(text) => {
                    setRecording(false);
                    setNotice(text);
                  }}
                  onClose={() => setRecording(false)}
                />
              ) : (
                <button
                  type="button"
                  onClick={() => {
                    setNotice('');
                    setRecording(true);
                  }}
                >
                  {t('savings.record')}
                </button>
              ))}
            <h3>{t('savings.passbook')}</h3>
            <DataTable data={s.transactions} columns={columns} empty={t('savings.empty')} />
          </>
        )}
      </QueryState>
    </section>
  );
}
