import type { Db } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { findApiTokenOfUser, findLiveApiTokens, revokeTokenByHash } from './access.repository.ts';
import { hashToken } from './auth.service.ts';

/** One of a user's API tokens as its owner sees it: never the token, never its hash. */
export interface ApiTokenListItem {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  /** Whether this is the token the listing request came with. */
  current: boolean;
}

/**
 * The user's live API tokens (not revoked, not expired), newest first;
 * `currentToken` (the caller's bearer token) marks the one in use.
 */
export async function listApiTokens(
  db: Db,
  userId: string,
  clock: Clock,
  currentToken?: string,
): Promise<{ items: ApiTokenListItem[] }> {
  const rows = await findLiveApiTokens(db, userId, clock.now().toISOString());
  const current = currentToken ? hashToken(currentToken) : undefined;
  return {
    items: rows.map((r) => ({
      id: r.id,
      label: r.label ?? '',
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      current: r.tokenHash === current,
    })),
  };
}

/**
 * Revokes one of the user's own API tokens; revoking it again changes
 * nothing. Another user's token, a session, or an unknown id: NotFound
 * (the same answer, so ids of others' tokens cannot be probed). Returns the
 * token's hash, for the caller to drop it from any cache at once.
 */
export async function revokeApiToken(
  db: Db,
  userId: string,
  id: string,
  clock: Clock,
): Promise<{ tokenHash: string }> {
  const row = await findApiTokenOfUser(db, userId, id);
  if (!row)
    throw new DomainError('NotFound', {
      message: 'Token API tidak ditemukan',
      messageEn: 'API token not found',
    });
  if (!row.revokedAt) await revokeTokenByHash(db, row.tokenHash, clock.now().toISOString());
  return { tokenHash: row.tokenHash };
}
