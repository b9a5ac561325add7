import type { AuthUser, Role } from '../access/index.ts';
import {
  findCooperatives,
  findOrganizationById,
  findParticipation,
  hubServesRegion,
  type OrganizationTable,
} from '../network/index.ts';
import {
  findParticipantOfUser,
  loadProgram,
  type SembakoParticipantTable,
  type SembakoProgramTable,
} from '../sembako/index.ts';
import { DomainError } from '../shared/errors.ts';
import type { Scope } from '../shared/scope.ts';
import type { Db } from '../../db/database.ts';
import {
  COOP_ROLES,
  HUB_ROLES,
  POLICY,
  grantedRoles,
  type AccessRule,
  type Action,
} from './policy.ts';

/** Who asks: a signed-in user with their memberships (`signedIn` grants the whole user: getCurrentUser answers it). */
export type Actor = AuthUser;

/**
 * What a caller asks to reach. Each kind grants something the handler then
 * uses, so that no route reads memberships itself:
 * - `signedIn`: the caller's own session and settings → the actor;
 * - `hub`: the caller's hub (hub users) → its id;
 * - `cooperative`: one cooperative (its own staff, its hub, the office of its region when reading) → the cooperative;
 * - `organization`: one organization's books or users (a cooperative as above; other kinds their own members;
 *   a hub admin, where the action lets one, administers the government and employer organizations of its area) → the organization;
 * - `scope`: the cooperatives, hubs, regions and programs the caller's memberships reach, for lists → a {@link Scope};
 * - `office`: the city office a government viewer works for (training is its own data) → its id;
 * - `program`: a Sembako program (its sponsor's program office, its hub's users, its hub's cooperatives' staff,
 *   its participants, as the action allows) → the program;
 * - `participant`: a participant's own records in a program (or, where the action allows, the program office's) →
 *   the program and the caller's roster row.
 */
export type Resource =
  | { kind: 'signedIn' }
  | { kind: 'hub' }
  | { kind: 'cooperative'; id: string }
  | { kind: 'organization'; id: string }
  | { kind: 'scope' }
  | { kind: 'office' }
  | { kind: 'program'; id: string }
  | {
      kind: 'participant';
      programId: string;
      /** The NIP whose record is asked for: a participant reaches only their own. */
      nip?: string;
    };

export interface ParticipantGrant {
  program: SembakoProgramTable;
  /** The caller's roster row; undefined when the program office asks. */
  participant: SembakoParticipantTable | undefined;
}

export type Grant<R extends Resource> = R extends { kind: 'signedIn' }
  ? Actor
  : R extends { kind: 'hub' | 'office' }
    ? string
    : R extends { kind: 'cooperative' | 'organization' }
      ? OrganizationTable
      : R extends { kind: 'scope' }
        ? Scope
        : R extends { kind: 'program' }
          ? SembakoProgramTable
          : R extends { kind: 'participant' }
            ? ParticipantGrant
            : never;

function forbidden(): never {
  throw new DomainError('Forbidden', {
    message: 'Anda tidak berhak mengakses data ini',
    messageEn: 'You may not access this',
  });
}

function programForbidden(): never {
  throw new DomainError('Forbidden', {
    message: 'Anda tidak berhak mengakses program ini',
    messageEn: 'You may not access this program',
  });
}

function notFound(what: { id: string; en: string }): never {
  throw new DomainError('NotFound', {
    message: `${what.id} tidak ditemukan`,
    messageEn: `${what.en} not found`,
  });
}

type Membership = Actor['memberships'][number] & { role: Role };

/** The caller's memberships whose role the action grants. */
function grantedMemberships(actor: Actor, action: Action): Membership[] {
  const roles = grantedRoles(action);
  return actor.memberships.filter((m): m is Membership => roles.includes(m.role as Role));
}

const isHubRole = (r: Role) => (HUB_ROLES as readonly Role[]).includes(r);
const isCoopRole = (r: Role) => (COOP_ROLES as readonly Role[]).includes(r);

function coversRegion(regionCode: string | null, coop: OrganizationTable) {
  return (
    !!regionCode &&
    !!coop.villageCode &&
    (coop.villageCode === regionCode || coop.villageCode.startsWith(`${regionCode}.`))
  );
}

/**
 * Tenancy of one cooperative: its own staff; the users of the hub it takes
 * part with; the government viewers of its region, reading only.
 */
async function authorizeCooperative(
  db: Db,
  memberships: Membership[],
  coopId: string,
  write: boolean,
): Promise<OrganizationTable> {
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative') notFound({ id: 'Koperasi', en: 'Cooperative' });
  for (const m of memberships) {
    if (m.orgId === coopId && isCoopRole(m.role)) return coop;
    if (m.orgKind === 'hub' && isHubRole(m.role)) {
      if (await findParticipation(db, coopId, { hubId: m.orgId })) return coop;
      // One that takes part with no hub yet, in the hub's area: the hub reads it (to take it in).
      if (
        !write &&
        !(await findParticipation(db, coopId)) &&
        (await hubServesRegion(db, m.orgId, coop.villageCode))
      )
        return coop;
    }
    if (!write && m.role === 'gov_viewer' && m.orgKind === 'government') {
      const gov = await findOrganizationById(db, m.orgId);
      if (gov && coversRegion(gov.regionCode, coop)) return coop;
    }
  }
  forbidden();
}

