import type { Db } from '../../db/database.ts';
import { sql } from 'kysely';
import { lockOrganization } from '../network/index.ts';
import type { AppUserTable, MembershipTable, Role, UserCodeTable } from './access.table.ts';
import { NO_PASSWORD } from './password.ts';

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

/**
 * Memberships as the users list shows them: the user, the organization's name and kind, the role,
 * and whether the user is still invited (no password set yet).
 */
const usersWithMemberships = (db: Db) =>
  db
    .selectFrom('membership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.name',
      'u.phone',
      'u.disabled',
      'm.orgId',
      'm.role',
      'o.name as orgName',
      'o.kind as orgKind',
      eb.case().when('u.passwordHash', '=', NO_PASSWORD).then(1).else(0).end().as('invited'),
    ]);

/**
 * Users who work for any of the organizations or of the networks of `hubIds`
 * (the hubs and the cooperatives taking part with them: a subquery, as a
 * national hub's ids would overflow the statement's parameters), with their roles there.
 */
export async function findUsersOfOrganizations(db: Db, orgIds: string[], hubIds: string[] = []) {
  if (orgIds.length === 0 && hubIds.length === 0) return [];
  return usersWithMemberships(db)
    .where((eb) =>
      eb.or([
        ...(orgIds.length ? [eb('m.orgId', 'in', orgIds)] : []),
        ...(hubIds.length
          ? [
              eb('m.orgId', 'in', hubIds),
              eb(
                'm.orgId',
                'in',
                eb
                  .selectFrom('participation')
                  .select('participation.orgId')
                  .where('participation.hubId', 'in', hubIds),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('o.name')
    .orderBy('u.email')
    .execute();
}

/** A user's stored memberships with their organizations' kinds (no derived participant roles). */
export async function findStoredMemberships(db: Db, userId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select(['m.orgId', 'm.role', 'o.kind as orgKind'])
    .where('m.userId', '=', userId)
    .orderBy('m.orgId')
    .execute();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the hub's row lock on PostgreSQL until the transaction ends, so that
 * concurrent changes to the hub's admins see each other (SQLite writes one at a time).
 */
export async function lockHubAdmins(db: Db, hubId: string) {
  await lockOrganization(db, hubId);
}

/** How many active users other than `exceptUserId` are admins of the hub. */
export async function countActiveHubAdmins(db: Db, hubId: string, exceptUserId: string) {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('m.orgId', '=', hubId)
    .where('m.role', '=', 'hub_admin')
    .where('u.disabled', '=', 0)
    .where('u.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setUserNameAndDisabled(
  db: Db,
  userId: string,
  change: { name?: string; disabled?: number },
) {
  if (change.name === undefined && change.disabled === undefined) return;
  await db.updateTable('appUser').set(change).where('id', '=', userId).execute();
}

export async function setMembershipRole(db: Db, userId: string, orgId: string, role: Role) {
  await db
    .updateTable('membership')
    .set({ role })
    .where('userId', '=', userId)
    .where('orgId', '=', orgId)
    .execute();
}

/** Revokes every live token of the user; answers their hashes (for the token cache to forget). */
export async function revokeTokensOfUser(db: Db, userId: string, nowIso: string) {
  const rows = await db
    .selectFrom('authToken')
    .select('tokenHash')
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute();
  if (rows.length)
    await db
      .updateTable('authToken')
      .set({ revokedAt: nowIso })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .execute();
  return rows.map((r) => r.tokenHash);
}

/** One user's membership as the users list shows it. */
export async function findUserOfOrganization(db: Db, userId: string, orgId: string) {
  return usersWithMemberships(db)
    .where('m.userId', '=', userId)
    .where('m.orgId', '=', orgId)
    .executeTakeFirstOrThrow();
}

/** A user's live API tokens (not revoked, not expired at `now`), newest first. */
export function findLiveApiTokens(db: Db, userId: string, now: string) {
  return db
    .selectFrom('authToken')
    .select(['id', 'tokenHash', 'label', 'createdAt', 'expiresAt'])
    .where('userId', '=', userId)
    .where('kind', '=', 'api')
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One of a user's own API tokens by its id (revoked ones too). */
export function findApiTokenOfUser(db: Db, userId: string, id: string) {
  return db
    .selectFrom('authToken')
    .select(['tokenHash', 'revokedAt'])
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('kind', '=', 'api')
    .executeTakeFirst();
}

/** Marks a token revoked at `now` unless it already is. */
export async function revokeTokenByHash(db: Db, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('authToken')
    .set({ revokedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .execute();
}

/** The user's one-time code for the purpose, replacing the one issued before. */
export async function replaceUserCode(db: Db, row: UserCodeTable): Promise<void> {
  await db
    .deleteFrom('userCode')
    .where('userId', '=', row.userId)
    .where('purpose', '=', row.purpose)
    .execute();
  await db.insertInto('userCode').values(row).execute();
}

/** The user's codes (one per purpose), used or not. */
export function findUserCodes(db: Db, userId: string) {
  return db.selectFrom('userCode').selectAll().where('userId', '=', userId).execute();
}

/** Spends one code unless it already is; answers whether this call spent it. */
export async function spendUserCode(
  db: Db,
  userId: string,
  purpose: UserCodeTable['purpose'],
  at: string,
): Promise<boolean> {
  const [r] = await db
    .updateTable('userCode')
    .set({ usedAt: at })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
  return Number(r?.numUpdatedRows ?? 0) === 1;
}

/** Spends every code of the user not used yet. */
export async function markUserCodesUsed(db: Db, userId: string, at: string): Promise<void> {
  await db
    .updateTable('userCode')
    .set({ usedAt: at })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

/** Forgets the user's codes (a deactivated user's stop working). */
export async function deleteUserCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('userCode').where('userId', '=', userId).execute();
}

/**
 * The managers not activated yet (invited, not deactivated) of the cooperatives a hub sets up:
 * those taking part with the hub, and those taking part with no hub yet in its regions
 * (`unclaimedIn`: a cooperatives import creates them so); of the listed cooperatives or all; by
 * cooperative name. The chairman's phone comes along (the user may have none).
 */
export async function findManagersToActivate(
  db: Db,
  hubId: string,
  unclaimedIn: string[],
  cooperativeIds?: string[],
) {
  if (cooperativeIds && cooperativeIds.length === 0) return [];
  let q = db
    .selectFrom('membership as m')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .innerJoin('organization as o', 'o.id', 'm.orgId')
    .select((eb) => [
      'o.id as cooperativeId',
      'o.name as cooperativeName',
      'o.villageName',
      'u.id as userId',
      'u.name as managerName',
      'u.email',
      'u.phone',
      eb
        .selectFrom('officer as k')
        .select('k.phone')
        .whereRef('k.orgId', '=', 'o.id')
        .where('k.role', '=', 'ketua')
        .limit(1)
        .as('chairmanPhone'),
    ])
    .where('m.role', '=', 'coop_manager')
    .where('o.kind', '=', 'cooperative')
    .where('u.passwordHash', '=', NO_PASSWORD)
    .where('u.disabled', '=', 0)
    .where((eb) => {
      const taking = eb
        .selectFrom('participation as p')
        .select('p.id')
        .whereRef('p.orgId', '=', 'o.id');
      return eb.or([
        eb.exists(taking.where('p.hubId', '=', hubId)),
        ...unclaimedIn.map((r) =>
          eb.and([eb.not(eb.exists(taking)), eb('o.villageCode', 'like', `${r}.%`)]),
        ),
      ]);
    });
  if (cooperativeIds) q = q.where('o.id', 'in', cooperativeIds);
  return q.orderBy('o.name').orderBy('o.id').orderBy('u.email').execute();
}
