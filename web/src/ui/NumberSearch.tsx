import { Field } from './forms.tsx';

/** The search box of a list that finds documents by their number (the list's `q`), whole or in part. */
export function NumberSearch({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <input
        type="search"
        inputMode="search"
        maxLength={60}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
