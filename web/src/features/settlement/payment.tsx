import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { registerTranslations } from '../../app/i18n.ts';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { businessDate, parseRupiah, rupiah, todayWib } from '../../ui/format.ts';

registerTranslations('settlement', {
  id: {
    settlementTitle: 'Penagihan',
    statementsTitle: 'Tagihan & pembayaran',
    closeTitle: 'Tutup periode',
    periodEnd: 'Akhir periode',
    periodEndHint: 'Hari terakhir periode (akhir bulan, atau Minggu untuk periode mingguan).',
    allCooperatives: 'Semua koperasi',
    closeButton: 'Tutup periode',
    closing: 'Menutup…',
    closeOnlyAdmin: 'Hanya admin hub yang dapat menutup periode.',
    closedResult:
      '{{count}} tagihan untuk periode s.d. {{date}}, total saldo akhir {{total}}: {{fresh}} baru diterbitkan, {{again}} sudah ada sebelumnya.',
    idempotentNote:
      'Menutup periode yang sama lagi tidak membuat tagihan baru: tagihan yang sudah terbit ditampilkan lagi tanpa perubahan.',
    noneToClose: 'Tidak ada koperasi yang periodenya berakhir pada {{date}}.',
    payTitle: 'Catat pembayaran',
    amountRp: 'Jumlah (Rp)',
    paidOn: 'Tanggal bayar',
    method: 'Metode',
    reference: 'Referensi',
    referenceHint: 'Nomor bukti transfer atau kuitansi.',
    cash: 'Tunai',
    transfer: 'Transfer bank',
    qris: 'QRIS',
    payButton: 'Catat pembayaran',
    paying: 'Menyimpan…',
    chooseCooperative: 'Pilih koperasi',
    invalidAmount: 'Isi jumlah rupiah bulat lebih dari 0, mis. 1.500.000',
    futureDate: 'Tanggal tidak boleh di masa depan',
    paidResult: 'Pembayaran {{amount}} dari {{coop}} tercatat.',
    balanceChange: 'Tagihan: {{before}} → {{after}}.',
    allocatedTo: 'Dialokasikan ke tagihan periode s.d. {{period}}: {{amount}}',
    unallocated: 'Belum ada tagihan terbuka: {{amount}} mengurangi saldo yang akan ditagihkan.',
    agingTitle: 'Umur piutang jaringan',
    agingTotals: 'Total jaringan',
    notDue: 'Belum jatuh tempo',
    d1to30: '1–30 hari',
    d31to60: '31–60 hari',
    d61to90: '61–90 hari',
    d90plus: '>90 hari',
    balanceDue: 'Tagihan',
    networkStatements: 'Tagihan seluruh jaringan',
    filterCooperative: 'Cari koperasi',
    status: 'Status',
    statusAll: 'Semua',
    statusOpen: 'Belum lunas',
    statusOverdue: 'Lewat jatuh tempo',
    statusPaid: 'Lunas',
    periodFilter: 'Periode',
    allPeriods: 'Semua periode',
    cooperative: 'Koperasi',
    period: 'Periode',
    opening: 'Saldo awal',
    sales: 'Penjualan',
    shrinkage: 'Susut',
    payments: 'Pembayaran',
    netted: 'Subsidi dinetting',
    closingBalance: 'Saldo akhir',
    dueDate: 'Jatuh tempo',
    outstanding: 'Sisa',
    daysPastDue: 'Hari lewat jatuh tempo',
    document: 'Dokumen',
    pdf: 'PDF',
    pdfOf: 'PDF tagihan {{coop}} periode s.d. {{period}}',
    noStatements: 'Belum ada tagihan.',
    noMatch: 'Tidak ada tagihan yang cocok.',
    overdue: 'Lewat jatuh tempo',
    nextDue: 'Jatuh tempo berikutnya',
    nothingDue: 'Tidak ada',
    aging: 'Umur tagihan',
    paymentHistory: 'Riwayat pembayaran',
    noPayments: 'Belum ada pembayaran.',
    onStatement: 'Masuk tagihan',
    notYetBilled: 'Belum masuk tagihan',
    amount: 'Jumlah',
    date: 'Tanggal',
    onHold: 'Pengiriman ditahan',
    issued: 'Diterbitkan pada penutupan ini',
    idempotentShort: 'Sudah terbit sebelumnya',
    statementList: 'Tagihan per periode',
    cooperativeOptional: 'Koperasi (kosong = semua)',
  },
  en: {
    settlementTitle: 'Settlement',
    statementsTitle: 'Statements & payments',
    closeTitle: 'Close a period',
    periodEnd: 'Period end',
    periodEndHint: 'Last day of the period (month end, or Sunday for weekly periods).',
    allCooperatives: 'All cooperatives',
    closeButton: 'Close period',
    closing: 'Closing…',
    closeOnlyAdmin: 'Only a hub admin can close a period.',
    closedResult:
      '{{count}} statements for the period ending {{date}}, closing balances {{total}} in total: {{fresh}} newly issued, {{again}} already issued before.',
    idempotentNote:
      'Closing the same period again issues nothing new: the statements already issued are shown again unchanged.',
    noneToClose: 'No cooperative has a period ending on {{date}}.',
    payTitle: 'Record a payment',
    amountRp: 'Amount (Rp)',
    paidOn: 'Date paid',
    method: 'Method',
    reference: 'Reference',
    referenceHint: 'Transfer slip or receipt number.',
    cash: 'Cash',
    transfer: 'Bank transfer',
    qris: 'QRIS',
    payButton: 'Record payment',
    paying: 'Saving…',
    chooseCooperative: 'Choose a cooperative',
    invalidAmount: 'Enter whole rupiah above 0, e.g. 1.500.000',
    futureDate: 'The date cannot be in the future',
    paidResult: 'Payment of {{amount}} from {{coop}} recorded.',
    balanceChange: 'Balance due: {{before}} → {{after}}.',
    allocatedTo: 'Allocated to the statement ending {{period}}: {{amount}}',
    unallocated: 'No open statement: {{amount}} reduces the balance not yet billed.',
    agingTitle: 'Network aging',
    agingTotals: 'Network total',
    notDue: 'Not yet due',
    d1to30: '1–30 days',
    d31to60: '31–60 days',
    d61to90: '61–90 days',
    d90plus: '>90 days',
    balanceDue: 'Balance due',
    networkStatements: 'Statements across the network',
    filterCooperative: 'Search cooperative',
    status: 'Status',
    statusAll: 'All',
    statusOpen: 'Unpaid',
    statusOverdue: 'Overdue',
    statusPaid: 'Paid',
    periodFilter: 'Period',
    allPeriods: 'All periods',
    cooperative: 'Cooperative',
    period: 'Period',
    opening: 'Opening balance',
    sales: 'Sales',
    shrinkage: 'Shrinkage',
    payments: 'Payments',
    netted: 'Subsidy netted',
    closingBalance: 'Closing balance',
    dueDate: 'Due date',
    outstanding: 'Outstanding',
    daysPastDue: 'Days past due',
    document: 'Document',
    pdf: 'PDF',
    pdfOf: 'PDF statement {{coop}} period ending {{period}}',
    noStatements: 'No statements yet.',
    noMatch: 'No statement matches.',
    overdue: 'Overdue',
    nextDue: 'Next due date',
    nothingDue: 'None',
    aging: 'Aging',
    paymentHistory: 'Payment history',
    noPayments: 'No payments yet.',
    onStatement: 'On a statement',
    notYetBilled: 'Not yet billed',
    amount: 'Amount',
    date: 'Date',
    onHold: 'Shipping on hold',
    issued: 'Issued by this close',
    idempotentShort: 'Issued before',
    statementList: 'Statements by period',
    cooperativeOptional: 'Cooperative (empty = all)',
  },
});

