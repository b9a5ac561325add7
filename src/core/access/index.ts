export type * from './access.table.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { createUser, ROLES, type CreateUserInput } from './user.service.ts';
export { findUserByEmail, findMemberships } from './access.repository.ts';
