import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FileImportForm, RejectedRows } from '../../ui/FileImport.tsx';
import { Notice } from '../../ui/forms.tsx';
import { reasonIn } from '../network/import-reasons.ts';
import { importMembers } from './members-api.ts';
import './strings.ts';

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
  const run = useMutation({
    mutationFn: (f: File) => importMembers(cooperativeId, f),
    onSuccess: () => client.invalidateQueries({ queryKey: ['members', cooperativeId] }),
  });
  return (
    <section className="panel">
      <FileImportForm
        titleId="member-import-title"
        texts={{
          title: t('import.title'),
          hint: t('import.hint'),
          template: t('import.template'),
          file: t('import.file'),
          needFile: t('import.needFile'),
          submit: t('import.submit'),
          importing: t('import.importing'),
        }}
        template={TEMPLATE}
        templateName="anggota.csv"
        run={run}
        onSubmit={(f) => run.mutate(f)}
        onPick={() => run.reset()}
        close={{ label: t('close'), onClick: onClose }}
      />
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
          <RejectedRows
            rows={run.data.rejected}
            texts={{
              row: t('import.row'),
              reasons: t('import.reasons'),
              empty: t('import.noneRejected'),
            }}
            reason={(x) => reasonIn(x, i18n.language)}
            pageSize={50}
          />
        </>
      )}
    </section>
  );
}
