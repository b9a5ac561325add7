import type { Db } from '../../db/database.ts';
import { findOfficesOfHubAreas } from '../network/index.ts';
import { findUsersOfOrganizations, type findUserOfOrganization } from './access.repository.ts';

/** Whether a user signs in: `invited` until an activation code set a password, `inactive` once deactivated. */
export type UserStatus = 'active' | 'inactive' | 'invited';

/** A membership row of the users list as the caller sees it. */
export function userListItemOf(row: Awaited<ReturnType<typeof findUserOfOrganization>>) {
  const { invited, disabled, phone, ...rest } = row;
  const status: UserStatus =
    disabled === 1 ? 'inactive' : Number(invited) === 1 ? 'invited' : 'active';
  return { ...rest, ...(phone ? { phone } : {}), disabled: disabled === 1, status };
}

/**
 * The users a caller administers, by organization name then e-mail: those
 * of its hubs, their cooperatives and the offices and employers of their
 * area, and of the cooperatives it manages.
 */
export async function listUsers(db: Db, scope: { hubIds: string[]; cooperativeIds: string[] }) {
  const offices = await findOfficesOfHubAreas(db, scope.hubIds);
  const orgIds = new Set([...offices.map((o) => o.id), ...scope.cooperativeIds]);
  const rows = await findUsersOfOrganizations(db, [...orgIds], scope.hubIds);
  return { items: rows.map(userListItemOf) };
}

/** One user's membership in the users list. */
export type UserListItem = Awaited<ReturnType<typeof listUsers>>['items'][number];
