import { createUser, roleFitsOrganization, ROLES, type Role } from '../core/access/index.ts';
import { createOrganization, findOrganizationById } from '../core/network/index.ts';
import { systemClock } from '../core/shared/clock.ts';
import { isDomainError } from '../core/shared/errors.ts';
import { openMigrated } from './open.ts';

export interface UserCreateOptions {
  email: string;
  name: string;
  role: string;
  password?: string;
  org?: string;
  hubName?: string;
  region?: string;
}

async function readPassword(): Promise<string> {
  if (process.env.LUMBUNG_PASSWORD) return process.env.LUMBUNG_PASSWORD;
  if (process.stdin.isTTY)
    throw new Error('Give --password, LUMBUNG_PASSWORD, or pipe the password on standard input');
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.trim();
}

/**
 * `lumbung user create`: a user of an existing organization (--org), or the
 * first hub admin of a new database together with its hub (--hub-name).
 */
export async function userCreateCommand(o: UserCreateOptions): Promise<number> {
  if (!ROLES.includes(o.role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  if (!o.org && !o.hubName) {
    console.error('Give --org ORG_ID, or --hub-name NAME to create the hub of this first admin.');
    return 2;
  }
  const password = o.password ?? (await readPassword());
  const h = await openMigrated();
  try {
    const result = await h.db.transaction().execute(async (db) => {
      let orgId = o.org;
      const kind = orgId ? (await findOrganizationById(db, orgId))?.kind : 'hub';
      if (!kind) throw new Error(`No organization ${orgId}`);
      if (!roleFitsOrganization(kind, o.role as Role))
        throw new Error(`A ${kind} has no role ${o.role}`);
      if (!orgId) {
        const hub = await createOrganization(
          db,
          { kind: 'hub', name: o.hubName!, regionCode: o.region },
          systemClock,
        );
        orgId = hub.id;
        console.log(`Created hub ${hub.name} (${hub.id})`);
      }
      return createUser(
        db,
        { email: o.email, name: o.name, password, memberships: [{ orgId, role: o.role as Role }] },
        systemClock,
      );
    });
    console.log(`Created user ${result.email} (${result.id}) as ${o.role}`);
    return 0;
  } catch (e) {
    console.error(
      isDomainError(e)
        ? `${e.message}${e.details ? `: ${e.details.map((d) => `${d.path} ${d.message}`).join('; ')}` : ''}`
        : (e as Error).message,
    );
    return 1;
  } finally {
    await h.close();
  }
}
