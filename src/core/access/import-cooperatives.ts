import type { Db } from '../../db/database.ts';
import {
  createCooperative,
  findOfficers,
  findOrganizationByVillageCode,
  findParticipation,
  findVillage,
  insertOfficers,
  updateOfficer,
  type OrganizationTable,
} from '../network/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { CsvRow } from '../shared/csv.ts';
import { newId } from '../shared/ids.ts';
import { readTable } from '../shared/tabular.ts';
import { findStoredMemberships, findUserByEmail, insertUser } from './access.repository.ts';
import { NO_PASSWORD } from './password.ts';
import { EMAIL_RE } from './user.service.ts';

/*
 * This flow lives in `access` rather than `network`: it creates users as well as cooperatives, and
 * `access` already depends on `network` (never the other way round).
 */

/** The columns a cooperatives file must have; `nama_pengurus`, `email_pengurus`, `telepon` are optional. */
export const COOPERATIVE_COLUMNS = ['nama', 'kode_desa'] as const;
/**
 * A cooperatives file over this many rows is refused whole (PayloadTooLarge). A hub's network is a
 * few hundred villages; every row is its own cooperative, officers and user, written in the one
 * transaction of the import, so a larger file is split rather than held in one transaction.
 */
export const MAX_COOPERATIVE_ROWS = 5_000;

const PHONE_RE = /^\+?\d{8,16}$/;

export interface CooperativeImportResult {
  imported: number;
  updated: number;
  rejected: { row: number; errors: string[] }[];
}

/** The rows of a cooperatives file (CSV text or bytes, or XLSX); an unreadable file is refused whole. */
export function readCooperativeFile(file: string | Uint8Array): Promise<CsvRow[]> {
  return readTable(file, COOPERATIVE_COLUMNS, { maxRows: MAX_COOPERATIVE_ROWS });
}

const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

interface ValidRow {
  name: string;
  villageCode: string;
  officer: { name: string; phone: string | null } | undefined;
  email: string | undefined;
  existing: OrganizationTable | undefined;
}

/**
 * Imports cooperatives from a file's rows (`readCooperativeFile`), one KDKMP per village. Each row
 * is judged on its own and reported with every reason (Indonesian, English in parentheses): `nama`
 * required; `kode_desa` a real Kemendagri village code, once per file; a village that already has
 * a cooperative of another name refuses the row; an e-mail already used by another user too. A
 * village whose cooperative has the same name counts as `updated` (its chairman's name and phone
 * as the file gives them), so the same file imported again creates nothing twice. A row with
 * `email_pengurus` gets the cooperative's manager (`coop_manager`), invited: without a password
 * until an activation code (`exportManagerActivationCodes`) sets one; the row's phone is theirs.
 * A village whose cooperative takes part with another hub refuses the row without naming it: a
 * hub changes only its own network. Writes only the valid rows, in the caller's
 * transaction.
 */
