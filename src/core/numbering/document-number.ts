import type { DocumentKind } from './numbering.table.ts';

const DATE_RE = /^(\d{4})-(\d{2})-\d{2}$/;
const CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Words that say what an organization is, not which one: left out of a code made from its name. */
const GENERIC_WORDS = new Set(['KOPERASI', 'KOP', 'KDKMP', 'KSP', 'KUD', 'PT', 'CV', 'TBK', 'DAN']);

/** A document number's parts: its kind, the issuer's short code, the document's date and its place in the year. */
export interface DocumentNumberParts {
  kind: DocumentKind;
  issuerCode: string;
  /** The document's business date `YYYY-MM-DD`: its year and month are in the number. */
  date: string;
  /** The document's place in the issuer's sequence of this kind and year, from 1. */
  sequence: number;
}

/**
 * `<KIND>/<issuer code>/<YYYY>/<MM>/<NNNN>`, e.g. `SJ/KANA-JBI/2026/12/0001`:
 * the sequence in at least four digits (more past 9999, never cut). Throws
 * on parts that cannot make a number (a programming error, not user input).
 */
export function formatDocumentNumber(p: DocumentNumberParts): string {
  const date = DATE_RE.exec(p.date);
  if (!date) throw new RangeError(`Document date must be YYYY-MM-DD, got ${p.date}`);
  if (!CODE_RE.test(p.issuerCode))
    throw new RangeError(`Issuer code must be A-Z, 0-9 and inner dashes, got ${p.issuerCode}`);
  if (!Number.isSafeInteger(p.sequence) || p.sequence < 1)
    throw new RangeError(`Document sequence must be a whole number from 1, got ${p.sequence}`);
  return `${p.kind}/${p.issuerCode}/${date[1]}/${date[2]}/${String(p.sequence).padStart(4, '0')}`;
}

/**
 * A short code made from an organization's name, for an issuer that has no
 * short code of its own: the initials of its words in capitals, leaving out
 * generic words (Koperasi, PT…); a one-word name gives its first six letters.
 * `Koperasi Kana — Cabang Jambi` → `KCJ`; `Koperasi Kana` → `KANA`.
 */
export function codeFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const specific = words.filter((w) => !GENERIC_WORDS.has(w));
  const chosen = specific.length ? specific : words;
  if (chosen.length === 0) return 'ORG';
  if (chosen.length === 1) return chosen[0]!.slice(0, 6);
  return chosen
    .slice(0, 6)
    .map((w) => w[0])
    .join('');
}

/**
 * The code an issuer's numbers carry: its short code when it has one; else,
 * for a cooperative, the ten digits of its Kemendagri village code (unique:
 * one KDKMP per village; `15.71.01.1001` → `1571011001`); else one made from
 * its name.
 */
export function issuerCodeOf(org: {
  name: string;
  shortCode?: string | null;
  kind?: string;
  villageCode?: string | null;
}): string {
  const own = org.shortCode?.trim().toUpperCase();
  if (own && CODE_RE.test(own)) return own;
  const village = org.villageCode?.replace(/\D/g, '');
  if (org.kind === 'cooperative' && village) return village;
  return codeFromName(org.name);
}

/**
 * The LIKE pattern a search box's text matches document numbers with:
 * spaces dropped, in capitals, so `sj/kana-jbi/2026/12/0001` and `0001` both
 * find that document. Text with a character no number has (`%`, `_`, …)
 * gives `''`, which matches no number; blank text gives undefined (no filter).
 */
export function numberSearchPattern(q: string | undefined): string | undefined {
  const text = q?.replace(/\s+/g, '').toUpperCase();
  if (!text) return undefined;
  return /^[A-Z0-9/-]+$/.test(text) ? `%${text}%` : '';
}

/** Whether a document's number matches a search box's text as {@link numberSearchPattern} reads it (blank: every document). */
export function numberMatches(number: string | null, q: string | undefined): boolean {
  const pattern = numberSearchPattern(q);
  if (pattern === undefined) return true;
  return pattern !== '' && !!number?.includes(pattern.slice(1, -1));
}
