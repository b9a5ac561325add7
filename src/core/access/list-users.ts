import type { Db } from '../../db/database.ts';
import { findNetworkOrgIds } from '../network/index.ts';
import { findUsersOfOrganizations } from './access.repository.ts';

/**
 * The users a caller administers, by organization name then e-mail: those
 * of its hubs and their cooperatives, and of the cooperatives it manages.
 */
export async function listUsers(db: Db, scope: { hubIds: string[]; cooperativeIds: string[] }) {
  const orgIds = new Set([...(await findNetworkOrgIds(db, scope.hubIds)), ...scope.cooperativeIds]);
  const rows = await findUsersOfOrganizations(db, [...orgIds]);
  return { items: rows.map((r) => ({ ...r, disabled: r.disabled === 1 })) };
}

/** One user's membership in the users list. */
export type UserListItem = Awaited<ReturnType<typeof listUsers>>['items'][number];
