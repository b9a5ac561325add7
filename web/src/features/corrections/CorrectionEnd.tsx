import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, ProblemAlert } from '../../ui/forms.tsx';
import './partial-strings.ts';

/**
 * The end of a correction form: the lines' error, "Alasan", what the correction amounts to
 * (`children`), the server's problem and the confirming button (disabled while sent and after).
 * The form around it holds the `ProblemScope` of the mutation's error.
 */
export function CorrectionEnd({
  form,
  hint,
  label,
  children,
}: {
  /** The dialog's `useCorrection`. */
  form: {
    errors: Record<string, string>;
    reason: string;
    setReason: (reason: string) => void;
    mutation: { isPending: boolean; isSuccess: boolean; error: unknown };
  };
  hint?: string;
  label: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('partialCorrections');
  const { errors, reason, mutation: state } = form;
  return (
    <>
      {errors.lines && (
        <p role="alert" className="state error">
          {errors.lines}
        </p>
      )}
      <Field label={t('reason')} hint={hint} error={errors.reason} path="/reason">
        <textarea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => form.setReason(e.target.value)}
        />
      </Field>
      {children}
      <ProblemAlert error={state.error} />
      <div className="actions">
        <button type="submit" disabled={state.isPending || state.isSuccess}>
          {state.isPending ? t('saving') : label}
        </button>
      </div>
    </>
  );
}

/**
 * The units of one product a correction moves (a whole number, typed per product); `path`: the
 * server's paths of its line in the body sent.
 */
export function UnitsField({
  productId,
  label,
  hint,
  max,
  path,
  form,
}: {
  productId: string;
  label: string;
  hint?: string;
  max?: number;
  path?: string[] | undefined;
  form: {
    qty: Record<string, string>;
    setQty: (qty: Record<string, string>) => void;
    errors: Record<string, string>;
  };
}) {
  return (
    <Field label={label} hint={hint} error={form.errors[productId]} path={path}>
      <input
        type="number"
        inputMode="numeric"
        min={max === undefined ? 1 : 0}
        max={max}
        step={1}
        value={form.qty[productId] ?? ''}
        onChange={(e) => form.setQty({ ...form.qty, [productId]: e.target.value })}
      />
    </Field>
  );
}
