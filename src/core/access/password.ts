import { hash, verify } from '@node-rs/argon2';

/** argon2id (OWASP minimum: 19 MiB, 2 passes). */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/**
 * An argon2id hash of the parameters above, of a random password nobody
 * kept: sign-in verifies against it when the account is unknown or
 * disabled, so that such an answer costs as long as a wrong password and
 * does not tell which e-mails (or NIPs) have an account. A test checks that
 * its parameters stay those of `hashPassword`.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$RLbDOyW8SCWLN/cmDgFJwg$YfCE9rgawWFpsLsjVvOvPRmP5LFWOhAK6xnAZzZAojE';

/**
 * The password hash of a user who has not set a password yet (invited, or a manager a cooperatives
 * import created): not an argon2 hash, so no password verifies against it; the user signs in only
 * after an activation code set one.
 */
export const NO_PASSWORD = '!';

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // The same work as for a real hash, so that the time taken does not tell who is still invited.
  if (passwordHash === NO_PASSWORD) {
    await verify(DUMMY_PASSWORD_HASH, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
