import type { Db } from '../../db/database.ts';
import { insertLocations, type LocationKind } from '../inventory/index.ts';
import { isValidBusinessDate } from '../shared/business-date.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type {
  OfficerRole,
  OrganizationTable,
  OrgKind,
  ParticipationTable,
  SettlementPeriod,
  SubsidyMode,
} from './network.table.ts';
import {
  findOrganizationById,
  findOrganizationByName,
  findOrganizationByVillageCode,
  findOrganizationsByKinds,
  findParticipation,
  insertOfficers,
  insertOrganization,
  insertParticipation,
  lockOrganizationName,
} from './network.repository.ts';
import { findRegion, findVillage } from './regions.ts';

const LOCATIONS_BY_KIND: Record<OrgKind, { kind: LocationKind; name: string }[]> = {
  hub: [
    { kind: 'warehouse', name: 'Gudang Utama' },
    { kind: 'supplier', name: 'Pemasok' },
    { kind: 'loss', name: 'Susut Gudang' },
  ],
  cooperative: [
    { kind: 'store', name: 'Toko' },
    { kind: 'transit', name: 'Dalam Perjalanan' },
    { kind: 'customer', name: 'Pelanggan' },
    { kind: 'loss', name: 'Susut' },
  ],
  government: [],
  employer: [],
};

export interface CreateOrganizationInput {
  id?: string;
  kind: OrgKind;
  name: string;
  regionCode?: string;
  provinceCode?: string;
  regencyCode?: string;
  legalNumber?: string;
  nikKoperasi?: string;
  npwp?: string;
  bankName?: string;
  bankAccountNo?: string;
  bankAccountName?: string;
}

function blankOrganization(id: string, kind: OrgKind, name: string, now: Date): OrganizationTable {
  return {
    id,
    kind,
    name,
    villageCode: null,
    villageName: null,
    districtCode: null,
    districtName: null,
    regencyCode: null,
    provinceCode: null,
    regionCode: null,
    legalNumber: null,
    nikKoperasi: null,
    npwp: null,
    bankName: null,
    bankAccountNo: null,
    bankAccountName: null,
    status: 'active',
    createdAt: now.toISOString(),
  };
}

/**
 * Creates a hub, government body (a Dinas, a Pemkot) or employer with its
 * standard locations. Keeps: a region code, when given (required for a
 * government body or an employer), is a real Kemendagri province, regency/city
 * or district; no second organization of the same kind, name and region
 * (`AlreadyExists`).
 */
export async function createOrganization(
  db: Db,
  input: CreateOrganizationInput,
  clock: Clock,
): Promise<OrganizationTable> {
  if (input.kind === 'cooperative') throw new Error('Use createCooperative for cooperatives');
  const name = input.name.trim();
  const errors: ErrorDetail[] = [];
  const id: string[] = [];
  const en: string[] = [];
  if (!name) {
    errors.push({ path: '/name', message: 'required' });
    id.push('nama wajib diisi');
    en.push('the name is required');
  }
  const region = input.regionCode === undefined ? undefined : await findRegion(input.regionCode);
  if (input.regionCode === undefined) {
    if (input.kind === 'government' || input.kind === 'employer') {
      errors.push({ path: '/regionCode', message: 'required' });
      id.push('kode wilayah wajib diisi');
      en.push('the region code is required');
    }
  } else if (!region) {
    errors.push({
      path: '/regionCode',
      message: 'unknown Kemendagri province, regency/city or district code',
    });
    id.push(`kode wilayah ${input.regionCode} tidak dikenal (Kemendagri: 15, 15.71 atau 15.71.01)`);
    en.push(`unknown region code ${input.regionCode} (Kemendagri: 15, 15.71 or 15.71.01)`);
  }
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: `Data organisasi tidak valid: ${id.join('; ')}`,
      messageEn: `Invalid organization: ${en.join('; ')}`,
      details: errors,
    });
  const regionCode = region?.code ?? null;
  await lockOrganizationName(db, input.kind, name, regionCode);
  if (await findOrganizationByName(db, input.kind, name, regionCode)) {
    throw new DomainError('AlreadyExists', {
      message: `${name}${region ? ` (${region.name})` : ''} sudah terdaftar`,
      messageEn: `${name}${region ? ` (${region.name})` : ''} already exists`,
      details: [{ path: '/name', message: 'an organization of this kind, name and region exists' }],
    });
  }
  const row: OrganizationTable = {
    ...blankOrganization(input.id ?? newId(), input.kind, name, clock.now()),
    regionCode,
    provinceCode: input.provinceCode ?? region?.provinceCode ?? null,
    regencyCode: input.regencyCode ?? region?.regencyCode ?? null,
    legalNumber: input.legalNumber ?? null,
    nikKoperasi: input.nikKoperasi ?? null,
    npwp: input.npwp ?? null,
    bankName: input.bankName ?? null,
    bankAccountNo: input.bankAccountNo ?? null,
    bankAccountName: input.bankAccountName ?? null,
  };
  await insertOrganization(db, row);
  await insertLocations(
    db,
    LOCATIONS_BY_KIND[input.kind].map((l) => ({
      id: newId(),
      orgId: row.id,
      kind: l.kind,
      name: l.name,
    })),
  );
  return row;
}

