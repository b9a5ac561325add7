import { useMemo, useState, type KeyboardEvent } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import { Field } from '../../ui/forms.tsx';
import { CardScanner } from './CardScanner.tsx';
import {
  matchMembers,
  memberForEnter,
  type ChosenMember,
  type DirectoryMember,
} from './member-match.ts';
import './strings.ts';
import './cashier.css';

/**
 * The member field of the counter: type a member number, a phone number or a name, or scan the
 * member card (a scanner types its code and Enter; "Pindai kartu" reads its QR with the camera);
 * tap a result. The chosen member shows with a "×" that takes them off. Works on the device's copy
 * of the directory, offline too.
 */
export function MemberPicker({
  label,
  directory,
  value,
  onChange,
}: {
  label: string;
  /** The device's directory; undefined while it loads or when it could not be had. */
  directory: readonly DirectoryMember[] | undefined;
  value: ChosenMember | null;
  onChange: (m: ChosenMember | null) => void;
}) {
  const { t } = useCachedTranslation('cashier', { keyPrefix: 'member' });
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const found = useMemo(() => matchMembers(directory ?? [], text), [directory, text]);
  const choose = (m: DirectoryMember) => {
    onChange({ id: m.id, memberNo: m.memberNo, name: m.name });
    setText('');
    setScanning(false);
  };
  if (value)
    return (
      <p className="member-chosen" data-testid="chosen-member">
        <span>
          {label}: <strong>{value.memberNo}</strong> {value.name}
        </span>
        <button
          type="button"
          className="secondary"
          aria-label={t('remove', { name: value.name })}
          onClick={() => onChange(null)}
        >
          ×
        </button>
      </p>
    );
  // A scanner ends the code with Enter: it picks the member instead of submitting the form.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const m = memberForEnter(directory ?? [], text);
    if (m) choose(m);
  };
  const typed = text.trim() !== '';
  return (
    <div className="member-picker">
      <div className="member-search">
        <Field label={label} hint={directory ? t('hint') : t('unavailable')}>
          <input
            type="search"
            autoComplete="off"
            enterKeyHint="search"
            value={text}
            disabled={!directory}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </Field>
        <button
          type="button"
          className="secondary"
          disabled={!directory || scanning}
          onClick={() => setScanning(true)}
        >
          {t('scan')}
        </button>
      </div>
      {scanning && directory && (
        <CardScanner directory={directory} onFound={choose} onClose={() => setScanning(false)} />
      )}
      {typed &&
        directory &&
        (found.length === 0 ? (
          <p className="muted" role="status">
            {t('none')}
          </p>
        ) : (
          <ul className="member-results" aria-label={t('results')}>
            {found.map((m) => (
              <li key={m.id}>
                <button type="button" className="secondary" onClick={() => choose(m)}>
                  <strong>{m.memberNo}</strong> {m.name}
                  {m.phone ? <small> · {m.phone}</small> : null}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
