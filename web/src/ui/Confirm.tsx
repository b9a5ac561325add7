import { useTranslation } from 'react-i18next';

/**
 * The question before an action that cannot be taken back: what it will do,
 * in words, with "yes" and "cancel". A group named after the action.
 */
export function ConfirmBox({
  label,
  message,
  yes,
  busy,
  busyLabel,
  onYes,
  onNo,
  no,
}: {
  label: string;
  message: string;
  yes: string;
  busy: boolean;
  busyLabel: string;
  onYes: () => void;
  onNo: () => void;
  /** The "no" button's words (default "Batal"). */
  no?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{message}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={onYes}>
          {busy ? busyLabel : yes}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onNo}>
          {no ?? t('cancel')}
        </button>
      </div>
    </div>
  );
}
