import type { Db } from '../../db/database.ts';
import { findOfficers, insertOfficers, updateOfficer } from '../network/index.ts';
import { newId } from '../shared/ids.ts';
import { findMemberWithRole, updateMemberRow } from './members.repository.ts';
import type { MemberRole, MemberTable } from './members.table.ts';

type Holder = Pick<MemberTable, 'orgId' | 'id' | 'name' | 'phone' | 'role'>;

/**
 * Gives a member an officer role (ketua, sekretaris, bendahara, pengawas) or
 * takes it away (`null`), keeping the cooperative's `officer` rows in step:
 * one holder per role — the member who held it loses it, and the role's
 * officer row (created if there is none) becomes this member (name, phone,
 * `member_id`); a role the member leaves keeps its officer row, no longer
 * linked to the member. Runs in the caller's transaction.
 */
export async function assignMemberRole(
  db: Db,
  member: Holder,
  role: MemberRole | null,
  now: string,
): Promise<void> {
  const officers = await findOfficers(db, member.orgId);
  for (const o of officers)
    if (o.memberId === member.id && o.role !== role)
      await updateOfficer(db, member.orgId, o.id, { memberId: null });
  if (role) {
    const previous = await findMemberWithRole(db, member.orgId, role);
    if (previous && previous.id !== member.id)
      await updateMemberRow(db, member.orgId, previous.id, { role: null, updatedAt: now });
    const officer =
      officers.find((o) => o.role === role && o.memberId === member.id) ??
      officers.find((o) => o.role === role);
    const set = { name: member.name, phone: member.phone, memberId: member.id };
    if (officer) await updateOfficer(db, member.orgId, officer.id, set);
    else await insertOfficers(db, [{ orgId: member.orgId, id: newId(), role, ...set }]);
  }
  if (member.role !== role)
    await updateMemberRow(db, member.orgId, member.id, { role, updatedAt: now });
}

/** An officer's name and phone follow the member's when the member's change. */
export async function syncOfficerContact(db: Db, member: Holder): Promise<void> {
  for (const o of await findOfficers(db, member.orgId))
    if (o.memberId === member.id && (o.name !== member.name || o.phone !== member.phone))
      await updateOfficer(db, member.orgId, o.id, { name: member.name, phone: member.phone });
}
