import type { FastifyRequest } from 'fastify';
import type { AuthUser, Role } from '../core/access/index.ts';
import type { Db } from '../db/database.ts';
import {
  findCooperatives,
  findOrganizationById,
  findParticipation,
  type OrganizationTable,
} from '../core/network/index.ts';
import { DomainError } from '../core/shared/errors.ts';

export const HUB_ROLES: Role[] = ['hub_admin', 'hub_staff'];
export const COOP_ROLES: Role[] = ['coop_manager', 'coop_cashier'];
export const ALL_ROLES: Role[] = [
  'hub_admin',
  'hub_staff',
  'coop_manager',
  'coop_cashier',
  'gov_viewer',
  'program_admin',
];

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthUser & { tokenKind: 'session' | 'api'; via: 'cookie' | 'bearer' };
    /** The organization a state change belongs to, for the audit log. */
    auditOrgId?: string;
    auditTarget?: { type: string; id: string };
  }
  interface FastifyContextConfig {
    /** Roles that may call the operation at all (the handler then checks the organization). */
    roles?: Role[] | 'public';
  }
}

export function authOf(request: FastifyRequest) {
  if (!request.auth)
    throw new DomainError('Unauthenticated', {
      message: 'Silakan masuk terlebih dahulu',
      messageEn: 'Please sign in first',
    });
  return request.auth;
}

function forbidden(): never {
  throw new DomainError('Forbidden', {
    message: 'Anda tidak berhak mengakses data ini',
    messageEn: 'You may not access this',
  });
}

/** The hub the caller works for with one of the roles, or 403. */
export function callerHubId(request: FastifyRequest, roles: Role[] = HUB_ROLES): string {
  const m = authOf(request).memberships.find(
    (x) => x.orgKind === 'hub' && roles.includes(x.role as Role),
  );
  if (!m) forbidden();
  return m.orgId;
}

/** Every hub the caller may see: its own, its cooperative's, or (an office) those serving its region. */
export async function visibleHubIds(db: Db, request: FastifyRequest): Promise<string[]> {
  const out = new Set<string>();
  for (const m of authOf(request).memberships) {
    if (m.orgKind === 'hub') out.add(m.orgId);
    if (m.orgKind === 'cooperative') {
      const p = await findParticipation(db, m.orgId);
      if (p) out.add(p.hubId);
    }
  }
  // A government viewer sees the hubs that serve cooperatives of its region.
  const regionCodes = await viewerRegions(db, request);
  if (regionCodes.length) {
    for (const c of await findCooperatives(db, { regionCodes, limit: 100_000 }))
      if (c.hubId) out.add(c.hubId);
  }
  return [...out];
}

function coversRegion(regionCode: string | null, coop: OrganizationTable) {
  return (
    !!regionCode &&
    !!coop.villageCode &&
    (coop.villageCode === regionCode || coop.villageCode.startsWith(`${regionCode}.`))
  );
}

/**
 * Tenancy, enforced on the server: cooperative users reach only their
 * cooperative; hub users the cooperatives participating in their hub;
 * government viewers read (never write) every cooperative of their region.
 */
export async function authorizeCooperative(
  db: Db,
  request: FastifyRequest,
  coopId: string,
  mode: 'read' | 'write',
  roles: Role[],
): Promise<OrganizationTable> {
  const auth = authOf(request);
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', {
      message: 'Koperasi tidak ditemukan',
      messageEn: 'Cooperative not found',
    });
  request.auditOrgId = coopId;
  for (const m of auth.memberships) {
    const role = m.role as Role;
    if (!roles.includes(role)) continue;
    if (m.orgId === coopId && COOP_ROLES.includes(role)) return coop;
    if (m.orgKind === 'hub' && HUB_ROLES.includes(role)) {
      const p = await findParticipation(db, coopId, { hubId: m.orgId });
      if (p) return coop;
    }
    if (mode === 'read' && role === 'gov_viewer' && m.orgKind === 'government') {
      const gov = await findOrganizationById(db, m.orgId);
      if (gov && coversRegion(gov.regionCode, coop)) return coop;
    }
  }
  forbidden();
}

/** Access to an organization's books: the hub's own users, or the cooperative's readers. */
export async function authorizeOrganization(
  db: Db,
  request: FastifyRequest,
  orgId: string,
  roles: Role[],
): Promise<OrganizationTable> {
  const org = await findOrganizationById(db, orgId);
  if (!org)
    throw new DomainError('NotFound', {
      message: 'Organisasi tidak ditemukan',
      messageEn: 'Organization not found',
    });
  if (org.kind === 'cooperative') return authorizeCooperative(db, request, orgId, 'read', roles);
  const auth = authOf(request);
  if (auth.memberships.some((m) => m.orgId === orgId && roles.includes(m.role as Role))) return org;
  forbidden();
}

/** The government region codes a gov_viewer reads. */
export async function viewerRegions(db: Db, request: FastifyRequest): Promise<string[]> {
  const out: string[] = [];
  for (const m of authOf(request).memberships) {
    if (m.role !== 'gov_viewer') continue;
    const gov = await findOrganizationById(db, m.orgId);
    if (gov?.regionCode) out.push(gov.regionCode);
  }
  return out;
}
