import { hash } from 'node:crypto';
import { v7 } from 'uuid';

/** A new time-ordered id (UUIDv7), as clients are asked to generate. */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (canonical(value[i]) ?? '');
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  let out = '{';
  // Keys in code-unit order; undefined values are left out, as JSON.stringify leaves them out.
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v !== undefined) out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonical(v)}`;
  }
  return `${out}}`;
}

/**
 * A fingerprint of a command's content, independent of key order. A replay
 * with the same id must carry the same fingerprint, else it is a conflict.
 */
export function contentHash(value: unknown): string {
  return hash('sha256', canonical(value), 'base64url').slice(0, 32);
}
