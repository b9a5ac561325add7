import type { Db } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Role } from './access.table.ts';
import { findUserByEmail, insertUser } from './access.repository.ts';
import { NO_PASSWORD, hashPassword } from './password.ts';
import { whatsAppNumber } from '../shared/whatsapp.ts';

/** The roles each kind of organization has. */
const ROLES_OF_KIND: Record<string, readonly Role[]> = {
  hub: ['hub_admin', 'hub_staff'],
  cooperative: ['coop_manager', 'coop_cashier'],
  government: ['gov_viewer', 'program_admin'],
  employer: ['program_admin'],
};

/** Whether a role belongs to this kind of organization (a cashier works for a cooperative, not a hub). */
export function roleFitsOrganization(orgKind: string, role: Role): boolean {
  return ROLES_OF_KIND[orgKind]?.includes(role) ?? false;
}

/** Refuses (ValidationFailed on `/role`) a role that does not belong to the organization's kind. */
export function checkRoleFitsOrganization(orgKind: string, role: Role): void {
  if (!roleFitsOrganization(orgKind, role))
    throw new DomainError('ValidationFailed', {
      message: 'Peran tidak cocok dengan jenis organisasi',
      messageEn: 'The role does not fit the kind of organization',
      details: [
        {
          path: '/role',
          message: `bukan peran untuk ${orgKind}`,
          messageEn: `not a role of a ${orgKind}`,
        },
      ],
    });
}

export const ROLES: readonly Role[] = [
  'hub_admin',
  'hub_staff',
  'coop_manager',
  'coop_cashier',
  'gov_viewer',
  'program_admin',
];
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The password rule of every user: 8 to 200 characters. */
export const isValidPassword = (p: unknown): p is string =>
  typeof p === 'string' && p.length >= 8 && p.length <= 200;

export interface CreateUserInput {
  email: string;
  name: string;
  password?: string;
  /** A ready argon2id hash (demo seeding reuses one). */
  passwordHash?: string;
  /** No password: the user signs in once an activation code has set one (`issueUserCode`). */
  invited?: boolean;
  /** A mobile number (WhatsApp links of the user's codes). */
  phone?: string;
  memberships: { orgId: string; role: Role }[];
}

/**
 * Creates a user with an argon2id-hashed password, or (`invited`) with none: that user signs in
 * once an activation code has set one. Keeps: e-mail unique (case-insensitive).
 */
export async function createUser(db: Db, input: CreateUserInput, clock: Clock) {
  const errors: ErrorDetail[] = [];
  const email = input.email?.trim().toLowerCase() ?? '';
  if (!EMAIL_RE.test(email) || email.length > 254)
    errors.push({
      path: '/email',
      message: 'harus berupa alamat e-mail',
      messageEn: 'must be an e-mail address',
    });
  if (!input.name?.trim())
    errors.push({ path: '/name', message: 'wajib diisi', messageEn: 'required' });
  if (!input.invited && !input.passwordHash && !isValidPassword(input.password)) {
    errors.push({
      path: '/password',
      message: 'harus 8 sampai 200 karakter',
      messageEn: 'must be 8 to 200 characters',
    });
  }
  const phone = input.phone?.replace(/[\s.-]/g, '') || undefined;
  if (phone !== undefined && (!/^\+?\d{8,16}$/.test(phone) || !whatsAppNumber(phone)))
    errors.push({
      path: '/phone',
      message: 'harus berupa nomor telepon, mis. 081234567890',
      messageEn: 'must be a phone number, e.g. 081234567890',
    });
  input.memberships.forEach((m, i) => {
    if (!ROLES.includes(m.role))
      errors.push({
        path: `/memberships/${i}/role`,
        message: `harus salah satu dari: ${ROLES.join(', ')}`,
        messageEn: `must be one of ${ROLES.join(', ')}`,
      });
  });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data pengguna tidak valid',
      details: errors,
    });
  if (await findUserByEmail(db, email))
    throw new DomainError('AlreadyExists', {
      message: `Pengguna ${email} sudah ada`,
      details: [
        { path: '/email', message: 'e-mail ini sudah terdaftar', messageEn: 'already exists' },
      ],
    });
  const id = newId();
  const passwordHash = input.invited
    ? NO_PASSWORD
    : (input.passwordHash ?? (await hashPassword(input.password!)));
  await insertUser(
    db,
    {
      id,
      email,
      name: input.name.trim(),
      passwordHash,
      locale: 'id',
      disabled: 0,
      createdAt: clock.now().toISOString(),
      phone: phone ?? null,
    },
    input.memberships.map((m) => ({ userId: id, orgId: m.orgId, role: m.role })),
  );
  return { id, email, name: input.name.trim() };
}
