import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { DataTable, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Notice, ProblemAlert } from '../../ui/forms.tsx';
import { monthName, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { runWajibBilling, useArrears, type Arrears } from './members-api.ts';
import { membersAccess } from './member-format.ts';
import { NoAccess } from './NoAccess.tsx';
import '../delivery/hub.css';
import './members.css';
import './strings.ts';

type Row = Arrears['items'][number];

/**
 * Members whose wajib bills exceed their wajib deposits: months and amount, a WhatsApp message per
 * member (with a phone), one message for the members' group, and this month's billing run.
 */
export function ArrearsPage() {
  const { t } = useTranslation('members');
  const { id = '' } = useParams();
  const { me } = useSession();
  // The arrears (names and phones to chase) are the cooperative manager's alone.
  if (membersAccess(me?.memberships ?? [], id) !== 'manage')
    return (
      <NoAccess
        title={t('arrears.title')}
        message={t('arrears.managerOnly')}
        back={`/koperasi/${id}/anggota`}
      />
    );
  return <ArrearsList id={id} />;
}

function ArrearsList({ id }: { id: string }) {
  const { t, i18n } = useTranslation('members');
  const lang = i18n.language;
  const client = useQueryClient();
  const arrears = useArrears(id);
  const month = todayWib().slice(0, 7);
  const bill = useMutation({
    mutationFn: () => runWajibBilling(id, month),
    onSuccess: () => client.invalidateQueries({ queryKey: ['savingsArrears', id] }),
  });
  const columns: Column<Row>[] = [
    {
      id: 'member',
      header: t('arrears.member'),
      accessorFn: (r) => `${r.memberNo} ${r.name}`,
      cell: ({ row }) => (
        <Link className="wrap" to={`/koperasi/${id}/anggota/${row.original.memberId}`}>
          {row.original.memberNo} · {row.original.name}
        </Link>
      ),
    },
    { id: 'months', header: t('arrears.months'), numeric: true, accessorFn: (r) => r.months },
    moneyColumn('amount', t('arrears.amount'), (r) => r.amount),
    {
      id: 'whatsapp',
      header: t('arrears.whatsapp'),
      enableSorting: false,
      accessorFn: (r) => r.phone ?? '',
      cell: ({ row }) =>
        row.original.whatsappUrl ? (
          <a href={row.original.whatsappUrl} target="_blank" rel="noopener">
            {t('arrears.send')} ({row.original.phone})
          </a>
        ) : (
          <span className="muted">{t('arrears.noPhone')}</span>
        ),
    },
  ];
  return (
    <section className="members">
      <p>
        <Link to={`/koperasi/${id}/anggota`}>← {t('arrears.back')}</Link>
      </p>
      <h1>{t('arrears.title')}</h1>
      <div className="actions">
        <button type="button" disabled={bill.isPending} onClick={() => bill.mutate()}>
          {bill.isPending
            ? t('arrears.billing')
            : t('arrears.bill', { month: monthName(month, lang) })}
        </button>
      </div>
      <ProblemAlert error={bill.error} />
      {bill.data && (
        <Notice>
          {t('arrears.billed', {
            month: monthName(bill.data.month, lang),
            billed: bill.data.billed,
            amount: rupiah(bill.data.amount),
            alreadyBilled: bill.data.alreadyBilled,
          })}
        </Notice>
      )}
      <QueryState query={arrears}>
        {(a) => (
          <>
            <p>
              <strong>{t('arrears.total', { amount: rupiah(a.total) })}</strong>
            </p>
            {a.items.length > 0 && (
              <>
                <p>
                  <a className="button" href={a.shareUrl} target="_blank" rel="noopener">
                    {t('arrears.share')}
                  </a>
                </p>
                <p className="muted">{t('arrears.shareHint')}</p>
              </>
            )}
            <DataTable
              data={a.items}
              columns={columns}
              empty={t('arrears.empty')}
              initialSort={[{ id: 'amount', desc: true }]}
              pageSize={50}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
