import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, SubmitRow } from '../../ui/forms.tsx';
import { XLSX_TYPE } from '../sembako/csv-upload.ts';
import { importMembers, type ImportResult } from './members-api.ts';
import { reasonIn } from './member-format.ts';
import './strings.ts';

type Rejected = ImportResult['rejected'][number];

/** The columns of a members file, as the sample CSV gives them. */
const TEMPLATE = 'nik;nama;tanggal_masuk;telepon;alamat\n';

/**
 * The manager's members file (CSV or XLSX) sent as it is; the answer says how many came in or were
 * updated and lists each refused row with its reasons, in the reader's language.
 */
export function MemberImport({
  cooperativeId,
  onClose,
}: {
  cooperativeId: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('members');
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: (f: File) => importMembers(cooperativeId, f),
    onSuccess: () => client.invalidateQueries({ queryKey: ['members', cooperativeId] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (file) run.mutate(file);
  };
  const columns: Column<Rejected>[] = [
    { id: 'row', header: t('import.row'), numeric: true, accessorFn: (r) => r.row },
    {
      id: 'reasons',
      header: t('import.reasons'),
      enableSorting: false,
      accessorFn: (r) => r.errors.map((x) => reasonIn(x, i18n.language)).join('; '),
      cell: (c) => (
        <ul className="reason-list">
          {c.row.original.errors.map((x) => (
            <li key={x} className="wrap">
              {reasonIn(x, i18n.language)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <section className="panel" aria-labelledby="member-import-title">
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="member-import-title">{t('import.title')}</h2>
        <p className="muted">{t('import.hint')}</p>
        <p>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
            download="anggota.csv"
          >
            {t('import.template')}
          </a>
        </p>
        <Field label={t('import.file')} error={missing ? t('import.needFile') : undefined}>
          <input
            type="file"
            accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setMissing(false);
              run.reset();
            }}
          />
        </Field>
        <SubmitRow
          error={run.error}
          pending={run.isPending}
          label={t('import.submit')}
          busyLabel={t('import.importing')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </form>
      {run.data && (
        <>
          <Notice>
            {t('import.result', {
              imported: run.data.imported,
              updated: run.data.updated,
              rejected: run.data.rejected.length,
            })}
          </Notice>
          <h3>{t('import.rejectedTitle')}</h3>
          <DataTable
            data={run.data.rejected}
            columns={columns}
            empty={t('import.noneRejected')}
            pageSize={50}
          />
        </>
      )}
    </section>
  );
}
