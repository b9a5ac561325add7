import type { Position } from './strings.ts';

/** A saved participant of the event, as the event's read gives it. */
export interface SavedParticipant {
  id: string;
  cooperativeId: string;
  name: string;
  position: string;
  attended: boolean;
  preScore: number | null;
  postScore: number | null;
}

/** What the office marks for one person: invited, attended and the scores as typed. */
export interface Marks {
  invited: boolean;
  attended: boolean;
  pre: string;
  post: string;
}

/** One person of a cooperative on the attendance list: an officer, a saved participant or one typed by hand. */
export interface AttendanceRow {
  key: string;
  cooperativeId: string;
  name: string;
  position: Position;
  saved: SavedParticipant | undefined;
  base: Marks;
}

/** What the server takes for one participant. */
export interface ParticipantBody {
  id?: string;
  cooperativeId: string;
  name: string;
  position: Position;
  attended: boolean;
  preScore: number | null;
  postScore: number | null;
}

/** The key of a person: cooperative and name, case-insensitive (as the server matches them). */
export function rowKey(cooperativeId: string, name: string): string {
  return `${cooperativeId}\u0000${name.trim().toLowerCase()}`;
}

function marksOf(p: SavedParticipant | undefined): Marks {
  if (!p) return { invited: false, attended: false, pre: '', post: '' };
  return {
    invited: true,
    attended: p.attended,
    pre: p.preScore == null ? '' : String(p.preScore),
    post: p.postScore == null ? '' : String(p.postScore),
  };
}

/**
 * The list of one cooperative: its officers first (in the order the network keeps them), then the
 * saved participants who are not officers, then the people typed by hand and not yet saved.
 */
export function rowsOf(
  cooperativeId: string,
  officers: { role: string; name: string }[],
  saved: SavedParticipant[],
  typed: { name: string; position: Position }[],
): AttendanceRow[] {
  const own = new Map(
    saved
      .filter((p) => p.cooperativeId === cooperativeId)
      .map((p) => [rowKey(p.cooperativeId, p.name), p]),
  );
  const rows = new Map<string, AttendanceRow>();
  const add = (name: string, position: Position) => {
    const key = rowKey(cooperativeId, name);
    if (rows.has(key)) return;
    const p = own.get(key);
    rows.set(key, {
      key,
      cooperativeId,
      name: p?.name ?? name,
      position,
      saved: p,
      base: marksOf(p),
    });
  };
  for (const o of officers) add(o.name, o.role as Position);
  for (const p of own.values()) add(p.name, p.position as Position);
  for (const p of typed) add(p.name, p.position);
  return [...rows.values()];
}

/** `''` → null; a whole number 0–100 → it; anything else → undefined (invalid). */
export function parseScore(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d{1,3}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

function same(a: Marks, b: Marks): boolean {
  return (
    a.invited === b.invited &&
    a.attended === b.attended &&
    a.pre.trim() === b.pre.trim() &&
    a.post.trim() === b.post.trim()
  );
}

/**
 * The participants to send (the rows invited and changed), with their keys in the same order; or
 * each invalid row's message key (`scoreRange`, `scoreNeedsAttendance`) when one is invalid.
 */
export function changesOf(
  rows: AttendanceRow[],
  marks: Record<string, Marks>,
): { body: ParticipantBody[]; keys: string[]; errors: Record<string, string> } {
  const body: ParticipantBody[] = [];
  const keys: string[] = [];
  const errors: Record<string, string> = {};
  for (const r of rows) {
    const m = marks[r.key] ?? r.base;
    if (!m.invited || same(m, r.base)) continue;
    const preScore = parseScore(m.pre);
    const postScore = parseScore(m.post);
    if (preScore === undefined || postScore === undefined) errors[r.key] = 'scoreRange';
    else if (!m.attended && (preScore !== null || postScore !== null))
      errors[r.key] = 'scoreNeedsAttendance';
    else {
      body.push({
        ...(r.saved ? { id: r.saved.id } : {}),
        cooperativeId: r.cooperativeId,
        name: r.name,
        position: r.position,
        attended: m.attended,
        preScore,
        postScore,
      });
      keys.push(r.key);
    }
  }
  return { body, keys, errors };
}
