import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/forms.tsx';
import './strings.ts';

/** The offices a member can hold (officers are members with a role). */
export const ROLES = ['ketua', 'sekretaris', 'bendahara', 'pengawas'] as const;

type Change = (e: { target: { value: string } }) => void;
/** A control's value, its message, and its change handler. */
interface FieldProps {
  value: string;
  error?: string | undefined;
  onChange: Change;
}

/**
 * A form's text fields: their values, `set(key)` as the change handler of each control, and the
 * message per field (the form's own checks, then the server's).
 */
export function useFields<T extends Record<string, string>>(initial: T | (() => T)) {
  const [f, setF] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    (k: keyof T): Change =>
    (e) =>
      setF((x) => ({ ...x, [k]: e.target.value }));
  return { f, setF, set, errors, setErrors };
}

/** The member's office (jabatan), or none. */
export function RoleSelect({ value, error, onChange }: FieldProps) {
  const { t } = useTranslation('members');
  return (
    <Field label={t('role')} error={error}>
      <select value={value} onChange={onChange}>
        <option value="">{t('roleNone')}</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role_${r}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The member's phone (stored as 08…, +62 becomes 0). */
export function PhoneField({ value, error, hint, onChange }: FieldProps & { hint?: string }) {
  const { t } = useTranslation('members');
  return (
    <Field label={t('phone')} error={error} hint={hint}>
      <input type="tel" inputMode="tel" maxLength={30} value={value} onChange={onChange} />
    </Field>
  );
}

/** The member's address. */
export function AddressField({ value, error, onChange }: FieldProps) {
  const { t } = useTranslation('members');
  return (
    <Field label={t('address')} error={error}>
      <input maxLength={500} value={value} onChange={onChange} />
    </Field>
  );
}
