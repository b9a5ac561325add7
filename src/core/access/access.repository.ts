import type { Db } from '../../db/database.ts';
import { sql } from 'kysely';
import type { AppUserTable, MembershipTable, Role } from './access.table.ts';

export async function insertUser(db: Db, row: AppUserTable, memberships: MembershipTable[]) {
  await db.insertInto('appUser').values(row).execute();
  if (memberships.length) await db.insertInto('membership').values(memberships).execute();
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('appUser')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/**
 * A user's memberships: the stored ones, and `program_participant` in the
 * sponsor organization of every Sembako program whose roster links the user
 * (reads `sembako_participant`, no import).
 */
export async function findMemberships(db: Db, userId: string) {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select(['m.orgId', 'm.role', 'o.kind as orgKind', 'o.name as orgName'])
    .where('m.userId', '=', userId)
    .unionAll(
      db
        .selectFrom('sembakoParticipant as p')
        .innerJoin('organization as o', 'o.id', 'p.orgId')
        .select([
          'p.orgId',
          sql<Role>`'program_participant'`.as('role'),
          'o.kind as orgKind',
          'o.name as orgName',
        ])
        .where('p.userId', '=', userId),
    )
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.orgId}|${r.role}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export async function setUserPassword(db: Db, userId: string, passwordHash: string) {
  await db.updateTable('appUser').set({ passwordHash }).where('id', '=', userId).execute();
}

/** Users who work for any of the organizations, with their roles there. */
export async function findUsersOfOrganizations(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('membership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select(['u.id', 'u.email', 'u.name', 'u.disabled', 'm.orgId', 'm.role', 'o.name as orgName'])
    .where('m.orgId', 'in', orgIds)
    .orderBy('o.name')
    .orderBy('u.email')
    .execute();
}
