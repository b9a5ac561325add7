import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { HUB_SETTING_DEFAULTS } from '../network/index.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { AuthTokenTable } from './access.table.ts';
import { findMemberships, findUserByEmail, revokeTokenByHash } from './access.repository.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.ts';

/** A sign-in's length where no hub setting applies (the hub settings' default `sessionHours`). */
export const SESSION_TTL_MS = HUB_SETTING_DEFAULTS.sessionHours * 60 * 60 * 1000;
export const API_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** What is stored of a token (and what the token cache keys by): its SHA-256. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A fresh bearer/session token with its id; only its hash is stored. */
export async function issueToken(
  db: Db,
  userId: string,
  kind: AuthTokenTable['kind'],
  clock: Clock,
  opts: { ttlMs?: number; label?: string } = {},
) {
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  const now = clock.now();
  const expiresAt = new Date(
    now.getTime() + (opts.ttlMs ?? (kind === 'session' ? SESSION_TTL_MS : API_TOKEN_TTL_MS)),
  ).toISOString();
  await db
    .insertInto('authToken')
    .values({
      id,
      tokenHash: hashToken(token),
      userId,
      kind,
      label: opts.label ?? null,
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
    })
    .execute();
  return { id, token, expiresAt };
}

export async function revokeToken(db: Db, token: string, clock: Clock): Promise<void> {
  await revokeTokenByHash(db, hashToken(token), clock.now().toISOString());
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  memberships: { orgId: string; orgKind: string; orgName: string; role: string }[];
}

async function loadAuthUser(
  db: Db,
  user: { id: string; email: string; name: string; locale: string },
): Promise<AuthUser> {
  const memberships = await findMemberships(db, user.id);
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, memberships };
}

/** The user behind a live (not expired, not revoked) token. */
export async function authenticateToken(
  db: Db,
  token: string,
  clock: Clock,
): Promise<(AuthUser & { tokenKind: AuthTokenTable['kind'] }) | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await db
    .selectFrom('authToken as t')
    .innerJoin('appUser as u', 'u.id', 't.userId')
    .select([
      't.kind',
      't.expiresAt',
      't.revokedAt',
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.disabled',
    ])
    .where('t.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revokedAt || row.disabled || row.expiresAt <= clock.now().toISOString())
    return undefined;
  return { ...(await loadAuthUser(db, row)), tokenKind: row.kind };
}

/**
 * Checks e-mail and password; the same answer for an unknown e-mail, a
 * disabled user and a wrong password, after the same work: one argon2
 * verify each (against a dummy hash when there is no usable account), so
 * the time taken does not tell which e-mails have an account.
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<AuthUser> {
  const user = await findUserByEmail(db, email);
  const usable = user && !user.disabled ? user : undefined;
  const verified = await verifyPassword(usable?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!usable || !verified)
    throw new DomainError('Unauthenticated', {
      message: 'E-mail atau kata sandi salah',
      messageEn: 'Wrong e-mail or password',
    });
  return loadAuthUser(db, usable);
}

export async function setUserLocale(db: Db, userId: string, locale: 'id' | 'en') {
  await db.updateTable('appUser').set({ locale }).where('id', '=', userId).execute();
}
