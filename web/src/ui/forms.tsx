import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf, useFieldProblem, useUnshownProblems } from './problem-scope.tsx';

export { ProblemScope } from './problem-scope.tsx';

/**
 * A labelled form control with its hint and error; the control gets the id, so its accessible
 * name is the label. Inside a `ProblemScope`, `path` (the server's JSON path of the field, or
 * several; `/lines/0/*` for all under it) shows the server's message for it when the form's own
 * `error` has none.
 */
export function Field({
  label,
  error: own,
  hint,
  path,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  path?: string | readonly string[];
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  const server = useFieldProblem(path);
  const error = own ?? server;
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
 * sentence is the server's, in the user's language; the field messages no `Field` of the
 * surrounding `ProblemScope` shows are listed as they are worded, never with a raw path.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const unshown = useUnshownProblems(error);
  if (!error) return null;
  const problem = problemOf(error);
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <div role="alert" className="state error">
      <p>{detail || problem?.title || t('requestFailed')}</p>
      {unshown.length > 0 && (
        <ul>
          {unshown.map((e) => (
            <li key={`${e.path}${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The problem's code, to branch on (e.g. `ExposureLimitExceeded`). */
export function problemCode(error: unknown): string | undefined {
  return problemOf(error)?.code;
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
