import type { Db } from '../../db/database.ts';
import { findOrganizationById, findParticipation } from '../network/index.ts';
import { wibDateOf } from '../shared/business-date.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import type { UserCodePurpose } from './access.table.ts';
import {
  findManagersToActivate,
  findUserByEmail,
  findUserCodes,
  markUserCodesUsed,
  replaceUserCode,
  revokeTokensOfUser,
  setUserPassword,
  spendUserCode,
} from './access.repository.ts';
import { whatsAppUrl } from '../shared/whatsapp.ts';
import { hashOneTimeCode, newOneTimeCode } from './one-time-code.ts';
import { NO_PASSWORD, hashPassword } from './password.ts';
import { checkManagerReach, type UserToUpdate } from './update-user.ts';
import { isValidPassword } from './user.service.ts';

/** How long a code works: a week to activate an invitation, a day to reset a password. */
export const USER_CODE_TTL_MS: Record<UserCodePurpose, number> = {
  activation: 7 * 24 * 60 * 60 * 1000,
  reset: 24 * 60 * 60 * 1000,
};

/** A code as handed to its user: shown once, never stored, never logged. */
export interface IssuedUserCode {
  code: string;
  expiresAt: string;
  /** The activation page with the e-mail and the code filled in. */
  activationUrl: string;
  /** A wa.me link to the user's phone with the code and the link in Indonesian; only with a phone. */
  whatsappUrl?: string;
}

const hashOf = (userId: string, purpose: UserCodePurpose, code: string) =>
  hashOneTimeCode(`user|${userId}|${purpose}`, code);

/**
 * The activation page (`appUrl` is the web app's address) with the e-mail and code in the
 * fragment: a browser never sends a fragment to the server, so the code stays out of its logs.
 */
export function activationUrlOf(appUrl: string, email: string, code: string): string {
  const fragment = new URLSearchParams({ email, kode: code }).toString();
  return `${appUrl.replace(/\/+$/, '')}/aktivasi#${fragment}`;
}

/** An instant as WIB wall-clock time, `2026-12-13 10:00 WIB`. */
function wibDateTime(iso: string): string {
  const at = new Date(iso);
  const time = new Date(at.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(11, 16);
  return `${wibDateOf(at)} ${time} WIB`;
}

/** The WhatsApp message that hands a code over (Indonesian: the users' language). */
function codeMessage(
  purpose: UserCodePurpose,
  user: { name: string; email: string },
  c: { code: string; expiresAt: string; activationUrl: string },
): string {
  const what =
    purpose === 'activation'
      ? `akun Lumbung Anda (${user.email}) siap diaktifkan. Kode aktivasi`
      : `kode untuk mengganti kata sandi akun Lumbung Anda (${user.email})`;
  return [
    `Halo ${user.name}, ${what}: ${c.code}`,
    `Berlaku sampai ${wibDateTime(c.expiresAt)}, sekali pakai.`,
    `Buka ${c.activationUrl} lalu isi e-mail, kode, dan kata sandi baru.`,
  ].join('\n');
}

/** Issues a fresh code (replacing the user's last one of this purpose) and what hands it over. */
async function writeCode(
  db: Db,
  ctx: CommandContext,
  user: { id: string; name: string; email: string; phone: string | null },
  purpose: UserCodePurpose,
  appUrl: string,
): Promise<IssuedUserCode> {
  const code = newOneTimeCode();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + USER_CODE_TTL_MS[purpose]).toISOString();
  await replaceUserCode(db, {
    userId: user.id,
    purpose,
    codeHash: hashOf(user.id, purpose, code),
    expiresAt,
    usedAt: null,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  });
  const activationUrl = activationUrlOf(appUrl, user.email, code);
  const whatsappUrl = whatsAppUrl(
    user.phone,
    codeMessage(purpose, user, { code, expiresAt, activationUrl }),
  );
  return { code, expiresAt, activationUrl, ...(whatsappUrl ? { whatsappUrl } : {}) };
}

function invalidState(message: string, messageEn: string): never {
  throw new DomainError('InvalidState', { message, messageEn });
}

/**
 * A one-time code for a user the caller administers (authorized for the user's organizations):
 * `activation` for an invited user (no password yet), `reset` for one who has a password. Keeps
 * the rules of `updateUser`: a cooperative's manager only for its own cashiers (Forbidden); no
 * code for a deactivated user (InvalidState). Any code issued before for the purpose stops working.
 */
export async function issueUserCode(
  db: Db,
  ctx: CommandContext,
  target: UserToUpdate,
  purpose: UserCodePurpose,
  appUrl: string,
): Promise<IssuedUserCode> {
  const actorId = ctx.actor?.userId;
  if (!actorId) throw new Error('issueUserCode needs the actor');
  await checkManagerReach(db, actorId, target);
  const { user } = target;
  if (user.disabled)
    invalidState(
      'Pengguna ini nonaktif; aktifkan dulu sebelum memberi kode',
      'This user is inactive; reactivate it before issuing a code',
    );
  const invited = user.passwordHash === NO_PASSWORD;
  if (purpose === 'activation' && !invited)
    invalidState(
      'Akun ini sudah aktif; berikan kode reset untuk mengganti kata sandinya',
      'This account is already activated; issue a reset code to change its password',
    );
  if (purpose === 'reset' && invited)
    invalidState(
      'Akun ini belum diaktifkan; berikan kode aktivasi',
      'This account is not activated yet; issue an activation code',
    );
  return writeCode(db, ctx, user, purpose, appUrl);
}

