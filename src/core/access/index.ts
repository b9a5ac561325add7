export type * from './access.table.ts';
export { hashPassword, verifyPassword } from './password.ts';
export {
  createUser,
  checkRoleFitsOrganization,
  roleFitsOrganization,
  ROLES,
  type CreateUserInput,
} from './user.service.ts';
export { findUserByEmail, findMemberships, findUsersOfOrganizations } from './access.repository.ts';
export { listUsers, type UserListItem, type UserStatus } from './list-users.ts';
export {
  loadUserToUpdate,
  updateUser,
  type UpdateUserInput,
  type UserToUpdate,
} from './update-user.ts';
export {
  issueToken,
  revokeToken,
  authenticateToken,
  checkCredentials,
  setUserLocale,
  SESSION_TTL_MS,
  hashToken,
  type AuthUser,
} from './auth.service.ts';
export { listApiTokens, revokeApiToken, type ApiTokenListItem } from './api-tokens.ts';
export { hashOneTimeCode, newOneTimeCode } from './one-time-code.ts';
export {
  activateUser,
  exportManagerActivationCodes,
  issueUserCode,
  USER_CODE_TTL_MS,
  type IssuedUserCode,
  type ManagerActivationCode,
} from './user-codes.ts';
export { sessionLengthMsOf } from './session-length.ts';
export {
  participantEmail,
  checkParticipantCredentials,
  setParticipantPassword,
} from './participant-auth.ts';
export {
  importCooperatives,
  readCooperativeFile,
  COOPERATIVE_COLUMNS,
  MAX_COOPERATIVE_ROWS,
  type CooperativeImportResult,
} from './import-cooperatives.ts';