/** A government body or employer as the hub admin's list shows it. */
export interface OrganizationItem {
  id: string;
  kind: 'government' | 'employer';
  name: string;
  regionCode: string;
  regionName: string;
}

/** A government body or employer as the list shows it, with its region's official name. */
export async function organizationItemOf(
  org: OrganizationTable & { kind: 'government' | 'employer' },
): Promise<OrganizationItem> {
  const region = org.regionCode ? await findRegion(org.regionCode) : undefined;
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    regionCode: org.regionCode ?? '',
    regionName: region?.name ?? '',
  };
}

const isOffice = (
  o: OrganizationTable,
): o is OrganizationTable & { kind: 'government' | 'employer' } =>
  o.kind === 'government' || o.kind === 'employer';

/**
 * The government bodies and employers (national: not per hub), by name; with
 * `kind`, only those of that kind.
 */
export async function listOrganizations(
  db: Db,
  kind?: 'government' | 'employer',
): Promise<OrganizationItem[]> {
  const rows = await findOrganizationsByKinds(db, kind ? [kind] : ['government', 'employer']);
  const items = await Promise.all(rows.filter(isOffice).map(organizationItemOf));
  // Sorted here, not in SQL: the engines' collations order case and spaces differently.
  const key = (o: OrganizationItem) => `${o.name.toLowerCase()}\u0000${o.id}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface CreateCooperativeInput {
  id?: string;
  name: string;
  villageCode: string;
  legalNumber?: string;
  nikKoperasi?: string;
  npwp?: string;
  bankName?: string;
  bankAccountNo?: string;
  bankAccountName?: string;
  officers?: { role: OfficerRole; name: string; phone?: string }[];
}

/** Creates a KDKMP for an official village code. Keeps: one KDKMP per village (unique constraint). */
export async function createCooperative(
  db: Db,
  input: CreateCooperativeInput,
  clock: Clock,
): Promise<OrganizationTable> {
  const name = input.name.trim();
  if (!name)
    throw new DomainError('ValidationFailed', {
      message: 'Nama koperasi wajib diisi',
      details: [{ path: '/name', message: 'required' }],
    });
  const village = await findVillage(input.villageCode);
  if (!village) {
    throw new DomainError('ValidationFailed', {
      message: `Kode kelurahan/desa ${input.villageCode} tidak dikenal`,
      details: [{ path: '/villageCode', message: 'unknown Kemendagri village code' }],
    });
  }
  if (await findOrganizationByVillageCode(db, input.villageCode)) {
    throw new DomainError('AlreadyExists', {
      message: `Kelurahan/desa ${village.name} sudah memiliki KDKMP`,
      details: [{ path: '/villageCode', message: 'a cooperative already exists for this village' }],
    });
  }
  const row: OrganizationTable = {
    ...blankOrganization(input.id ?? newId(), 'cooperative', name, clock.now()),
    villageCode: village.code,
    villageName: village.name,
    districtCode: village.districtCode,
    districtName: village.districtName,
    regencyCode: village.regencyCode,
    provinceCode: village.provinceCode,
    legalNumber: input.legalNumber ?? null,
    nikKoperasi: input.nikKoperasi ?? null,
    npwp: input.npwp ?? null,
    bankName: input.bankName ?? null,
    bankAccountNo: input.bankAccountNo ?? null,
    bankAccountName: input.bankAccountName ?? null,
  };
  await insertOrganization(db, row);
  await insertLocations(
    db,
    LOCATIONS_BY_KIND.cooperative.map((l) => ({
      id: newId(),
      orgId: row.id,
      kind: l.kind,
      name: l.name,
    })),
  );
  await insertOfficers(
    db,
    (input.officers ?? []).map((o) => ({
      orgId: row.id,
      id: newId(),
      role: o.role,
      name: o.name,
      phone: o.phone ?? null,
    })),
  );
  return row;
}

export interface CreateParticipationInput {
  hubId: string;
  agreementNo: string;
  startDate: string;
  endDate?: string | null;
  exposureLimit: number;
  monthlySubsidy?: number;
  settlementPeriod?: SettlementPeriod;
  paymentTermsDays?: number;
  graceDays?: number;
  subsidyMode?: SubsidyMode;
}

/** Joins a cooperative to a hub's Koperasi Manis program with its terms. */
export async function createParticipation(
  db: Db,
  coopId: string,
  input: CreateParticipationInput,
  clock: Clock,
): Promise<ParticipationTable> {
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', { message: 'Koperasi tidak ditemukan' });
  const hub = await findOrganizationById(db, input.hubId);
  if (!hub || hub.kind !== 'hub')
    throw new DomainError('NotFound', { message: 'Hub tidak ditemukan' });
  const errors: { path: string; message: string }[] = [];
  if (!input.agreementNo.trim()) errors.push({ path: '/agreementNo', message: 'required' });
  if (!isValidBusinessDate(input.startDate))
    errors.push({ path: '/startDate', message: 'must be YYYY-MM-DD' });
  if (
    input.endDate != null &&
    (!isValidBusinessDate(input.endDate) || input.endDate < input.startDate)
  ) {
    errors.push({ path: '/endDate', message: 'must be a date on or after startDate' });
  }
  for (const [k, v] of Object.entries({
    exposureLimit: input.exposureLimit,
    monthlySubsidy: input.monthlySubsidy ?? 0,
    paymentTermsDays: input.paymentTermsDays ?? 0,
    graceDays: input.graceDays ?? 0,
  })) {
    if (!Number.isSafeInteger(v) || v < 0)
      errors.push({ path: `/${k}`, message: 'must be a non-negative integer' });
  }
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data kepesertaan tidak valid',
      details: errors,
    });
  if (await findParticipation(db, coopId, { hubId: hub.id })) {
    throw new DomainError('AlreadyExists', {
      message: 'Koperasi sudah menjadi peserta program hub ini',
    });
  }
  const row: ParticipationTable = {
    orgId: coopId,
    id: newId(),
    hubId: hub.id,
    program: 'koperasi_manis',
    agreementNo: input.agreementNo.trim(),
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    exposureLimit: input.exposureLimit,
    monthlySubsidy: input.monthlySubsidy ?? 2_000_000,
    settlementPeriod: input.settlementPeriod ?? 'monthly',
    paymentTermsDays: input.paymentTermsDays ?? 14,
    graceDays: input.graceDays ?? 7,
    subsidyMode: input.subsidyMode ?? 'payout',
    createdAt: clock.now().toISOString(),
  };
  await insertParticipation(db, row);
  return row;
}

/** The organization, or NotFound. */
export async function loadOrganization(db: Db, id: string): Promise<OrganizationTable> {
  const org = await findOrganizationById(db, id);
  if (!org)
    throw new DomainError('NotFound', {
      message: 'Organisasi tidak ditemukan',
      messageEn: 'Organization not found',
    });
  return org;
}
