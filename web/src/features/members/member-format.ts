import type { Problem } from '../../app/api.ts';

/**
 * The server's problem split for a form: each field's message (keyed by the form's own field
 * names; `fieldOf` maps the server's paths such as `/nik`, `codeField` whole problems such as
 * `AlreadyExists` to a field, with the problem's detail as the message) and what is left for the
 * alert above the buttons (null when every message sits next to its field). The server words each
 * field's message in the reader's language.
 */
export function splitProblem(
  error: unknown,
  fieldOf: Record<string, string>,
  codeField: Record<string, string> = {},
): { fields: Record<string, string>; rest: unknown } {
  const problem = (error as { problem?: Partial<Problem> } | null | undefined)?.problem;
  if (!error) return { fields: {}, rest: null };
  if (!problem) return { fields: {}, rest: error };
  const byCode = problem.code ? codeField[problem.code] : undefined;
  if (byCode && problem.detail) return { fields: { [byCode]: problem.detail }, rest: null };
  const errors = problem.errors ?? [];
  const fields: Record<string, string> = {};
  const left: { path: string; message: string }[] = [];
  errors.forEach((e) => {
    const field = fieldOf[e.path];
    if (!field) left.push(e);
    else fields[field] ??= e.message;
  });
  if (errors.length && left.length === 0) return { fields, rest: null };
  return { fields, rest: { problem: { ...problem, errors: left } } };
}

/** What leaving pays back: every savings balance above zero, and their sum. */
export function returnedOnLeaving(b: { pokok: number; wajib: number; sukarela: number }) {
  const pokok = Math.max(0, b.pokok);
  const wajib = Math.max(0, b.wajib);
  const sukarela = Math.max(0, b.sukarela);
  return { pokok, wajib, sukarela, total: pokok + wajib + sukarela };
}

/**
 * How the signed-in user may use a cooperative's members: `manage` (its own manager), `read`
 * (the hub's admin, for support), or `none`; the server decides each request again.
 */
export function membersAccess(
  memberships: readonly { orgKind: string; orgId: string; role: string }[],
  cooperativeId: string,
): 'manage' | 'read' | 'none' {
  if (memberships.some((m) => m.orgId === cooperativeId && m.role === 'coop_manager'))
    return 'manage';
  if (memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin')) return 'read';
  return 'none';
}

/** A NIK as typed (spaces and dots allowed between groups), or undefined when it is not 16 digits. */
export function nikOf(text: string): string | undefined {
  const digits = text.replace(/[\s.]/g, '');
  return /^\d{16}$/.test(digits) ? digits : undefined;
}
