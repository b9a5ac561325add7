import type { Db } from '../../db/database.ts';
import type { AppUserTable, MembershipTable } from './access.table.ts';

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

export async function findMemberships(db: Db, userId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select(['m.orgId', 'm.role', 'o.kind as orgKind', 'o.name as orgName'])
    .where('m.userId', '=', userId)
    .execute();
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
