import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Notice } from '../../ui/forms.tsx';
import { reasonIn } from '../network/import-reasons.ts';
import { ActivationCodes } from './ActivationCodes.tsx';
import { CsvImportForm } from './CsvImportForm.tsx';
import { postCsv } from './csv-upload.ts';
import type { ProgramCtx } from './data.ts';
import './strings.ts';

type RosterResult = {
  imported: number;
  updated: number;
  rejected: { row: number; nip: string; errors: string[] }[];
};

/** The roster tab: import the participants (ASN), download their activation codes per agency. */
export function Roster({ ctx }: { ctx: ProgramCtx }) {
  const { t, i18n } = useTranslation('sembako');
  const run = useMutation({
    mutationFn: async (csv: string) =>
      postCsv<RosterResult>(
        '/api/v1/programs/{programId}/participants/import',
        { programId: ctx.programId },
        csv,
      ),
  });
  type Rejected = RosterResult['rejected'][number];
  const columns: Column<Rejected>[] = [
    { id: 'row', header: t('row'), numeric: true, accessorFn: (r) => r.row },
    { id: 'nip', header: t('nip'), accessorFn: (r) => r.nip || '—' },
    {
      id: 'errors',
      header: t('reasons'),
      enableSorting: false,
      accessorFn: (r) => r.errors.map((x) => reasonIn(x, i18n.language)).join('; '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.errors.map((x) => (
            <li key={x}>{reasonIn(x, i18n.language)}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <CsvImportForm
        id="roster-title"
        title={t('rosterTitle')}
        hint={t('rosterHint')}
        submitLabel={t('importRoster')}
        run={run}
      />
      {run.data && (
        <>
          <Notice>
            {t('importResult', {
              imported: run.data.imported,
              updated: run.data.updated,
              rejected: run.data.rejected.length,
            })}
          </Notice>
          <h3>{t('rejectedRows')}</h3>
          <DataTable data={run.data.rejected} columns={columns} empty={t('noRejected')} />
        </>
      )}
      <h2>{t('codesTitle')}</h2>
      <p className="muted">{t('codesHint')}</p>
      <ActivationCodes programId={ctx.programId} />
    </>
  );
}
