import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The architecture's import rules, read from the source (STYLE.md, "Layout"):
 * no import circle in src/, the core free of the HTTP, CLI and UI layers,
 * modules reached only through their index.ts, ledger and inventory below
 * every other business module, and no product code importing bench/.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic, type-only included. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g))
    out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const files = sourceFiles(SRC);
const edges = new Map<string, string[]>(
  files.map((f) => [
    f,
    specifiers(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(f), s)),
  ]),
);
const rel = (f: string) => relative(ROOT, f);

describe('architecture', () => {
  it('has no import circle in src/', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const to of edges.get(f) ?? []) if (edges.has(to)) visit(to, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(files.length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('keeps the core free of the HTTP, CLI and UI layers, and product code free of bench/', () => {
    const wrong: string[] = [];
    for (const [f, tos] of edges) {
      const r = rel(f);
      for (const to of tos.map(rel)) {
        if (to.startsWith('bench/')) wrong.push(`${r} → ${to}`);
        if (r.startsWith('src/core/') && /^src\/(http|cli|demo)\//.test(to))
          wrong.push(`${r} → ${to}`);
      }
      if (r.startsWith('src/core/'))
        for (const s of specifiers(f))
          if (/^(fastify|@fastify\/|react|commander)/.test(s)) wrong.push(`${r} → ${s}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reaches another core module only through its index.ts; ledger and inventory import no business module, kept none at all', () => {
    const wrong: string[] = [];
    for (const [f, tos] of edges) {
      const r = rel(f);
      const from = /^src\/core\/([^/]+)\//.exec(r)?.[1];
      if (!from) continue;
      for (const to of tos.map(rel)) {
        const target = /^src\/core\/([^/]+)\/(.+)$/.exec(to);
        if (!target || target[1] === from || target[1] === 'shared') continue;
        if (target[2] !== 'index.ts') wrong.push(`${r} → ${to} (not through index.ts)`);
        // `kept` (the kept views' forgetting) is called by every writer, the base modules too.
        if (
          from === 'kept' ||
          ((from === 'ledger' || from === 'inventory') && target[1] !== 'kept')
        )
          wrong.push(`${r} → ${to} (${from} is a base module)`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
