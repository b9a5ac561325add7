import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../../ui/DataTable.tsx';
import { Field, Notice } from '../../../ui/forms.tsx';
import { rupiah } from '../../../ui/format.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import '../../delivery/hub.css';
import {
  BUCKETS,
  usePayablesAging,
  useSupplierInvoices,
  type InvoiceStatus,
  type PayablesAging,
  type SupplierInvoice,
} from './payables-api.ts';
import { SupplierPaymentForm, SupplierTermsForm } from './SupplierForms.tsx';
import './strings.ts';

type AgingRow = PayablesAging['suppliers'][number];

/**
 * What the hub owes its suppliers: the aging per supplier with its terms, the invoices (one per goods
 * receipt) by status, and the forms to record a payment and (hub admins) change a supplier's terms.
 */
export function PayablesPage() {
  const { t, i18n } = useTranslation('payables');
  const { me } = useSession();
  const hubAdmin = me?.memberships.some((m) => m.role === 'hub_admin') ?? false;
  const [status, setStatus] = useState<InvoiceStatus>('open');
  const [form, setForm] = useState<'pay' | 'terms' | null>(null);
  const [notice, setNotice] = useState('');
  const aging = usePayablesAging();
  const invoices = useSupplierInvoices(status);
  const lang = i18n.language;

  const agingColumns: Column<AgingRow>[] = [
    { id: 'name', header: t('supplier'), accessorKey: 'name' },
    { id: 'termsDays', header: t('terms'), accessorKey: 'termsDays', numeric: true },
    moneyColumn('outstanding', t('outstanding'), (r) => r.outstanding),
    ...BUCKETS.map((b) =>
      moneyColumn<AgingRow>(b, t(b), (r) => r.aging[b], {
        zero: '—',
        warn: (r) => b !== 'current' && r.aging[b] > 0,
      }),
    ),
  ];
  const invoiceColumns: Column<SupplierInvoice>[] = [
    { id: 'number', header: t('number'), accessorKey: 'number' },
    { id: 'supplierName', header: t('supplier'), accessorKey: 'supplierName' },
    dateColumn('invoiceDate', t('invoiceDate'), (i) => i.invoiceDate, lang),
    dateColumn('dueDate', t('dueDate'), (i) => i.dueDate, lang),
    moneyColumn('amount', t('amount'), (i) => i.amount),
    moneyColumn('paidAmount', t('paid'), (i) => i.paidAmount, { zero: '—' }),
    moneyColumn('outstanding', t('outstanding'), (i) => i.outstanding, {
      zero: '—',
      warn: (i) => i.daysPastDue > 0,
    }),
    { id: 'daysPastDue', header: t('daysPastDue'), accessorKey: 'daysPastDue', numeric: true },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => (setNotice(''), setForm('pay'))}>
            {t('pay')}
          </button>
          {hubAdmin && (
            <button
              type="button"
              className="secondary"
              onClick={() => (setNotice(''), setForm('terms'))}
            >
              {t('editTerms')}
            </button>
          )}
        </div>
      </div>
      <p className="muted">{t('intro')}</p>
      {notice && <Notice>{notice}</Notice>}
      {form === 'pay' && (
        <SupplierPaymentForm
          onDone={(text) => (setForm(null), setNotice(text))}
          onClose={() => setForm(null)}
        />
      )}
      {form === 'terms' && (
        <SupplierTermsForm
          onDone={(text) => (setForm(null), setNotice(text))}
          onClose={() => setForm(null)}
        />
      )}
      <h2>{t('agingTitle')}</h2>
      <QueryState query={aging}>
        {(a) => (
          <>
            <p>
              <strong>
                {t('total')}: {rupiah(a.total)}
              </strong>{' '}
              ({BUCKETS.map((b) => `${t(b)} ${rupiah(a.aging[b])}`).join(' · ')})
            </p>
            <DataTable
              data={a.suppliers.filter((s) => s.outstanding !== 0)}
              columns={agingColumns}
              empty={t('emptyAging')}
            />
          </>
        )}
      </QueryState>
      <h2>{t('invoicesTitle')}</h2>
      <Field label={t('status')}>
        <select value={status} onChange={(e) => setStatus(e.target.value as InvoiceStatus)}>
          {(['open', 'paid', 'cancelled'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`s_${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <QueryState query={invoices}>
        {(items) => (
          <DataTable
            data={items}
            columns={invoiceColumns}
            empty={t('empty')}
            filterLabel={t('filter')}
          />
        )}
      </QueryState>
    </section>
  );
}
