import type { Db } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Role } from './access.table.ts';
import { findUserByEmail, insertUser } from './access.repository.ts';
import { hashPassword } from './password.ts';

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
      details: [{ path: '/role', message: `not a role of a ${orgKind}` }],
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

export interface CreateUserInput {
  email: string;
  name: string;
  password?: string;
  /** A ready argon2id hash (demo seeding reuses one). */
  passwordHash?: string;
  memberships: { orgId: string; role: Role }[];
}

/** Creates a user with argon2id-hashed password. Keeps: e-mail unique (case-insensitive). */
export async function createUser(db: Db, input: CreateUserInput, clock: Clock) {
  const errors: ErrorDetail[] = [];
  const email = input.email?.trim().toLowerCase() ?? '';
  if (!EMAIL_RE.test(email) || email.length > 254)
    errors.push({ path: '/email', message: 'must be an e-mail address' });
  if (!input.name?.trim()) errors.push({ path: '/name', message: 'required' });
  if (
    !input.passwordHash &&
    (typeof input.password !== 'string' || input.password.length < 8 || input.password.length > 200)
  ) {
    errors.push({ path: '/password', message: 'must be 8 to 200 characters' });
  }
  input.memberships.forEach((m, i) => {
    if (!ROLES.includes(m.role))
      errors.push({
        path: `/memberships/${i}/role`,
        message: `must be one of ${ROLES.join(', ')}`,
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
      details: [{ path: '/email', message: 'already exists' }],
    });
  const id = newId();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password!));
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
    },
    input.memberships.map((m) => ({ userId: id, orgId: m.orgId, role: m.role })),
  );
  return { id, email, name: input.name.trim() };
}
