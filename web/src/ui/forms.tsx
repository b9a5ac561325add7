import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../app/api.ts';

/** A labelled form control with its hint and error; the control gets the id, so its accessible name is the label. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? msgId : undefined,
      })}
      {(error || hint) && (
        <small id={msgId} className={error ? 'error' : 'muted'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}

/**
 * The server's problem (or a network failure) in words. Renders nothing without an error. The
 * sentence is the server's, in the user's language; a field's own message is shown only under the
 * name the form gives the field (`labels`, by the server's path), never as a raw path.
 */
export function ProblemAlert({
  error,
  labels,
}: {
  error: unknown;
  labels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = (error as { problem?: Partial<Problem> }).problem;
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  const named = (problem?.errors ?? []).filter((e) => labels?.[e.path]);
  return (
    <div role="alert" className="state error">
      <p>{detail || problem?.title || t('requestFailed')}</p>
      {named.length > 0 && (
        <ul>
          {named.map((e) => (
            <li key={`${e.path}${e.message}`}>
              {labels![e.path]}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Each field's message from the server's problem (in the user's language), keyed by the form's
 * field names: `fieldOf` maps the server's paths (`/email`) to them; the first message per field.
 */
export function fieldErrorsOf(
  error: unknown,
  fieldOf: Record<string, string>,
): Record<string, string> {
  const problem = (error as { problem?: Partial<Problem> } | null)?.problem;
  const errs: Record<string, string> = {};
  for (const x of problem?.errors ?? []) {
    const field = fieldOf[x.path];
    if (field && !errs[field]) errs[field] = x.message;
  }
  return errs;
}

/** The problem's code, to branch on (e.g. `ExposureLimitExceeded`). */
export function problemCode(error: unknown): string | undefined {
  return (error as { problem?: Partial<Problem> } | null)?.problem?.code;
}

/** A success message announced to screen readers. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="notice">
      {children}
    </p>
  );
}

/**
 * The end of a form: the server's problem, the success notice, and the submit button, which says
 * `busyLabel` and is disabled while the request runs; with `close`, a secondary button beside it.
 */
export function SubmitRow({
  error,
  notice,
  pending,
  label,
  busyLabel,
  close,
}: {
  error: unknown;
  notice?: string;
  pending: boolean;
  label: string;
  busyLabel: string;
  close?: { label: string; onClick: () => void };
}) {
  return (
    <>
      <ProblemAlert error={error} />
      {notice && <Notice>{notice}</Notice>}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? busyLabel : label}
        </button>
        {close && (
          <button type="button" className="secondary" onClick={close.onClick}>
            {close.label}
          </button>
        )}
      </div>
    </>
  );
}
