import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, ProblemAlert } from '../../ui/forms.tsx';
import { csvFrom } from './csv-upload.ts';
import './strings.ts';

/**
 * A CSV import: a file or pasted text, refused in words when empty, sent with `run`; the
 * server's problem shown. Used for the roster and the payroll office's results.
 */
export function CsvImportForm({
  id,
  title,
  hint,
  submitLabel,
  run,
}: {
  id: string;
  title: string;
  hint: string;
  submitLabel: string;
  run: { mutate: (csv: string) => void; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation('sembako');
  const [file, setFile] = useState<File>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const csv = await csvFrom(file, text);
    if (!csv.trim()) return setError(t('needCsv'));
    setError(undefined);
    run.mutate(csv);
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{hint}</p>
      <Field label={t('csvFile')} hint={file?.name}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </Field>
      <Field label={t('csvText')}>
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {error && (
        <p role="alert" className="state error">
          {error}
        </p>
      )}
      <ProblemAlert error={run.error} />
      <div className="actions">
        <button type="submit" disabled={run.isPending}>
          {run.isPending ? t('importing') : submitLabel}
        </button>
      </div>
    </form>
  );
}
