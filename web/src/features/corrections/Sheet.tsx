import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './strings.ts';
import './corrections.css';

/**
 * A modal dialog (the native `<dialog>`: role dialog, focus kept inside, Escape closes), labelled by
 * its title; the whole screen on a phone, a centred panel on a desk.
 */
export function Sheet({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('corrections');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="sheet" aria-labelledby={titleId} onClose={onClose}>
      <div className="sheet-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="secondary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
