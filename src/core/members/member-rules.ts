/** The registry's pure rules: member numbers, card codes, phone numbers, names. */

/** A member number: at least four digits ("0001"), more once a cooperative passes 9,999 members. */
export function formatMemberNo(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * What a member card's QR holds and a scanner types into the cashier's search:
 * `A`, the cooperative's village code without dots, `-`, the member number
 * (`A1571011001-0042`).
 */
export function cardCodeOf(villageCode: string | null, memberNo: string): string {
  return `A${(villageCode ?? '').replace(/\D/g, '')}-${memberNo}`;
}

/** A phone number as written on a form or in a file: 8–16 digits, a leading + allowed. */
export const PHONE_RE = /^\+?\d{8,16}$/;

/**
 * A phone number as members' phones are stored: without spaces, dots, dashes
 * or brackets, and `+62`/`62` at the start written as the domestic `0`
 * (`+62 812-3456-7890` → `081234567890`), so that one number is found however it is typed.
 */
export function phoneForm(phone: string): string {
  const compact = phone.replace(/[\s.()-]/g, '');
  return /^\+?62\d{7,}$/.test(compact) ? `0${compact.replace(/^\+?62/, '')}` : compact;
}

/** A name with its spaces evened out, as stored. */
export const nameForm = (name: string) => name.replace(/\s+/g, ' ').trim();

/** Whether two names are the same person's name as written (case and spacing aside). */
export const sameName = (a: string, b: string) =>
  nameForm(a).toLowerCase() === nameForm(b).toLowerCase();

export const MAX_NAME = 200;
export const MAX_ADDRESS = 500;
