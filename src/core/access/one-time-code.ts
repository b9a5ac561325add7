import { createHash, randomInt } from 'node:crypto';

/*
 * The one-time codes people activate an account with (Sembako participants, invited staff) or
 * reset a password with: read out, printed, or sent by WhatsApp, so short and unambiguous.
 */

/** No 0/O, 1/I: a code read out over the phone or copied from paper is not mistaken. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time code, `XXXX-XXXX` (40 bits from the CSPRNG). */
export function newOneTimeCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * What is stored of a code: SHA-256 of what it belongs to (`scope`, e.g. program and NIP) and the
 * code as typed, upper-cased without spaces or dashes; the code itself is only handed out.
 */
export function hashOneTimeCode(scope: string, code: string): string {
  const norm = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`${scope}|${norm}`).digest('base64url');
}
