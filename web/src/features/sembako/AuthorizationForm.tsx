import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { todayWib } from '../../ui/format.ts';
import './participants.strings.ts';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
} as const;
type ScanType = (typeof TYPES)[keyof typeof TYPES];

/** The file's type as the server takes it, from its MIME type or its extension (the server checks its bytes). */
function scanTypeOf(file: File): ScanType | undefined {
  const byMime = Object.values(TYPES).find((t) => t === file.type);
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return byMime ?? (ext in TYPES ? TYPES[ext as keyof typeof TYPES] : undefined);
}

/** The file's bytes as base64 (in chunks: a 2 MB scan is too long for one `String.fromCharCode` call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * The program admin records one participant's signed surat kuasa potong gaji: its number, the
 * date it was signed and the scan or photo (checked here for type and size; the server checks
 * its bytes).
 */
export function AuthorizationForm({
  programId,
  participant,
  onSaved,
  onClose,
}: {
  programId: string;
  participant: { nip: string; name: string };
  onSaved: (ref: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('sembako');
  const titleId = useId();
  const [ref, setRef] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<{ ref?: string; date?: string; file?: string }>({});
  const save = useMutation({
    mutationFn: async (v: { ref: string; date: string; file: File; type: ScanType }) =>
      unwrap(
        await api.PUT('/api/v1/programs/{programId}/participants/{nip}/payroll-authorization', {
          params: { path: { programId, nip: participant.nip } },
          body: {
            ref: v.ref,
            signedOn: v.date,
            scan: { contentType: v.type, base64: await base64Of(v.file) },
          },
        }),
      ),
    onSuccess: (r) => onSaved(r.ref),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const type = file && scanTypeOf(file);
    const next = {
      ref: ref.trim() ? undefined : t('needAuthRef'),
      date: date ? undefined : t('needAuthDate'),
      file: !file
        ? t('needAuthFile')
        : !type
          ? t('wrongAuthFile')
          : file.size > MAX_BYTES
            ? t('authFileTooLarge')
            : undefined,
    };
    setErrors(next);
    if (next.ref || next.date || next.file || !file || !type) return;
    save.mutate({ ref: ref.trim(), date, file, type });
  }

  return (
    <form className="form auth-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <ProblemScope error={save.error}>
        <h3 id={titleId}>{t('suratKuasaTitle', { name: participant.name })}</h3>
        <p className="muted">{t('suratKuasaFormHint')}</p>
        <div className="form-row">
          <Field label={t('authRef')} error={errors.ref} path="/ref">
            <input value={ref} maxLength={100} onChange={(e) => setRef(e.target.value)} />
          </Field>
          <Field label={t('authDate')} error={errors.date} path="/signedOn">
            <input
              type="date"
              value={date}
              max={todayWib()}
              onChange={(e) => setDate(e.target.value)}
            />
          </Field>
        </div>
        <Field
          label={t('authFile')}
          error={errors.file}
          hint={file?.name}
          path={['/scan', '/scan/*']}
        >
          <input
            type="file"
            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </Field>
        <ProblemAlert error={save.error} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('saveSuratKuasa')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
