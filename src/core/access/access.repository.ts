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
