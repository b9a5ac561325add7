import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import './strings.ts';

/** The server's shortest reason (ReverseBody.reason). */
const MIN_REASON = 3;

/**
 * The end of a reversal or a void: "Alasan pembatalan" (required, asked before anything is sent),
 * the problem if it failed, and the confirming button.
 */
export function ReasonForm({
  onConfirm,
  error,
  pending,
  label,
  busyLabel,
  hint,
}: {
  onConfirm: (reason: string) => void;
  error: unknown;
  pending: boolean;
  label: string;
  busyLabel: string;
  hint?: string;
}) {
  const { t } = useTranslation('corrections');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (reason.trim().length < MIN_REASON) return setReasonError(t('reasonRequired'));
    setReasonError(undefined);
    onConfirm(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <ProblemScope error={error}>
        <Field label={t('reason')} error={reasonError} path="/reason" hint={hint}>
          <textarea
            rows={2}
            maxLength={500}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <ProblemAlert error={error} />
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? busyLabel : label}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
