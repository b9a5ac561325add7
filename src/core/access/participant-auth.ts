import type { Db } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { findUserByEmail, setUserPassword } from './access.repository.ts';
import { checkCredentials, type AuthUser } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { createUser } from './user.service.ts';

/**
 * A participant's account is an app user whose e-mail is derived from the
 * NIP (`.invalid` is reserved: no mail is ever sent there); the role
 * `program_participant` comes from the roster, not from a membership row.
 */
export const participantEmail = (nip: string) => `${nip}@asn.invalid`;

/** Checks NIP and password; the same answer for an unknown NIP and a wrong password. */
export async function checkParticipantCredentials(
  db: Db,
  nip: string,
  password: string,
): Promise<AuthUser> {
  const wrong = () =>
    new DomainError('Unauthenticated', {
      message:
        'NIP atau kata sandi salah. Belum pernah masuk? Aktifkan akun dulu dengan kode aktivasi dari OPD Anda (Aktivasi akun).',
      messageEn:
        'Wrong NIP or password. Never signed in? Activate the account first with the activation code from your OPD (Activate your account).',
    });
  if (!/^\d{18}$/.test(nip)) throw wrong();
  let user: AuthUser;
  try {
    user = await checkCredentials(db, participantEmail(nip), password);
  } catch {
    throw wrong();
  }
  if (!user.memberships.some((m) => m.role === 'program_participant')) throw wrong();
  return user;
}

/** Creates the participant's user, or sets a new password on it; returns the user id. */
export async function setParticipantPassword(
  db: Db,
  nip: string,
  name: string,
  password: string,
  clock: Clock,
): Promise<string> {
  if (typeof password !== 'string' || password.length < 8 || password.length > 200)
    throw new DomainError('ValidationFailed', {
      message: 'Kata sandi 8 sampai 200 karakter',
      details: [
        {
          path: '/password',
          message: 'harus 8 sampai 200 karakter',
          messageEn: 'must be 8 to 200 characters',
        },
      ],
    });
  const existing = await findUserByEmail(db, participantEmail(nip));
  if (existing) {
    await setUserPassword(db, existing.id, await hashPassword(password));
    return existing.id;
  }
  const u = await createUser(
    db,
    { email: participantEmail(nip), name, password, memberships: [] },
    clock,
  );
  return u.id;
}
