import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../../app/api-types.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, SubmitRow } from '../../ui/forms.tsx';
import { postSheet, XLSX_TYPE } from '../sembako/csv-upload.ts';
import { reasonIn } from './import-reasons.ts';
import './strings.ts';

type ImportResult =
  paths['/api/v1/cooperatives/import']['post']['responses'][200]['content']['application/json'];
type Rejected = ImportResult['rejected'][number];

/** The columns of a cooperatives file, as the sample CSV gives them. */
const TEMPLATE = 'nama;kode_desa;nama_pengurus;email_pengurus;telepon\n';

/**
 * The hub admin's cooperatives file (CSV or XLSX): sent as it is; the answer says how many came
 * in and lists each refused row with its reasons, in the reader's language.
 */
export function CooperativeImport() {
  const { t, i18n } = useTranslation('network', { keyPrefix: 'import' });
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: (f: File) => postSheet<ImportResult>('/api/v1/cooperatives/import', {}, f),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cooperatives'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (file) run.mutate(file);
  };
  const columns: Column<Rejected>[] = [
    { id: 'row', header: t('row'), numeric: true, accessorFn: (r) => r.row },
    {
      id: 'reasons',
      header: t('reasons'),
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
    <>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="coop-import-title">
        <h2 id="coop-import-title">{t('title')}</h2>
        <p className="muted">{t('hint')}</p>
        <p>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
            download="koperasi.csv"
          >
            {t('template')}
          </a>
        </p>
        <Field label={t('file')} error={missing ? t('needFile') : undefined}>
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
          label={t('submit')}
          busyLabel={t('importing')}
        />
      </form>
      {run.data && (
        <section aria-labelledby="coop-import-result">
          <Notice>
            {t('result', {
              imported: run.data.imported,
              updated: run.data.updated,
              rejected: run.data.rejected.length,
            })}
          </Notice>
          <h3 id="coop-import-result">{t('rejectedTitle')}</h3>
          <DataTable data={run.data.rejected} columns={columns} empty={t('noneRejected')} />
          <p className="muted">{t('codesHint')}</p>
          <p>
            <Link to="/pengguna/kode-pengurus">{t('codes')}</Link>
          </p>
        </section>
      )}
    </>
  );
}