async function authorizeOrganization(
  db: Db,
  memberships: Membership[],
  orgId: string,
  write: boolean,
): Promise<OrganizationTable> {
  // Whether the organization exists is told only to a caller who could reach one it is not a
  // member of (a hub's users, an office's viewers); others are refused before the look-up.
  const member = memberships.some((m) => m.orgId === orgId);
  if (!member && !memberships.some((m) => isHubRole(m.role) || m.role === 'gov_viewer'))
    forbidden();
  const org = await findOrganizationById(db, orgId);
  if (!org) notFound({ id: 'Organisasi', en: 'Organization' });
  if (org.kind === 'cooperative') return authorizeCooperative(db, memberships, orgId, write);
  if (member) return org;
  // Hub admins set up the offices and employers of their own area: the organization's region
  // overlaps the hub's, or holds a cooperative of the hub's network.
  if (write && (org.kind === 'government' || org.kind === 'employer'))
    for (const m of memberships)
      if (m.role === 'hub_admin' && (await hubServesRegion(db, m.orgId, org.regionCode)))
        return org;
  forbidden();
}

async function scopeOf(db: Db, memberships: Membership[]): Promise<Scope> {
  const scope: Scope = {
    hubIds: [],
    cooperativeIds: [],
    regionCodes: [],
    officeIds: [],
    programOrgIds: [],
    participantOrgIds: [],
  };
  for (const m of memberships) {
    if (m.orgKind === 'hub' && isHubRole(m.role)) scope.hubIds.push(m.orgId);
    else if (m.orgKind === 'cooperative' && isCoopRole(m.role)) scope.cooperativeIds.push(m.orgId);
    else if (m.role === 'gov_viewer' && m.orgKind === 'government') {
      scope.officeIds.push(m.orgId);
      const gov = await findOrganizationById(db, m.orgId);
      if (gov?.regionCode) scope.regionCodes.push(gov.regionCode);
    } else if (m.role === 'program_admin') scope.programOrgIds.push(m.orgId);
    else if (m.role === 'program_participant') scope.participantOrgIds.push(m.orgId);
  }
  return scope;
}

/** Whether one membership reaches a program: its sponsor's office or participant, its hub, its hub's cooperatives. */
async function reachesProgram(db: Db, m: Membership, program: SembakoProgramTable) {
  if (m.role === 'program_admin' || m.role === 'program_participant')
    return m.orgId === program.orgId;
  if (isHubRole(m.role)) return m.orgId === program.hubId;
  if (isCoopRole(m.role)) return !!(await findParticipation(db, m.orgId, { hubId: program.hubId }));
  return false;
}

/**
 * The one access decision of every operation: the action's rule (its roles)
 * applied to the resource the caller asks for, with tenancy — a cooperative
 * reaches itself, a hub its network, a government viewer its region (reading),
 * a program office its program, a participant their own records. Answers
 * what was granted, or throws `Forbidden` (or `NotFound` for an unknown id).
 */
export async function authorize<R extends Resource>(
  db: Db,
  actor: Actor | undefined,
  action: Action,
  resource: R,
): Promise<Grant<R>> {
  if (!actor)
    throw new DomainError('Unauthenticated', {
      message: 'Silakan masuk terlebih dahulu',
      messageEn: 'Please sign in first',
    });
  const rule: AccessRule = POLICY[action];
  const write = rule.write === true;
  // A caller whose roles pass the gate but are not granted still learns that an unknown id is
  // unknown (404 before 403), as the look-ups come first in each decision.
  const memberships = grantedMemberships(actor, action);
  return (await decide(db, actor, memberships, write, resource)) as Grant<R>;
}

async function decide(
  db: Db,
  actor: Actor,
  memberships: Membership[],
  write: boolean,
  resource: Resource,
): Promise<Grant<Resource>> {
  switch (resource.kind) {
    case 'signedIn':
      if (!memberships.length) forbidden();
      return actor;
    case 'hub': {
      const m = memberships.find((x) => x.orgKind === 'hub' && isHubRole(x.role));
      if (!m) forbidden();
      return m.orgId;
    }
    case 'cooperative':
      return authorizeCooperative(db, memberships, resource.id, write);
    case 'organization':
      return authorizeOrganization(db, memberships, resource.id, write);
    case 'scope':
      if (!memberships.length) forbidden();
      return scopeOf(db, memberships);
    case 'office': {
      const m = memberships.find((x) => x.orgKind === 'government' && x.role === 'gov_viewer');
      if (!m)
        throw new DomainError('Forbidden', {
          message: 'Hanya dinas penyelenggara yang mencatat pelatihan',
          messageEn: 'Only the organizing office records training',
        });
      return m.orgId;
    }
    case 'program': {
      const program = await loadProgram(db, resource.id);
      for (const m of memberships) if (await reachesProgram(db, m, program)) return program;
      programForbidden();
    }
    // eslint-disable-next-line no-fallthrough -- forbidden() never returns
    case 'participant': {
      const program = await loadProgram(db, resource.programId);
      if (memberships.some((m) => m.role === 'program_admin' && m.orgId === program.orgId))
        return { program, participant: undefined };
      if (!memberships.some((m) => m.role === 'program_participant' && m.orgId === program.orgId))
        programForbidden();
      const participant = await findParticipantOfUser(db, program.orgId, program.id, actor.id);
      if (!participant || (resource.nip !== undefined && participant.nip !== resource.nip))
        programForbidden();
      return { program, participant };
    }
  }
}

/**
 * Every hub whose catalogue the caller reads: its own, the hub of its
 * cooperative, the hubs serving the cooperatives of its office's region.
 */
export async function visibleHubIds(db: Db, scope: Scope): Promise<string[]> {
  const out = new Set(scope.hubIds);
  for (const coopId of scope.cooperativeIds) {
    const p = await findParticipation(db, coopId);
    if (p) out.add(p.hubId);
  }
  if (scope.regionCodes.length) {
    for (const c of await findCooperatives(db, {
      regionCodes: scope.regionCodes,
      limit: 100_000,
    }))
      if (c.hubId) out.add(c.hubId);
  }
  return [...out];
}
