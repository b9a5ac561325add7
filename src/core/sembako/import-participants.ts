import { setImmediate as nextTurn } from 'node:timers/promises';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import { findOrganizationById, findVillage } from '../network/index.ts';
import { monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, isDomainError } from '../shared/errors.ts';
import { MAX_FILE_ROWS, parseCsvInSlices } from '../shared/csv.ts';
import { nipErrors } from './nip.ts';
import { loadProgram } from './program.service.ts';
import type { SembakoParticipantTable } from './sembako.table.ts';
import {
  analyzeParticipants,
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
/** Rows checked per turn of the event loop (~4 ms here). */
const CHECK_SLICE = 1_000;
/** Rows per statement; on SQLite, per transaction (~10 ms here). */
const WRITE_CHUNK = 1_000;

/**
 * Imports the roster (CSV `nip,nama,opd,telepon,kode_kelurahan`). Each row
 * is judged on its own: valid rows are inserted or update the participant
 * (name, OPD, phone, kelurahan; the pickup cooperative becomes the
 * kelurahan's KDKMP), invalid rows are reported with every reason and change
 * nothing. A NIP twice in one file is an error on the second row. A file of
 * more than MAX_ROSTER_ROWS rows is refused whole, before anything is written.
 *
 * A 50,000-row file takes the server a second or two; other requests are
 * answered meanwhile: the file is read and checked a slice at a time with a
 * turn of the event loop between slices, and written as `writeRoster` says.
 * On PostgreSQL the roster's statistics are refreshed after writing (`analyzeParticipants`).
 */
export async function importParticipants(
  db: Db,
  ctx: CommandContext,
  programId: string,
  csv: string,
): Promise<ImportResult> {
  const program = await loadProgram(db, programId);
  const rows = await parseCsvInSlices(csv, ROSTER_COLUMNS, { maxRows: MAX_ROSTER_ROWS });
  const sponsor = await findOrganizationById(db, program.orgId);
  const region = sponsor?.regionCode ?? null;
  const thisMonth = monthOf(todayWib(ctx.clock));
  const seen = new Map<string, number>();
  const rejected: ImportResult['rejected'] = [];
  const valid: { nip: string; name: string; opd: string; phone: string | null; village: string }[] =
    [];
  const villageOk = new Map<string, boolean>();
  for (const [i, r] of rows.entries()) {
    if (i > 0 && i % CHECK_SLICE === 0) await nextTurn();
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
  const coops = await findCooperativesOfVillages(
    db,
    [...villageOk].filter(([, ok]) => ok).map(([code]) => code),
  );
  const now = ctx.clock.now().toISOString();
  await writeRoster(db, valid, (v) => ({
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
  if (valid.length) await analyzeParticipants(db);
  const updated = valid.filter((v) => known.has(v.nip)).length;
  return { imported: valid.length - updated, updated, rejected };
}

/**
 * Writes the valid rows of a roster (an upsert keyed by sponsor, program and
 * NIP). In the caller's transaction when given one: all or nothing, as its
 * commit decides. Otherwise in transactions of its own:
 * - PostgreSQL: one transaction (all or nothing); the server waits on the
 *   database meanwhile, so other requests are served.
 * - SQLite: better-sqlite3 is synchronous and every request shares its one
 *   connection, so one transaction of 50,000 rows would hold the server for
 *   half a second. The rows go in chunks of WRITE_CHUNK, each its own short
 *   transaction, with a turn of the event loop between them: other requests'
 *   reads and writes go in between. Every chunk is whole rows as the file
 *   gives them, and writing a row again gives the same row: if the server
 *   stops between chunks (crash, power loss), sending the same file again
 *   completes the import (rows already in count as updated). If a chunk
 *   fails, the answer says how many rows were saved and to send the file again.
 */
async function writeRoster<T>(
  db: Db,
  rows: T[],
  toRow: (row: T) => SembakoParticipantTable,
): Promise<void> {
  const write = (trx: Db, from: number) =>
    upsertParticipants(trx, rows.slice(from, from + WRITE_CHUNK).map(toRow));
  const writeAll = async (trx: Db) => {
    for (let from = 0; from < rows.length; from += WRITE_CHUNK) await write(trx, from);
  };
  if (db.isTransaction) return writeAll(db);
  if (engineOf(db) === 'postgres') return db.transaction().execute(writeAll);
  let saved = 0;
  try {
    for (; saved < rows.length; saved += WRITE_CHUNK) {
      if (saved > 0) await nextTurn();
      await db.transaction().execute((trx) => write(trx, saved));
    }
  } catch (e) {
    if (saved === 0) throw e;
    throw stoppedPartWay(e, saved, rows.length);
  }
}

/** A write that failed after some chunks were saved: the answer says so (the failure itself is its `cause`). */
function stoppedPartWay(e: unknown, saved: number, total: number): DomainError {
  const why = isDomainError(e)
    ? { id: e.message, en: e.messageEn ?? e.message }
    : { id: 'kesalahan server', en: 'a server error' };
  const err = new DomainError(isDomainError(e) ? e.code : 'InternalError', {
    message: `Impor terhenti (${why.id}) setelah ${saved} dari ${total} baris yang sah tersimpan. Kirim ulang berkas yang sama untuk melengkapinya; baris yang sudah tersimpan ditulis ulang dengan isi yang sama.`,
    messageEn: `The import stopped (${why.en}) after ${saved} of ${total} valid rows were saved. Send the same file again to complete it; rows already saved are written again with the same content.`,
    details: [
      {
        path: '/csv',
        message: `${saved} dari ${total} baris yang sah tersimpan; kirim ulang berkasnya`,
        messageEn: `${saved} of ${total} valid rows saved; send the file again`,
      },
    ],
  });
  err.cause = e;
  return err;
}
