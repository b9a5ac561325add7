/**
 * Finding a member at the counter (pure: tested without a browser). The cashier types a member
 * number, a phone number (08…, +62 8… and 62 8… are the same number) or a name; a scanner types the
 * card's code (its QR holds `A` + the village code + `-` + the member number) followed by Enter, and
 * the QR's text may be pasted too. The directory is the device's copy (offline-data.ts).
 */

/** A member as the cashier's directory holds it (no NIK). */
export interface DirectoryMember {
  id: string;
  memberNo: string;
  name: string;
  phone?: string | null;
  cardCode: string;
  status: string;
}

/** The member shown on the cart, the receipt and the outbox. */
export interface ChosenMember {
  id: string;
  memberNo: string;
  name: string;
}

/**
 * A phone number in its national form, digits only: `+62 812-3456-789`, `62812…` and `0812…` all
 * give `0812…`. Undefined when the text is not a phone number (letters, or too short to be one).
 */
export function normalizePhone(text: string): string | undefined {
  const t = text.trim().replace(/[\s\-.()/]/g, '');
  if (!/^\+?\d+$/.test(t)) return undefined;
  const digits = t.replace(/^\+/, '');
  const national = digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
  return national.length >= 4 ? national : undefined;
}

/** The member card code in a scanned or pasted text (`A1571011001-0042`), upper case; else undefined. */
export function cardCodeIn(text: string): string | undefined {
  return /\bA\d{4,}-\d{1,10}\b/i.exec(text.trim())?.[0].toUpperCase();
}

const sameNumber = (typed: string, memberNo: string) =>
  typed === memberNo || (/^\d+$/.test(typed) && /^\d+$/.test(memberNo) && +typed === +memberNo);

/**
 * The active members the cashier's text names, best first, at most `limit`: the card code exactly;
 * else the member number (`42` finds `0042`), then phone numbers containing the typed digits (from
 * 4 digits on), then names containing the text (from 2 letters on, any case).
 */
export function matchMembers(
  directory: readonly DirectoryMember[],
  text: string,
  limit = 8,
): DirectoryMember[] {
  const typed = text.trim();
  if (!typed) return [];
  const active = directory.filter((m) => m.status === 'active');
  const card = cardCodeIn(typed);
  if (card) return active.filter((m) => m.cardCode.toUpperCase() === card).slice(0, limit);
  const found: DirectoryMember[] = [];
  const add = (ms: DirectoryMember[]) => {
    for (const m of ms) if (!found.includes(m)) found.push(m);
  };
  add(active.filter((m) => sameNumber(typed, m.memberNo)));
  const phone = normalizePhone(typed);
  if (phone)
    add(active.filter((m) => m.phone && normalizePhone(m.phone)?.includes(phone) === true));
  const name = typed.toLocaleLowerCase('id');
  if (/\p{L}/u.test(typed) && typed.length >= 2)
    add(active.filter((m) => m.name.toLocaleLowerCase('id').includes(name)));
  return found.slice(0, limit);
}

/**
 * What Enter in the member field picks: the member whose card code was scanned (or pasted), or the
 * only match; undefined when the text names no one member.
 */
export function memberForEnter(
  directory: readonly DirectoryMember[],
  text: string,
): DirectoryMember | undefined {
  const found = matchMembers(directory, text, 2);
  return found.length === 1 ? found[0] : undefined;
}