export type AgingBuckets = {
  current: number;
  d1to30: number;
  d31to60: number;
  d61to90: number;
  d90plus: number;
};

export const BUCKETS: { key: keyof AgingBuckets; label: string }[] = [
  { key: 'current', label: 'notDue' },
  { key: 'd1to30', label: 'd1to30' },
  { key: 'd31to60', label: 'd31to60' },
  { key: 'd61to90', label: 'd61to90' },
  { key: 'd90plus', label: 'd90plus' },
];

/** The five aging buckets as labelled values. */
export function AgingList({ aging }: { aging: AgingBuckets }) {
  const { t } = useTranslation('settlement');
  return (
    <dl className="aging">
      {BUCKETS.map((b) => (
        <div key={b.key}>
          <dt>{t(b.label)}</dt>
          <dd>{rupiah(aging[b.key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The URL of a statement's PDF (served by the API, opened in a new tab). */
export function statementPdfUrl(coopId: string, statementId: string) {
  return `/api/v1/cooperatives/${encodeURIComponent(coopId)}/statements/${encodeURIComponent(statementId)}/pdf`;
}

type Method = 'cash' | 'transfer' | 'qris';

export interface PaymentOutcome {
  amount: number;
  coopName: string;
  balanceBefore: number;
  balanceAfter: number;
  allocations: { period: string; amount: number }[];
}

async function positionOf(coopId: string) {
  const [balance, statements] = await Promise.all([
    api.GET('/api/v1/cooperatives/{id}/balance', { params: { path: { id: coopId } } }).then(unwrap),
    api
      .GET('/api/v1/cooperatives/{id}/statements', { params: { path: { id: coopId } } })
      .then(unwrap),
  ]);
  return { balance, statements: statements.items };
}

/**
 * Records a cooperative's payment (client id UUIDv7, so a retry never pays twice) and tells what it
 * did: the balance before and after, and which statements it went to (oldest first).
 */
export function PaymentForm({
  coopId,
  cooperatives,
  coopName,
}: {
  /** A fixed cooperative, or none to choose one from `cooperatives`. */
  coopId?: string;
  cooperatives?: { id: string; name: string }[];
  coopName?: string;
}) {
  const { t, i18n } = useTranslation('settlement');
  const client = useQueryClient();
  const [chosen, setChosen] = useState('');
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayWib());
  const [method, setMethod] = useState<Method>('transfer');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One client id per intended payment: a retry after a lost answer replays instead of paying twice.
  const [clientId, setClientId] = useState(() => uuidv7());
  const target = coopId ?? chosen;
  /** A changed payment is another payment: it gets its own client id. */
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setClientId(uuidv7());
    };

  const mutation = useMutation({
    mutationFn: async (input: { coopId: string; amount: number }): Promise<PaymentOutcome> => {
      const before = await positionOf(input.coopId);
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/payments', {
          params: { path: { id: input.coopId } },
          body: {
            id: clientId,
            amount: input.amount,
            receivedOn,
            method,
            reference: reference.trim(),
          },
        }),
      );
      const after = await positionOf(input.coopId);
      const allocations = after.statements
        .map((s) => {
          const was = before.statements.find((b) => b.id === s.id);
          return { period: s.periodEnd, amount: (was?.outstanding ?? 0) - s.outstanding };
        })
        .filter((a) => a.amount > 0)
        .sort((a, b) => a.period.localeCompare(b.period));
      return {
        amount: input.amount,
        coopName:
          coopName ?? cooperatives?.find((c) => c.id === input.coopId)?.name ?? input.coopId,
        balanceBefore: before.balance.balanceDue,
        balanceAfter: after.balance.balanceDue,
        allocations,
      };
    },
    onSuccess: async () => {
      setClientId(uuidv7());
      setAmount('');
      setReference('');
      await client.invalidateQueries();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    const value = parseRupiah(amount);
    if (!target) next.coop = t('chooseCooperative');
    if (value === undefined || value <= 0) next.amount = t('invalidAmount');
    if (!receivedOn) next.receivedOn = t('required', { ns: 'translation' });
    else if (receivedOn > todayWib()) next.receivedOn = t('futureDate');
    setErrors(next);
    if (Object.keys(next).length > 0 || value === undefined) return;
    mutation.mutate({ coopId: target, amount: value });
  }

  const r = mutation.data;
  const allocated = r ? r.allocations.reduce((x, a) => x + a.amount, 0) : 0;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {!coopId && (
        <Field label={t('cooperative')} error={errors.coop}>
          <select value={chosen} onChange={(e) => edit(setChosen)(e.target.value)}>
            <option value="">{t('chooseCooperative')}</option>
            {(cooperatives ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="form-row">
        <Field label={t('amountRp')} error={errors.amount}>
          <input
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onChange={(e) => edit(setAmount)(e.target.value)}
          />
        </Field>
        <Field label={t('paidOn')} error={errors.receivedOn}>
          <input
            type="date"
            max={todayWib()}
            value={receivedOn}
            onChange={(e) => edit(setReceivedOn)(e.target.value)}
          />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('method')}>
          <select value={method} onChange={(e) => edit(setMethod)(e.target.value as Method)}>
            <option value="transfer">{t('transfer')}</option>
            <option value="cash">{t('cash')}</option>
            <option value="qris">{t('qris')}</option>
          </select>
        </Field>
        <Field label={t('reference')} hint={t('referenceHint')}>
          <input
            maxLength={200}
            value={reference}
            onChange={(e) => edit(setReference)(e.target.value)}
          />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('paying') : t('payButton')}
        </button>
      </div>
      <ProblemAlert error={mutation.error} />
      {r && (
        <Notice>
          {t('paidResult', { amount: rupiah(r.amount), coop: r.coopName })}{' '}
          {t('balanceChange', { before: rupiah(r.balanceBefore), after: rupiah(r.balanceAfter) })}
          {r.allocations.map((a) => (
            <span key={a.period} style={{ display: 'block' }}>
              {t('allocatedTo', {
                period: businessDate(a.period, i18n.language),
                amount: rupiah(a.amount),
              })}
            </span>
          ))}
          {r.amount > allocated && (
            <span style={{ display: 'block' }}>
              {t('unallocated', { amount: rupiah(r.amount - allocated) })}
            </span>
          )}
        </Notice>
      )}
    </form>
  );
}

/** A titled part of a screen, a landmark named by its heading (tests and screen readers find it by name). */
export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-${id}`} className="part">
      <h2 id={`${uid}-${id}`}>{title}</h2>
      {children}
    </section>
  );
}
