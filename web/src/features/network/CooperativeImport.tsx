import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../../app/api-types.ts';
import { FileImportForm, RejectedRows } from '../../ui/FileImport.tsx';
import { Notice } from '../../ui/forms.tsx';
import { postSheet } from '../sembako/csv-upload.ts';
import { reasonIn } from './import-reasons.ts';
import './strings.ts';

type ImportResult =
  paths['/api/v1/cooperatives/import']['post']['responses'][200]['content']['application/json'];

/** The columns of a cooperatives file, as the sample CSV gives them. */
const TEMPLATE = 'nama;kode_desa;nama_pengurus;email_pengurus;telepon\n';

/**
 * The hub admin's cooperatives file (CSV or XLSX): sent as it is; the answer says how many came
 * in and lists each refused row with its reasons, in the reader's language.
 */
export function CooperativeImport() {
  const { t, i18n } = useTranslation('network', { keyPrefix: 'import' });
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: (f: File) => postSheet<ImportResult>('/api/v1/cooperatives/import', {}, f),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cooperatives'] }),
  });
  return (
    <>
      <FileImportForm
        titleId="coop-import-title"
        texts={{
          title: t('title'),
          hint: t('hint'),
          template: t('template'),
          file: t('file'),
          needFile: t('needFile'),
          submit: t('submit'),
          importing: t('importing'),
        }}
        template={TEMPLATE}
        templateName="koperasi.csv"
        run={run}
        onSubmit={(f) => run.mutate(f)}
        onPick={() => run.reset()}
      />
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
          <RejectedRows
            rows={run.data.rejected}
            texts={{ row: t('row'), reasons: t('reasons'), empty: t('noneRejected') }}
            reason={(x) => reasonIn(x, i18n.language)}
          />
          <p className="muted">{t('codesHint')}</p>
          <p>
            <Link to="/pengguna/kode-pengurus">{t('codes')}</Link>
          </p>
        </section>
      )}
    </>
  );
}