function refuse(message: string, messageEn: string): never {
  throw new DomainError('Unauthenticated', { message, messageEn });
}

function refuseUsed(): never {
  refuse(
    'Kode ini sudah dipakai; minta kode baru kepada admin',
    'This code was already used; ask your administrator for a new one',
  );
}

export interface ActivateUserInput {
  email: string;
  code: string;
  password: string;
}

/**
 * Sets a user's password with a one-time code (activation or reset): the code must be the user's
 * latest of its purpose, unused and not expired; it is spent, with every other code of the user,
 * and every session and token of the user is revoked (their hashes are answered, for the caller to
 * forget them at once). A wrong e-mail or code, a deactivated user, a used or an expired code:
 * Unauthenticated, the last two saying so (only to someone who holds the right code).
 */
export async function activateUser(db: Db, ctx: CommandContext, input: ActivateUserInput) {
  if (!isValidPassword(input.password))
    throw new DomainError('ValidationFailed', {
      message: 'Kata sandi 8 sampai 200 karakter',
      messageEn: 'The password must be 8 to 200 characters',
      details: [
        {
          path: '/password',
          message: 'harus 8 sampai 200 karakter',
          messageEn: 'must be 8 to 200 characters',
        },
      ],
    });
  const user = await findUserByEmail(db, input.email);
  const codes = user && !user.disabled ? await findUserCodes(db, user.id) : [];
  const match = codes.find((c) => c.codeHash === hashOf(c.userId, c.purpose, input.code));
  if (!user || !match) refuse('E-mail atau kode aktivasi salah', 'Wrong e-mail or activation code');
  const now = ctx.clock.now().toISOString();
  if (match.usedAt) refuseUsed();
  if (match.expiresAt <= now)
    refuse(
      'Kode ini sudah kedaluwarsa; minta kode baru kepada admin',
      'This code has expired; ask your administrator for a new one',
    );
  // Spent first, conditionally: of two requests with the same code only one sets a password.
  if (!(await spendUserCode(db, user.id, match.purpose, now))) refuseUsed();
  await markUserCodesUsed(db, user.id, now);
  await setUserPassword(db, user.id, await hashPassword(input.password));
  const revokedTokenHashes = await revokeTokensOfUser(db, user.id, now);
  return { userId: user.id, email: user.email, purpose: match.purpose, revokedTokenHashes };
}

/** One manager's fresh activation code, as the hub admin prints or sends it. */
export interface ManagerActivationCode {
  cooperativeId: string;
  cooperativeName: string;
  villageName: string;
  managerName: string;
  email: string;
  phone?: string;
  code: string;
  expiresAt: string;
  activationUrl: string;
  whatsappUrl?: string;
}

/**
 * Fresh activation codes for the managers not activated yet of the cooperatives the hub sets up
 * (its network, and those of its region taking part with no hub yet, as a cooperatives import
 * creates them): of the listed cooperatives, or all. A listed cooperative the hub does not reach:
 * NotFound, like an unknown one. Earlier activation codes of those managers stop working.
 */
export async function exportManagerActivationCodes(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  appUrl: string,
  cooperativeIds?: string[],
): Promise<{ items: ManagerActivationCode[] }> {
  const region = (await findOrganizationById(db, hubId))?.regionCode;
  const unclaimedIn = region ? [region] : [];
  const ids = cooperativeIds && [...new Set(cooperativeIds)];
  for (const id of ids ?? []) {
    const coop = await findOrganizationById(db, id);
    const reached =
      coop?.kind === 'cooperative' &&
      ((await findParticipation(db, id, { hubId })) ||
        (!(await findParticipation(db, id)) &&
          !!region &&
          !!coop.villageCode?.startsWith(`${region}.`)));
    if (!reached)
      throw new DomainError('NotFound', {
        message: `Koperasi ${id} tidak ditemukan`,
        messageEn: `Cooperative ${id} not found`,
        details: [
          {
            path: '/cooperativeIds',
            message: `koperasi ${id} tidak dikenal`,
            messageEn: `unknown cooperative ${id}`,
          },
        ],
      });
  }
  const managers = await findManagersToActivate(db, hubId, unclaimedIn, ids);
  const items: ManagerActivationCode[] = [];
  for (const m of managers) {
    const phone = m.phone ?? m.chairmanPhone ?? null;
    const user = { id: m.userId, name: m.managerName, email: m.email, phone };
    const issued = await writeCode(db, ctx, user, 'activation', appUrl);
    items.push({
      cooperativeId: m.cooperativeId,
      cooperativeName: m.cooperativeName,
      villageName: m.villageName ?? '',
      managerName: m.managerName,
      email: m.email,
      ...(phone ? { phone } : {}),
      ...issued,
    });
  }
  return { items };
}
