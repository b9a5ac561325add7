import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';
import type { Problem } from '../app/api.ts';

type FieldProblem = NonNullable<Problem['errors']>[number];

/** The server's field messages of one form, and the paths its fields show. */
interface Scope {
  errors: readonly FieldProblem[];
  shown: Set<string>;
}

const ScopeContext = createContext<Scope | undefined>(undefined);

/** The server's problem carried by a failed request (see `unwrap`), if any. */
export function problemOf(error: unknown): Partial<Problem> | undefined {
  return (error as { problem?: Partial<Problem> } | null | undefined)?.problem;
}

/**
 * Wraps a form around the request's `error`: each `Field` inside with a `path` shows the server's
 * message for that path under itself, and the `ProblemAlert` inside lists only what no field shows.
 */
export function ProblemScope({ error, children }: { error: unknown; children: ReactNode }) {
  const scope: Scope = { errors: problemOf(error)?.errors ?? [], shown: new Set() };
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/**
 * A path a field answers for: exact (`/lines/0/qty`), or every path under it when it ends in
 * `/*` (`/lines/0/*`).
 */
function covers(path: string, pattern: string): boolean {
  return pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** The server's message for the field at `path` in the surrounding scope (the field claims the path). */
export function useFieldProblem(path: string | readonly string[] | undefined): string | undefined {
  const scope = useContext(ScopeContext);
  if (!scope || !path) return undefined;
  const patterns = typeof path === 'string' ? [path] : path;
  for (const p of patterns) scope.shown.add(p);
  return scope.errors.find((e) => patterns.some((p) => covers(e.path, p)))?.message;
}

/**
 * The scope's messages that no field shows, known once every field has rendered (a layout
 * effect, so the alert may stand above or below the fields). Without a scope: all of `error`'s.
 */
export function useUnshownProblems(error: unknown): readonly FieldProblem[] {
  const scope = useContext(ScopeContext);
  const all = problemOf(error)?.errors ?? [];
  const [unshown, setUnshown] = useState<readonly FieldProblem[]>(scope ? [] : all);
  useLayoutEffect(() => {
    const next = scope ? all.filter((e) => ![...scope.shown].some((p) => covers(e.path, p))) : all;
    setUnshown((prev) =>
      prev.length === next.length && prev.every((e, i) => e === next[i]) ? prev : next,
    );
  });
  return unshown;
}
