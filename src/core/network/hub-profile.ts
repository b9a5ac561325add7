import type { Db } from '../../db/database.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import type { OrganizationTable } from './network.table.ts';
import {
  findOrganizationById,
  findOrganizationByShortCode,
  updateOrganization,
} from './network.repository.ts';
import { findRegion } from './regions.ts';

/** A short code as document numbers carry it: capitals, digits and dashes, 2 to 12 of them. */
export const SHORT_CODE_PATTERN = '^[A-Z0-9-]{2,12}$';
const SHORT_CODE_RE = new RegExp(SHORT_CODE_PATTERN);

export const isShortCode = (s: string) => SHORT_CODE_RE.test(s);

/** The fields of the hub's profile, besides its id and region. */
const PROFILE_FIELDS = [
  'name',
  'shortCode',
  'legalNumber',
  'nikKoperasi',
  'npwp',
  'bankName',
  'bankAccountNo',
  'bankAccountName',
  'address',
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The hub's own data: what its documents and statements print (legal data, bank account, address). */
export type HubProfile = Pick<OrganizationTable, 'id' | 'regionCode' | ProfileField> & {
  regionName: string | null;
};

/** The changeable fields: a string sets one, null clears it (the name cannot be cleared). */
export interface UpdateHubProfileInput {
  name?: string;
  shortCode?: string | null;
  legalNumber?: string | null;
  nikKoperasi?: string | null;
  npwp?: string | null;
  bankName?: string | null;
  bankAccountNo?: string | null;
  bankAccountName?: string | null;
  address?: string | null;
}

type ProfileSet = Partial<Pick<OrganizationTable, ProfileField>>;

/** The hub, or NotFound. */
export async function loadHub(db: Db, hubId: string): Promise<OrganizationTable> {
  const hub = await findOrganizationById(db, hubId);
  if (!hub || hub.kind !== 'hub')
    throw new DomainError('NotFound', {
      message: 'Hub tidak ditemukan',
      messageEn: 'Hub not found',
    });
  return hub;
}

export async function getHubProfile(db: Db, hubId: string): Promise<HubProfile> {
  const hub = await loadHub(db, hubId);
  const region = hub.regionCode ? await findRegion(hub.regionCode) : undefined;
  const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, hub[f]])) as Pick<
    OrganizationTable,
    ProfileField
  >;
  return { id: hub.id, ...fields, regionCode: hub.regionCode, regionName: region?.name ?? null };
}

/** Digits of a number as people write it (`01.234.567.8-901.000`, `1100 0123 45678`). */
const digitsOf = (s: string) => s.replace(/[\s.-]/g, '');

/** What the fields must look like; a field's value as stored (trimmed, digits only for numbers). */
const RULES: {
  [K in keyof UpdateHubProfileInput]-?: {
    normalize: (s: string) => string;
    ok: (s: string) => boolean;
    message: string;
    id: string;
    en: string;
  };
} = {
  name: {
    normalize: (s) => s.trim(),
    ok: (s) => s.length >= 1 && s.length <= 200,
    message: 'required, at most 200 characters',
    id: 'nama wajib diisi (paling banyak 200 karakter)',
    en: 'the name is required (at most 200 characters)',
  },
  shortCode: {
    normalize: (s) => s.trim(),
    ok: isShortCode,
    message: `must match ${SHORT_CODE_PATTERN}`,
    id: 'kode singkat 2–12 huruf kapital, angka atau tanda hubung (mis. KANA-JBI)',
    en: 'the short code is 2–12 capital letters, digits or dashes (e.g. KANA-JBI)',
  },
  legalNumber: {
    normalize: (s) => s.trim(),
    ok: (s) => s.length <= 100,
    message: 'at most 100 characters',
    id: 'nomor badan hukum paling banyak 100 karakter',
    en: 'the legal entity number has at most 100 characters',
  },
  nikKoperasi: {
    normalize: digitsOf,
    ok: (s) => /^\d{16}$/.test(s),
    message: 'must be 16 digits',
    id: 'NIK koperasi harus 16 angka',
    en: 'the cooperative NIK must be 16 digits',
  },
  npwp: {
    normalize: digitsOf,
    ok: (s) => /^(\d{15}|\d{16})$/.test(s),
    message: 'must be 15 or 16 digits',
    id: 'NPWP harus 15 atau 16 angka',
    en: 'the NPWP must be 15 or 16 digits',
  },
  bankName: {
    normalize: (s) => s.trim(),
    ok: (s) => s.length <= 100,
    message: 'at most 100 characters',
    id: 'nama bank paling banyak 100 karakter',
    en: 'the bank name has at most 100 characters',
  },
  bankAccountNo: {
    normalize: digitsOf,
    ok: (s) => /^\d{5,20}$/.test(s),
    message: 'must be 5 to 20 digits',
    id: 'nomor rekening harus 5–20 angka',
    en: 'the account number must be 5 to 20 digits',
  },
  bankAccountName: {
    normalize: (s) => s.trim(),
    ok: (s) => s.length <= 100,
    message: 'at most 100 characters',
    id: 'nama pemilik rekening paling banyak 100 karakter',
    en: "the account holder's name has at most 100 characters",
  },
  address: {
    normalize: (s) => s.trim(),
    ok: (s) => s.length <= 300,
    message: 'at most 300 characters',
    id: 'alamat paling banyak 300 karakter',
    en: 'the address has at most 300 characters',
  },
};

/**
 * Changes the hub's profile. Keeps: a name; the short code's shape and that
 * no other organization has it (`AlreadyExists`); NPWP of 15 or 16 digits,
 * NIK koperasi of 16, an account number of 5 to 20 (dots, dashes and spaces
 * as people write them are dropped). An empty text clears a field.
 */
export async function updateHubProfile(
  db: Db,
  hubId: string,
  input: UpdateHubProfileInput,
): Promise<HubProfile> {
  await loadHub(db, hubId);
  const set: ProfileSet = {};
  const errors: ErrorDetail[] = [];
  const id: string[] = [];
  const en: string[] = [];
  for (const key of PROFILE_FIELDS) {
    const raw = input[key];
    if (raw === undefined) continue;
    const rule = RULES[key];
    const value = raw === null ? '' : rule.normalize(raw);
    if (value === '' && key !== 'name') {
      set[key] = null;
      continue;
    }
    if (!rule.ok(value)) {
      errors.push({ path: `/${key}`, message: rule.id, messageEn: rule.message });
      id.push(rule.id);
      en.push(rule.en);
      continue;
    }
    set[key] = value;
  }
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: `Profil hub tidak valid: ${id.join('; ')}`,
      messageEn: `Invalid hub profile: ${en.join('; ')}`,
      details: errors,
    });
  if (set.shortCode) {
    const other = await findOrganizationByShortCode(db, set.shortCode);
    if (other && other.id !== hubId)
      throw new DomainError('AlreadyExists', {
        message: `Kode singkat ${set.shortCode} sudah dipakai ${other.name}`,
        messageEn: `The short code ${set.shortCode} is already used by ${other.name}`,
        details: [
          {
            path: '/shortCode',
            message: 'sudah dipakai organisasi lain',
            messageEn: 'used by another organization',
          },
        ],
      });
  }
  if (Object.keys(set).length) await updateOrganization(db, hubId, set);
  return getHubProfile(db, hubId);
}
