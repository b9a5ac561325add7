import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../../ui/DataTable.tsx';
import { Field, Notice, ProblemScope, SubmitRow } from '../../../ui/forms.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import {
  BANK_FORMATS,
  DEMO_FILE_URL,
  importBankFile,
  useBankLines,
  useDemoFile,
  type BankFormat,
  type BankLine,
} from './bank-api.ts';
import { DismissForm, MatchForm, SupplierPaymentForm, type Done } from './BankLineForms.tsx';
import '../../delivery/hub.css';
import './strings.ts';

type Mode = 'match' | 'dismiss' | 'pay';
const FORMS = { match: MatchForm, dismiss: DismissForm, pay: SupplierPaymentForm };

/**
 * The hub's Bank screen: import the bank's statement file; the lines no
 * reference matched, each to match to a cooperative, record as a supplier
 * payment (debits) or set aside; the lines that became payments.
 */
export function BankPage() {
  const { t, i18n } = useTranslation('bank');
  const lang = i18n.language;
  const unmatched = useBankLines('unmatched');
  const matched = useBankLines('matched');
  const demo = useDemoFile();
  const [acting, setActing] = useState<{ line: BankLine; mode: Mode }>();
  const ActionForm = FORMS[acting?.mode ?? 'dismiss'];
  const [done, setDone] = useState<Done>();

  const base: Column<BankLine>[] = [
    dateColumn('date', t('date'), (l) => l.date, lang),
    moneyColumn('amount', t('amount'), (l) => (l.direction === 'debit' ? -l.amount : l.amount)),
    {
      id: 'remark',
      header: t('remark'),
      accessorKey: 'remark',
      cell: ({ row }) => <span className="wrap">{row.original.remark}</span>,
    },
  ];
  const act = (line: BankLine, mode: Mode) => {
    setDone(undefined);
    setActing({ line, mode });
  };
  const queueColumns: Column<BankLine>[] = [
    ...base,
    {
      id: 'actions',
      header: t('actions'),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="actions">
          {/* Payments are whole rupiah: a credit with sen (bank interest) is never one. */}
          {row.original.direction === 'credit' && Number.isInteger(row.original.amount) && (
            <button type="button" onClick={() => act(row.original, 'match')}>
              {t('match')}
            </button>
          )}
          {/* A debit is the hub's money out: a payment to a supplier (whole rupiah too). */}
          {row.original.direction === 'debit' && Number.isInteger(row.original.amount) && (
            <button type="button" onClick={() => act(row.original, 'pay')}>
              {t('paySupplier')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => act(row.original, 'dismiss')}>
            {t('dismiss')}
          </button>
        </div>
      ),
    },
  ];
  const matchedColumns: Column<BankLine>[] = [
    ...base,
    {
      id: 'matchedTo',
      header: t('matchedTo'),
      accessorFn: (l) =>
        l.cooperativeName ??
        (l.supplierName ? t('supplierPayment', { supplier: l.supplierName }) : ''),
      cell: ({ row }) =>
        row.original.cooperativeId ? (
          <Link to={`/koperasi/${row.original.cooperativeId}`}>{row.original.cooperativeName}</Link>
        ) : row.original.supplierName ? (
          <Link to="/utang-usaha">
            {t('supplierPayment', { supplier: row.original.supplierName })}
          </Link>
        ) : null,
    },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {demo.data && (
          <a href={DEMO_FILE_URL} download>
            {t('demoFile')}
          </a>
        )}
      </div>
      <p className="muted">{t('intro')}</p>
      <ImportForm />
      {done && (
        <Notice>
          {done.text}{' '}
          {done.coop && (
            <Link to={`/koperasi/${done.coop.id}`}>{t('seeCoop', { coop: done.coop.name })}</Link>
          )}
        </Notice>
      )}
      {acting && (
        <ActionForm
          key={`${acting.mode}-${acting.line.id}`}
          line={acting.line}
          onDone={(d) => {
            setActing(undefined);
            setDone(d);
          }}
          onClose={() => setActing(undefined)}
        />
      )}
      <LineList
        title={t('queueTitle')}
        query={unmatched}
        columns={queueColumns}
        empty={t('queueEmpty')}
      />
      <LineList
        title={t('matchedTitle')}
        query={matched}
        columns={matchedColumns}
        empty={t('matchedEmpty')}
      />
    </section>
  );
}

/** Upload: the file, its format (detected when not chosen) and, when the file does not name it, the account. */
function ImportForm() {
  const { t } = useTranslation('bank');
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState<BankFormat | ''>('');
  const [accountNo, setAccountNo] = useState('');
  const [error, setError] = useState('');
  const send = useMutation({
    mutationFn: (f: File) =>
      importBankFile(f, {
        ...(format ? { format } : {}),
        ...(accountNo.trim() ? { accountNo: accountNo.trim() } : {}),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['bank-lines'] });
      await client.invalidateQueries({ queryKey: ['cooperatives'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(file ? '' : t('chooseFile'));
    if (file) send.mutate(file);
  };
  const r = send.data;
  const titleId = useId();
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      {/* The server names the file `/file` and the query's format and account by their names. */}
      <ProblemScope error={send.error}>
        <h2 id={titleId}>{t('importTitle')}</h2>
        <Field label={t('file')} error={error || undefined} hint={t('fileHint')} path="/file">
          <input
            type="file"
            accept=".txt,.sta,.mt940,.940,.csv,.json,text/plain,text/csv,application/json"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              send.reset();
            }}
          />
        </Field>
        <div className="form-row">
          <Field label={t('format')} path="/format">
            <select value={format} onChange={(e) => setFormat(e.target.value as BankFormat | '')}>
              <option value="">{t('formatAuto')}</option>
              {BANK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`format_${f}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('accountNo')} hint={t('accountHint')} path="/accountNo">
            <input
              inputMode="numeric"
              value={accountNo}
              maxLength={40}
              onChange={(e) => setAccountNo(e.target.value)}
            />
          </Field>
        </div>
        <SubmitRow
          error={send.error}
          notice={r ? t('result', r) : undefined}
          pending={send.isPending}
          label={t('submit')}
          busyLabel={t('importing')}
        />
      </ProblemScope>
    </form>
  );
}

/** A list of bank lines under its heading, as a region named by it. */
function LineList({
  title,
  query,
  columns,
  empty,
}: {
  title: string;
  query: ReturnType<typeof useBankLines>;
  columns: Column<BankLine>[];
  empty: string;
}) {
  const { t } = useTranslation('bank');
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <QueryState query={query}>
        {(items) => (
          <DataTable data={items} columns={columns} empty={empty} filterLabel={t('filter')} />
        )}
      </QueryState>
    </section>
  );
}
