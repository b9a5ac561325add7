import type { ReactNode } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import './strings.ts';

/** Radio buttons under a legend: the payment method, the kind of savings. */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labelOf,
  children,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  labelOf: (v: T) => string;
  /** Said under the choices (e.g. why QRIS is not offered). */
  children?: ReactNode;
}) {
  return (
    <fieldset className="methods">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="radio">
          <input
            type="radio"
            name={name}
            value={o}
            checked={value === o}
            onChange={() => onChange(o)}
          />
          {labelOf(o)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

/** The outbox's refused entries, each with the server's reason and a "Hapus" once dealt with. */
export function RefusedList({
  title,
  items,
}: {
  title: string;
  items: { id: string; text: ReactNode; dismissLabel: string; onDismiss: () => void }[];
}) {
  const { t } = useCachedTranslation('cashier');
  if (items.length === 0) return null;
  return (
    <div role="alert" className="state error">
      <p>
        <strong>{title}</strong>
      </p>
      <ul className="refused">
        {items.map((x) => (
          <li key={x.id}>
            {x.text}{' '}
            <button
              type="button"
              className="secondary"
              onClick={x.onDismiss}
              aria-label={x.dismissLabel}
            >
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
