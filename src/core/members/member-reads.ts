import type { Db } from '../../db/database.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { cardCodeOf } from './member-rules.ts';
import { findActiveMembers, findMembersPage, type MemberFilter } from './members.repository.ts';
import type { MemberRole, MemberStatus } from './members.table.ts';
import { villageOf } from './members.service.ts';

export interface MemberListItem {
  id: string;
  memberNo: string;
  nik: string;
  name: string;
  joinedOn: string;
  status: MemberStatus;
  phone?: string;
  role?: MemberRole;
  leftOn?: string;
}

/**
 * A page of the registry in member-number order; `q` finds a member number
 * (or a card code), the start of a NIK, part of a name (any case), part of a
 * phone number (`+62…` and `0…` alike).
 */
export async function listMembers(
  db: Db,
  coopId: string,
  query: Omit<MemberFilter, 'afterNo'> & { cursor?: string },
): Promise<{ items: MemberListItem[]; nextCursor?: string }> {
  const after = decodeCursor(query.cursor);
  const rows = await findMembersPage(db, coopId, {
    q: query.q,
    status: query.status,
    afterNo: after?.[0],
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, (r) => [r.memberNo, r.id]);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      memberNo: r.memberNo,
      nik: r.nik,
      name: r.name,
      joinedOn: r.joinedOn,
      status: r.status,
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.role ? { role: r.role } : {}),
      ...(r.leftOn ? { leftOn: r.leftOn } : {}),
    })),
  };
}

export interface DirectoryItem {
  id: string;
  memberNo: string;
  name: string;
  phone?: string;
  cardCode: string;
  status: MemberStatus;
}

/**
 * Every active member, compact and without NIK: what the cashier's device
 * keeps to find a member by number, phone or card code while offline.
 */
export async function getMemberDirectory(
  db: Db,
  coopId: string,
): Promise<{ items: DirectoryItem[] }> {
  const village = await villageOf(db, coopId);
  return {
    items: (await findActiveMembers(db, coopId)).map((m) => ({
      id: m.id,
      memberNo: m.memberNo,
      name: m.name,
      ...(m.phone ? { phone: m.phone } : {}),
      cardCode: cardCodeOf(village, m.memberNo),
      status: m.status,
    })),
  };
}
