import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { businessDate, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { mayReverse } from '../corrections/may-reverse.ts';
import {
  reversalColumn,
  reversibleMoneyColumn,
  useReverseDialog,
} from '../corrections/ReverseButton.tsx';
import { AgingList } from './AgingList.tsx';
import { HowToPay } from './HowToPay.tsx';
import { Part } from './Part.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { StatementAdjustments } from './StatementAdjustments.tsx';
import { statementPdfUrl } from './statement-pdf.ts';
import './strings.ts';

/** Who may record a cooperative's payment (the server checks it again). */
const PAYERS = ['hub_admin', 'hub_staff', 'coop_manager'];

/**
 * A cooperative's statements (numbered, with their PDFs), what it owes and since when, how to pay
 * (the hub's bank account and the cooperative's payment reference), its payments, and paying.
 */
export function CooperativeStatementsPage() {
  const { t, i18n } = useTranslation('settlement');
  const { t: tc } = useTranslation('corrections');
  const reversal = useReverseDialog();
  const { id = '' } = useParams();
  const { me } = useSession();
  const canPay = me?.memberships.some(
    (m) => PAYERS.includes(m.role) && (m.orgKind === 'hub' || m.orgId === id),
  );
  const coop = useQuery({
    queryKey: ['cooperative', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } })),
  });
  const coopName = coop.data?.name ?? me?.memberships.find((m) => m.orgId === id)?.orgName;
  const balance = useQuery({
    queryKey: ['balance', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/balance', { params: { path: { id } } })),
  });
  const statements = useQuery({
    queryKey: ['statements', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/statements', { params: { path: { id } } })),
  });
  const payments = useQuery({
    queryKey: ['payments', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/payments', { params: { path: { id } } })),
  });
  const date = (d: string) => businessDate(d, i18n.language);

  type Statement = NonNullable<typeof statements.data>['items'][number];
  const statementColumns: Column<Statement>[] = [
    {
      id: 'number',
      header: t('number'),
      accessorKey: 'number',
      cell: (c) => <span className="doc-number">{c.row.original.number}</span>,
    },
    {
      id: 'period',
      header: t('period'),
      accessorFn: (s) => s.periodEnd,
      cell: (c) => `${date(c.row.original.periodStart)} – ${date(c.row.original.periodEnd)}`,
    },
    moneyColumn('opening', t('opening'), (s) => s.openingBalance),
    moneyColumn('sales', t('sales'), (s) => s.salesAmount + s.shrinkageAmount),
    moneyColumn('payments', t('payments'), (s) => s.paymentsAmount + s.subsidyNettedAmount),
    moneyColumn('closing', t('closingBalance'), (s) => s.closingBalance),
    dateColumn('due', t('dueDate'), (s) => s.dueDate, i18n.language),
    moneyColumn('outstanding', t('outstanding'), (s) => s.outstanding),
    {
      id: 'pdf',
      header: t('document'),
      enableSorting: false,
      cell: (c) => (
        <a
          href={statementPdfUrl(id, c.row.original.id)}
          target="_blank"
          rel="noreferrer"
          aria-label={t('pdfOf', {
            coop: coopName ?? '',
            period: date(c.row.original.periodEnd),
          })}
        >
          {t('pdf')}
        </a>
      ),
    },
  ];

  type Payment = NonNullable<typeof payments.data>['items'][number];
  const paymentColumns: Column<Payment>[] = [
    dateColumn('date', t('date'), (p) => p.receivedOn, i18n.language),
    {
      id: 'number',
      header: t('receiptNumber'),
      accessorKey: 'number',
      cell: (c) => <span className="doc-number">{c.row.original.number}</span>,
    },
    reversibleMoneyColumn<Payment>('amount', t('amount'), (p) => p.amount),
    {
      id: 'method',
      header: t('method'),
      accessorFn: (p) => (['cash', 'transfer', 'qris'].includes(p.method) ? t(p.method) : p.method),
    },
    { id: 'reference', header: t('reference'), accessorFn: (p) => p.reference || '—' },
    {
      id: 'billed',
      header: t('status'),
      accessorFn: (p) => (p.statementId ? t('onStatement') : t('notYetBilled')),
    },
    reversalColumn<Payment>(
      tc('column'),
      'payment',
      (p) => `${tc('doc.payment')} ${p.number} ${rupiah(p.amount)}`,
      () => mayReverse(me?.memberships ?? [], { docType: 'payment', cooperativeId: id }),
      reversal.open,
    ),
  ];

  return (
    <section>
      <h1>{t('statementsTitle')}</h1>
      {coopName && <p className="muted">{coopName}</p>}
      <QueryState query={balance}>
        {(b) => {
          const next = statements.data?.items
            .filter((s) => s.outstanding > 0)
            .sort((a, z) => a.dueDate.localeCompare(z.dueDate))[0];
          return (
            <>
              <div className="cards">
                <div className="card">
                  <span>{t('balanceDue')}</span>
                  <strong>{rupiah(b.balanceDue)}</strong>
                </div>
                <div className={`card${b.overdueAmount > 0 ? ' warn' : ''}`}>
                  <span>{t('overdue')}</span>
                  <strong>{rupiah(b.overdueAmount)}</strong>
                  {b.onHold && <span className="badge hold">{t('onHold')}</span>}
                </div>
                <div className="card">
                  <span>{t('nextDue')}</span>
                  <strong>{next ? date(next.dueDate) : t('nothingDue')}</strong>
                  {next && <small>{rupiah(next.outstanding)}</small>}
                </div>
              </div>
              <h2>{t('aging')}</h2>
              <AgingList aging={b.aging} />
            </>
          );
        }}
      </QueryState>
      {statements.data?.payTo && (
        <Part id="howToPay" title={t('howToPay')}>
          <HowToPay payTo={statements.data.payTo} />
        </Part>
      )}
      {canPay && (
        <Part id="pay" title={t('payTitle')}>
          <PaymentForm coopId={id} {...(coopName ? { coopName } : {})} />
        </Part>
      )}
      <Part id="statements" title={t('statementList')}>
        <QueryState query={statements}>
          {(s) => (
            <>
              <DataTable
                data={s.items}
                columns={statementColumns}
                empty={t('noStatements')}
                initialSort={[{ id: 'period', desc: true }]}
                pageSize={12}
              />
              <StatementAdjustments statements={s.items} />
            </>
          )}
        </QueryState>
      </Part>
      <Part id="payments" title={t('paymentHistory')}>
        {reversal.dialog}
        <QueryState query={payments}>
          {(p) => (
            <DataTable
              data={p.items}
              columns={paymentColumns}
              empty={t('noPayments')}
              initialSort={[{ id: 'date', desc: true }]}
              pageSize={10}
            />
          )}
        </QueryState>
      </Part>
    </section>
  );
}
