import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice } from '../../ui/forms.tsx';
import { monthName } from '../../ui/format.ts';
import { CsvImportForm } from './CsvImportForm.tsx';
import { FailedDeductionSetting } from './FailedDeductionSetting.tsx';
import { postCsv } from './csv-upload.ts';
import type { ProgramCtx } from './data.ts';
import { NeedPeriod } from './NeedPeriod.tsx';
import { reasonIn } from '../network/import-reasons.ts';
import './strings.ts';

/** The payroll tab: the deduction file for the payroll office, and the results it sends back. */
export function Payroll({ ctx }: { ctx: ProgramCtx }) {
  return <NeedPeriod ctx={ctx}>{(month) => <PayrollOf ctx={ctx} month={month} />}</NeedPeriod>;
}

type Results = {
  recorded: number;
  rejected: number;
  results: { row: number; nip: string; status: string; errors?: string[] }[];
};

function PayrollOf({ ctx, month }: { ctx: ProgramCtx; month: string }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const [opd, setOpd] = useState('');
  const base = `/api/v1/programs/${ctx.programId}/periods/${month}/payroll-deductions`;
  const q = (format: string) =>
    `${base}?format=${format}${opd.trim() ? `&opd=${encodeURIComponent(opd.trim())}` : ''}`;
  const run = useMutation({
    mutationFn: async (csv: string) =>
      postCsv<Results>(
        '/api/v1/programs/{programId}/periods/{month}/payroll-results',
        { programId: ctx.programId, month },
        csv,
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'recon'] }),
  });
  type R = Results['results'][number];
  const columns: Column<R>[] = [
    { id: 'row', header: t('row'), numeric: true, accessorFn: (r) => r.row },
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip || '—' },
    {
      id: 'status',
      header: t('result'),
      accessorFn: (r) =>
        ['berhasil', 'gagal', 'unchanged', 'rejected'].includes(r.status) ? t(r.status) : r.status,
    },
    {
      id: 'errors',
      header: t('reasons'),
      enableSorting: false,
      accessorFn: (r) => (r.errors ?? []).map((x) => reasonIn(x, i18n.language)).join('; ') || '—',
    },
  ];
  return (
    <>
      <h2>
        {t('exportTitle')} — {monthName(month, i18n.language)}
      </h2>
      <p className="muted">{t('exportHint')}</p>
      <div className="form">
        <Field label={t('opd')} hint={t('opdAll')}>
          <input value={opd} onChange={(e) => setOpd(e.target.value)} />
        </Field>
        <p className="downloads">
          <a href={q('csv')} download>
            {t('downloadCsv')}
          </a>
          <a href={q('xlsx')} download>
            {t('downloadXlsx')}
          </a>
        </p>
      </div>
      <FailedDeductionSetting programId={ctx.programId} />
      <CsvImportForm
        id="results-title"
        title={t('resultsTitle')}
        hint={t('resultsHint')}
        submitLabel={t('importResults')}
        run={run}
      />
      {run.data && (
        <>
          <Notice>
            {t('resultsSummary', { recorded: run.data.recorded, rejected: run.data.rejected })}
          </Notice>
          <DataTable data={run.data.results} columns={columns} empty={t('noRejected')} />
        </>
      )}
    </>
  );
}
