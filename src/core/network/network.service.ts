import type { Db } from '../../db/database.ts';
import { insertLocations, type LocationKind } from '../inventory/index.ts';
import { forgetKeptFrom } from '../kept/index.ts';
import { isValidBusinessDate, wibDateOf } from '../shared/business-date.ts';
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
import { paymentReferenceOf } from './payment-reference.ts';
import { isShortCode, SHORT_CODE_PATTERN } from './hub-profile.ts';
import {
  DEFAULT_MONTHLY_SALES_POTENTIAL,
  checkTermValues,
  termsOf,
  type Participation,
} from './participation-terms.ts';
import { insertParticipationTerms } from './participation.repository.ts';
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
  /** A hub's short code for document numbers (`KANA-JBI`). */
  shortCode?: string;
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
    shortCode: null,
    address: null,
    paymentReference: null,
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
    errors.push({ path: '/name', message: 'wajib diisi', messageEn: 'required' });
    id.push('nama wajib diisi');
    en.push('the name is required');
  }
  const region = input.regionCode === undefined ? undefined : await findRegion(input.regionCode);
  if (input.shortCode !== undefined && !isShortCode(input.shortCode)) {
    errors.push({
      path: '/shortCode',
      message: 'harus 2–12 huruf kapital, angka atau tanda hubung',
      messageEn: `must match ${SHORT_CODE_PATTERN}`,
    });
    id.push('kode singkat 2–12 huruf kapital, angka atau tanda hubung');
    en.push('the short code is 2–12 capital letters, digits or dashes');
  }
  if (input.regionCode === undefined) {
    if (input.kind === 'government' || input.kind === 'employer') {
      errors.push({ path: '/regionCode', message: 'wajib diisi', messageEn: 'required' });
      id.push('kode wilayah wajib diisi');
      en.push('the region code is required');
    }
  } else if (!region) {
    errors.push({
      path: '/regionCode',
      message: 'kode provinsi, kabupaten/kota atau kecamatan Kemendagri tidak dikenal',
      messageEn: 'unknown Kemendagri province, regency/city or district code',
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
      details: [
        {
          path: '/name',
          message: 'organisasi jenis ini dengan nama dan wilayah ini sudah ada',
          messageEn: 'an organization of this kind, name and region exists',
        },
      ],
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
    shortCode: input.shortCode ?? null,
  };
  await insertOrganization(db, row);
  await insertLocations(
    db,
    LOCATIONS_BY_KIND[input.kind].map((l) => ({
      id: newId(),
      orgId: row.id,
      kind: l.kind,
      name: l.name,
      address: null,
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
      details: [{ path: '/name', message: 'wajib diisi', messageEn: 'required' }],
    });
  const village = await findVillage(input.villageCode);
  if (!village) {
    throw new DomainError('ValidationFailed', {
      message: `Kode kelurahan/desa ${input.villageCode} tidak dikenal`,
      details: [
        {
          path: '/villageCode',
          message: 'kode desa/kelurahan Kemendagri tidak dikenal',
          messageEn: 'unknown Kemendagri village code',
        },
      ],
    });
  }
  if (await findOrganizationByVillageCode(db, input.villageCode)) {
    throw new DomainError('AlreadyExists', {
      message: `Kelurahan/desa ${village.name} sudah memiliki KDKMP`,
      details: [
        {
          path: '/villageCode',
          message: 'desa/kelurahan ini sudah punya koperasi',
          messageEn: 'a cooperative already exists for this village',
        },
      ],
    });
  }
  const row: OrganizationTable = {
    ...blankOrganization(input.id ?? newId(), 'cooperative', name, clock.now()),
    villageCode: village.code,
    paymentReference: paymentReferenceOf(village.code),
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
      address: null,
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
      memberId: null,
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
  /** Rupiah a month (default Rp 200 juta, the program's stated potential). */
  monthlySalesPotential?: number;
}

/**
 * Joins a cooperative to a hub's Koperasi Manis program with its terms: the
 * participation row (the cooperative's lock row) and the first version of its
 * terms, from the start date, made by `changedBy` (a user id).
 */
export async function createParticipation(
  db: Db,
  coopId: string,
  input: CreateParticipationInput,
  clock: Clock,
  changedBy: string | null = null,
): Promise<Participation> {
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', { message: 'Koperasi tidak ditemukan' });
  const hub = await findOrganizationById(db, input.hubId);
  if (!hub || hub.kind !== 'hub')
    throw new DomainError('NotFound', { message: 'Hub tidak ditemukan' });
  const errors: ErrorDetail[] = [];
  if (!input.agreementNo.trim())
    errors.push({ path: '/agreementNo', message: 'wajib diisi', messageEn: 'required' });
  if (!isValidBusinessDate(input.startDate))
    errors.push({
      path: '/startDate',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be YYYY-MM-DD',
    });
  if (
    input.endDate != null &&
    (!isValidBusinessDate(input.endDate) || input.endDate < input.startDate)
  ) {
    errors.push({
      path: '/endDate',
      message: 'harus tanggal yang sama dengan atau setelah tanggal mulai',
      messageEn: 'must be a date on or after startDate',
    });
  }
  errors.push(...checkTermValues(input));
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
    endReason: null,
    endedBy: null,
    endedAt: null,
  };
  await insertParticipation(db, row);
  // A participation entered from a past day changes the hub's kept forecasts of the weeks after it.
  await forgetKeptFrom(db, row.hubId, row.startDate, wibDateOf(clock.now()));
  const terms = {
    ...termsOf({ ...row, monthlySalesPotential: 0 }),
    monthlySalesPotential: input.monthlySalesPotential ?? DEFAULT_MONTHLY_SALES_POTENTIAL,
  };
  await insertParticipationTerms(db, {
    orgId: coopId,
    participationId: row.id,
    effectiveFrom: row.startDate,
    ...terms,
    reason: 'Perjanjian awal',
    changedBy,
    createdAt: row.createdAt,
  });
  return { ...row, ...terms };
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
