import type { Db } from '../../db/database.ts';
import { findOrganizationById, findVillage } from '../network/index.ts';
import { monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { MAX_FILE_ROWS, parseCsv } from './csv.ts';
import { nipErrors } from './nip.ts';
import { loadProgram } from './program.service.ts';
import type { SembakoParticipantTable } from './sembako.table.ts';
import {
  findCooperativesOfVillages,
  findParticipantNips,
  upsertParticipants,
} from './sembako.repository.ts';

export const ROSTER_COLUMNS = ['nip', 'nama', 'opd', 'telepon', 'kode_kelurahan'] as const;
/** A roster file over this many rows is refused whole (PayloadTooLarge): never imported in part. */
export const MAX_ROSTER_ROWS = MAX_FILE_ROWS;

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: { row: number; nip: string; errors: string[] }[];
}

const PHONE_RE = /^\+?\d{8,16}$/;

/**
 * Imports the roster (CSV `nip,nama,opd,telepon,kode_kelurahan`). Each row
 * is judged on its own: valid rows are inserted or update the participant
 * (name, OPD, phone, kelurahan; the pickup cooperative becomes the
 * kelurahan's KDKMP), invalid rows are reported with every reason and change
 * nothing. A NIP twice in one file is an error on the second row. A file of
 * more than MAX_ROSTER_ROWS rows is refused whole, before anything is written.
 */
export async function importParticipants(
  db: Db,
  ctx: CommandContext,
  programId: string,
  csv: string,
): Promise<ImportResult> {
  const program = await loadProgram(db, programId);
  const rows = parseCsv(csv, ROSTER_COLUMNS, { maxRows: MAX_ROSTER_ROWS });
  const sponsor = await findOrganizationById(db, program.orgId);
  const region = sponsor?.regionCode ?? null;
  const thisMonth = monthOf(todayWib(ctx.clock));
  const seen = new Map<string, number>();
  const rejected: ImportResult['rejected'] = [];
  const valid: { nip: string; name: string; opd: string; phone: string | null; village: string }[] =
    [];
  const villageOk = new Map<string, boolean>();
  for (const r of rows) {
    const v = r.values;
    const nip = (v.nip ?? '').replace(/\s+/g, '');
    const errors = nipErrors(nip, thisMonth);
    const first = seen.get(nip);
    if (first !== undefined)
      errors.push(`NIP ganda dalam berkas, sudah di baris ${first} (NIP already on row ${first})`);
    else if (nip) seen.set(nip, r.line);
    const name = v.nama ?? '';
    if (!name) errors.push('nama wajib diisi (name required)');
    else if (name.length > 200) errors.push('nama terlalu panjang (name over 200 characters)');
    const opd = v.opd ?? '';
    if (!opd) errors.push('OPD wajib diisi (OPD required)');
    else if (opd.length > 200) errors.push('OPD terlalu panjang (OPD over 200 characters)');
    const phone = (v.telepon ?? '').replace(/[\s.-]/g, '');
    if (phone && !PHONE_RE.test(phone))
      errors.push(`nomor telepon ${v.telepon} tidak valid (phone number not valid)`);
    const code = v.kode_kelurahan ?? '';
    if (!villageOk.has(code)) {
      const village = code ? await findVillage(code) : undefined;
      villageOk.set(
        code,
        !!village && (!region || code === region || code.startsWith(`${region}.`)),
      );
    }
    if (!villageOk.get(code))
      errors.push(
        code
          ? `kode kelurahan ${code} tidak dikenal di wilayah program (unknown kelurahan code)`
          : 'kode kelurahan wajib diisi (kelurahan code required)',
      );
    if (errors.length) rejected.push({ row: r.line, nip, errors });
    else valid.push({ nip, name, opd, phone: phone || null, village: code });
  }
  const known = await findParticipantNips(db, program.orgId, programId);
  const coops = await findCooperativesOfVillages(db, [...new Set(valid.map((v) => v.village))]);
  const now = ctx.clock.now().toISOString();
  const out: SembakoParticipantTable[] = valid.map((v) => ({
    orgId: program.orgId,
    programId,
    nip: v.nip,
    name: v.name,
    opd: v.opd,
    phone: v.phone,
    villageCode: v.village,
    pickupCooperativeId: coops.get(v.village) ?? null,
    payrollAuthRef: null,
    userId: null,
    activationCodeHash: null,
    activationIssuedAt: null,
    activatedAt: null,
    createdAt: now,
    updatedAt: now,
  }));
  await upsertParticipants(db, out);
  const updated = valid.filter((v) => known.has(v.nip)).length;
  return { imported: valid.length - updated, updated, rejected };
}