export async function importCooperatives(
  db: Db,
  rows: CsvRow[],
  clock: Clock,
  hubId: string,
): Promise<CooperativeImportResult> {
  const rejected: CooperativeImportResult['rejected'] = [];
  const valid: ValidRow[] = [];
  const villageRow = new Map<string, number>();
  const emailRow = new Map<string, number>();
  for (const r of rows) {
    const v = r.values;
    const errors: string[] = [];
    const name = (v.nama ?? '').replace(/\s+/g, ' ');
    if (!name) errors.push('nama wajib diisi (name required)');
    else if (name.length > 200) errors.push('nama terlalu panjang (name over 200 characters)');
    const code = v.kode_desa ?? '';
    const village = code ? await findVillage(code) : undefined;
    if (!code) errors.push('kode desa wajib diisi (village code required)');
    else if (!village)
      errors.push(
        `kode desa ${code} tidak dikenal Kemendagri (unknown Kemendagri village code ${code})`,
      );
    else if (villageRow.has(village.code)) {
      const first = villageRow.get(village.code)!;
      errors.push(
        `kode desa ${code} ganda dalam berkas, sudah di baris ${first}; satu KDKMP per desa (village already on row ${first}; one cooperative per village)`,
      );
    } else villageRow.set(village.code, r.line);
    const officerName = (v.nama_pengurus ?? '').replace(/\s+/g, ' ');
    const email = (v.email_pengurus ?? '').toLowerCase();
    const phone = (v.telepon ?? '').replace(/[\s.-]/g, '');
    if (officerName.length > 200)
      errors.push('nama pengurus terlalu panjang (officer name over 200 characters)');
    if (phone && !PHONE_RE.test(phone))
      errors.push(`nomor telepon ${v.telepon} tidak valid (phone number not valid)`);
    if ((email || phone) && !officerName)
      errors.push(
        'nama pengurus wajib diisi bila e-mail atau telepon diisi (officer name required with an e-mail or phone)',
      );
    if (email && (!EMAIL_RE.test(email) || email.length > 254))
      errors.push(`e-mail ${email} tidak valid (not an e-mail address)`);
    else if (email && emailRow.has(email)) {
      const first = emailRow.get(email)!;
      errors.push(
        `e-mail ${email} ganda dalam berkas, sudah di baris ${first} (e-mail already on row ${first})`,
      );
    } else if (email) emailRow.set(email, r.line);
    // What the database already holds: the village's cooperative, the e-mail's user.
    const existing =
      village && !errors.length ? await findOrganizationByVillageCode(db, village.code) : undefined;
    const otherHub =
      existing &&
      (await findParticipation(db, existing.id)) &&
      !(await findParticipation(db, existing.id, { hubId }));
    if (otherHub)
      errors.push(
        `desa ${village!.name} sudah memiliki KDKMP di jaringan hub lain (the village's cooperative takes part with another hub)`,
      );
    else if (existing && !sameName(existing.name, name))
      errors.push(
        `desa ${village!.name} sudah memiliki KDKMP ${existing.name}; satu KDKMP per desa (the village already has a cooperative, ${existing.name})`,
      );
    if (email && !errors.length) {
      const user = await findUserByEmail(db, email);
      const manages =
        user &&
        existing &&
        (await findStoredMemberships(db, user.id)).some(
          (m) => m.orgId === existing.id && m.role === 'coop_manager',
        );
      if (user && !manages)
        errors.push(`e-mail ${email} sudah dipakai pengguna lain (e-mail already in use)`);
    }
    if (errors.length) rejected.push({ row: r.line, errors });
    else
      valid.push({
        name,
        villageCode: village!.code,
        officer: officerName ? { name: officerName, phone: phone || null } : undefined,
        email: email || undefined,
        existing,
      });
  }
  let imported = 0;
  for (const row of valid) {
    const coop =
      row.existing ??
      (await createCooperative(db, { name: row.name, villageCode: row.villageCode }, clock));
    if (!row.existing) imported++;
    if (row.officer) await saveChairman(db, coop.id, row.officer);
    if (row.email && !(await findUserByEmail(db, row.email))) {
      const id = newId();
      await insertUser(
        db,
        {
          id,
          email: row.email,
          name: row.officer!.name,
          passwordHash: NO_PASSWORD,
          locale: 'id',
          disabled: 0,
          createdAt: clock.now().toISOString(),
          phone: row.officer!.phone,
        },
        [{ userId: id, orgId: coop.id, role: 'coop_manager' }],
      );
    }
  }
  return { imported, updated: valid.length - imported, rejected };
}

/** The cooperative's chairman (ketua) as the file names them: added, changed, or left as it is. */
async function saveChairman(
  db: Db,
  orgId: string,
  officer: { name: string; phone: string | null },
): Promise<void> {
  const chairman = (await findOfficers(db, orgId)).find((o) => o.role === 'ketua');
  if (!chairman)
    return insertOfficers(db, [{ orgId, id: newId(), role: 'ketua', memberId: null, ...officer }]);
  const phone = officer.phone ?? chairman.phone;
  if (chairman.name !== officer.name || chairman.phone !== phone)
    await updateOfficer(db, orgId, chairman.id, { name: officer.name, phone });
}
