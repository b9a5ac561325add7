import { sql, type Updateable } from 'kysely';
import { insertMany } from '../../db/batch.ts';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import { phoneForm } from './member-rules.ts';
import type { MemberRole, MemberStatus, MemberTable } from './members.table.ts';

/** SQL of the member registry; the savings tables have their own repository. */

export async function findMember(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('member')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findMemberByNik(db: Db, orgId: string, nik: string) {
  return db
    .selectFrom('member')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('nik', '=', nik)
    .executeTakeFirst();
}

/** The member holding an officer role in a cooperative, if any. */
export async function findMemberWithRole(db: Db, orgId: string, role: MemberRole) {
  return db
    .selectFrom('member')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirst();
}

export interface MemberFilter {
  /** Text as typed: a member number, the start of a NIK, part of a name, part of a phone number. */
  q?: string;
  status?: MemberStatus;
  /** The member number of the last row of the previous page. */
  afterNo?: string;
  limit: number;
}

/** Search text without LIKE's wildcards (the engines escape them differently). */
const likeText = (s: string) => s.replace(/[\\%_]/g, '');

/**
 * A page of a cooperative's members in member-number order ("0999" before
 * "1000" before "10000": by length, then text).
 */
export async function findMembersPage(db: Db, orgId: string, f: MemberFilter) {
  let q = db
    .selectFrom('member')
    .select(['id', 'memberNo', 'nik', 'name', 'joinedOn', 'status', 'phone', 'role', 'leftOn'])
    .where('orgId', '=', orgId);
  const text = likeText(f.q?.trim() ?? '');
  if (text) {
    const compact = text.replace(/[\s.()-]/g, '');
    const number = /^\d+$/.test(compact) ? compact : /^A\d+-(\d+)$/i.exec(text)?.[1];
    // A NIK or phone is searched from four digits on: "2" is member 0002, not every phone with a 2.
    const phone = /^\+?\d{4,}$/.test(compact) ? phoneForm(compact) : undefined;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', eb.val(`%${text.toLowerCase()}%`)),
        ...(number ? [eb('memberNo', '=', number.padStart(4, '0'))] : []),
        ...(/^\d{4,}$/.test(compact) ? [eb('nik', 'like', `${compact}%`)] : []),
        ...(phone ? [eb('phone', 'like', `%${phone}%`)] : []),
      ]),
    );
  }
  if (f.status) q = q.where('status', '=', f.status);
  const after = f.afterNo;
  if (after !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('length', ['memberNo']), '>', after.length),
        eb.and([eb(eb.fn('length', ['memberNo']), '=', after.length), eb('memberNo', '>', after)]),
      ]),
    );
  return q
    .orderBy(sql`length(member_no)`)
    .orderBy('memberNo')
    .limit(f.limit)
    .execute();
}

/** Every member of a cooperative in member-number order (export, import look-ups). */
export async function findAllMembers(db: Db, orgId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'memberNo', 'nik', 'name', 'joinedOn', 'phone', 'address', 'status'])
    .where('orgId', '=', orgId)
    .orderBy(sql`length(member_no)`)
    .orderBy('memberNo')
    .execute();
}

/** The active members, compact, in member-number order (the cashier's offline directory). */
export async function findActiveMembers(db: Db, orgId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'memberNo', 'name', 'phone', 'status'])
    .where('orgId', '=', orgId)
    .where('status', '=', 'active')
    .orderBy(sql`length(member_no)`)
    .orderBy('memberNo')
    .execute();
}

/**
 * The highest member number of a cooperative (0 without members), read so
 * that the caller's transaction may number the next ones: on PostgreSQL the
 * cooperative's row is locked first (FOR NO KEY UPDATE: rows that merely
 * reference it are not held up) so that two transactions number one at a
 * time; SQLite runs one write transaction at a time.
 */
export async function lockLastMemberNumber(db: Db, orgId: string): Promise<number> {
  if (engineOf(db) === 'postgres')
    await db
      .selectFrom('organization')
      .select('id')
      .where('id', '=', orgId)
      .forNoKeyUpdate()
      .execute();
  const row = await db
    .selectFrom('member')
    .select(sql<number | string | null>`max(cast(member_no as integer))`.as('last'))
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export async function insertMembers(db: Db, rows: MemberTable[]): Promise<void> {
  await insertMany(db, 'member', rows);
}

export async function updateMemberRow(
  db: Db,
  orgId: string,
  id: string,
  set: Updateable<MemberTable>,
): Promise<void> {
  await db.updateTable('member').set(set).where('orgId', '=', orgId).where('id', '=', id).execute();
}
