import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import type { Role } from './access.table.ts';
import {
  countActiveHubAdmins,
  deleteUserCodes,
  findStoredMemberships,
  findUserById,
  findUserOfOrganization,
  lockHubAdmins,
  revokeTokensOfUser,
  setMembershipRole,
  setUserNameAndDisabled,
} from './access.repository.ts';
import { userListItemOf } from './list-users.ts';
import { checkRoleFitsOrganization } from './user.service.ts';

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  /** false: the user cannot sign in and every live token is revoked; true: may sign in again. */
  active?: boolean;
}

/** A user an administrator may change: the user and its stored memberships. */
export type UserToUpdate = Awaited<ReturnType<typeof loadUserToUpdate>>;

/**
 * The user to change, with the organizations it works for (the caller must
 * administer each). A user with no stored membership (a program participant)
 * is administered by nobody here: NotFound, as an unknown id.
 */
export async function loadUserToUpdate(db: Db, userId: string) {
  const user = await findUserById(db, userId);
  const memberships = user ? await findStoredMemberships(db, userId) : [];
  if (!user || memberships.length === 0)
    throw new DomainError('NotFound', {
      message: 'Pengguna tidak ditemukan',
      messageEn: 'User not found',
    });
  return { user, memberships };
}

function invalidState(message: string, messageEn: string): never {
  throw new DomainError('InvalidState', { message, messageEn });
}

/**
 * A cooperative's manager (authorized through that membership) manages that cooperative's
 * cashiers only, and keeps them cashiers (`newRole`): Forbidden otherwise. Hub admins, authorized
 * through their hub, are not limited here.
 */
export async function checkManagerReach(
  db: Db,
  actorId: string,
  target: UserToUpdate,
  newRole?: Role,
): Promise<void> {
  const actorMemberships = await findStoredMemberships(db, actorId);
  const asManager = target.memberships.some((m) =>
    actorMemberships.some((a) => a.orgId === m.orgId && a.role === 'coop_manager'),
  );
  if (
    asManager &&
    (target.memberships.some((m) => m.role !== 'coop_cashier') ||
      (newRole !== undefined && newRole !== 'coop_cashier'))
  )
    throw new DomainError('Forbidden', {
      message: 'Pengurus koperasi hanya mengelola kasir koperasinya',
      messageEn: "A cooperative's manager manages only its cashiers",
    });
}

/**
 * Renames, changes the role of, deactivates or reactivates a user, once the
 * caller was authorized for the user's organizations. Keeps:
 * - the role fits the organization's kind (ValidationFailed on `/role`);
 * - a cooperative's manager changes only that cooperative's cashiers, and
 *   keeps them cashiers (Forbidden otherwise);
 * - nobody deactivates themselves or changes their own role (InvalidState);
 * - a hub keeps at least one active admin (InvalidState).
 * Deactivation revokes every live token and one-time code of the user; the
 * answer names the tokens' hashes so the caller can forget them at once.
 */
export async function updateUser(
  db: Db,
  ctx: CommandContext,
  target: UserToUpdate,
  input: UpdateUserInput,
) {
  const actorId = ctx.actor?.userId;
  if (!actorId) throw new Error('updateUser needs the actor');
  const { user, memberships } = target;
  const membership = memberships[0]!;
  const name = input.name?.trim();
  if (input.name !== undefined && !name)
    throw new DomainError('ValidationFailed', {
      message: 'Nama wajib diisi',
      messageEn: 'The name is required',
      details: [{ path: '/name', message: 'wajib diisi', messageEn: 'required' }],
    });
  const roleChange = input.role !== undefined && input.role !== membership.role;
  if (roleChange && memberships.length > 1)
    throw new DomainError('ValidationFailed', {
      message: 'Pengguna ini bekerja di lebih dari satu organisasi; perannya tidak diubah di sini',
      messageEn: 'This user works for more than one organization; its role is not changed here',
      details: [
        {
          path: '/role',
          message: 'pengguna ini punya beberapa keanggotaan',
          messageEn: 'the user has several memberships',
        },
      ],
    });
  if (roleChange) checkRoleFitsOrganization(membership.orgKind, input.role!);
  const deactivating = input.active === false;

  if (user.id === actorId) {
    if (deactivating)
      invalidState('Anda tidak dapat menonaktifkan akun sendiri', 'You cannot deactivate yourself');
    if (roleChange)
      invalidState('Anda tidak dapat mengubah peran sendiri', 'You cannot change your own role');
  }

  await checkManagerReach(db, actorId, target, roleChange ? input.role : undefined);

  // The last active admin of a hub stays one.
  if (user.disabled === 0 && (deactivating || roleChange)) {
    for (const m of memberships) {
      if (m.role !== 'hub_admin') continue;
      await lockHubAdmins(db, m.orgId);
      if ((await countActiveHubAdmins(db, m.orgId, user.id)) === 0)
        invalidState(
          'Admin terakhir yang aktif di hub ini tidak dapat dinonaktifkan atau diturunkan',
          "The hub's last active admin cannot be deactivated or demoted",
        );
    }
  }

  await setUserNameAndDisabled(db, user.id, {
    name,
    disabled: input.active === undefined ? undefined : input.active ? 0 : 1,
  });
  if (roleChange) await setMembershipRole(db, user.id, membership.orgId, input.role!);
  const revokedTokenHashes = deactivating
    ? await revokeTokensOfUser(db, user.id, ctx.clock.now().toISOString())
    : [];
  // A deactivated user's one-time codes stop working too.
  if (deactivating) await deleteUserCodes(db, user.id);
  return {
    user: userListItemOf(await findUserOfOrganization(db, user.id, membership.orgId)),
    revokedTokenHashes,
  };
}
