import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/database.ts';
import { addDays } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import type { CsvRow } from '../shared/csv.ts';
import { contentHash, newId } from '../shared/ids.ts';
import { readTable } from '../shared/tabular.ts';
import { checkMemberFields, type CheckedMember } from './member-fields.ts';
import { formatMemberNo, sameName } from './member-rules.ts';
import {
  findAllMembers,
  insertMembers,
  lockLastMemberNumber,
  updateMemberRow,
} from './members.repository.ts';
import type { MemberTable } from './members.table.ts';
import { nikTaken } from './members.service.ts';
import { loadDistrictCodes } from './nik.ts';

/** The columns a members file must have; `telepon` and `alamat` are optional. */
export const MEMBER_COLUMNS = ['nik', 'nama', 'tanggal_masuk'] as const;
/** Every column of a members file, as the export writes them. */
export const MEMBER_FILE_COLUMNS = [...MEMBER_COLUMNS, 'telepon', 'alamat'] as const;
/** The headers a SIMKOPDES export (and people typing one) use for the same columns (any case). */
export const MEMBER_COLUMN_ALIASES: Readonly<Record<string, string>> = {
  'nama lengkap': 'nama',
  'nama anggota': 'nama',
  'tanggal masuk': 'tanggal_masuk',
  'tanggal bergabung': 'tanggal_masuk',
  tanggal_bergabung: 'tanggal_masuk',
  'no hp': 'telepon',
  'no. hp': 'telepon',
  no_hp: 'telepon',
};

export interface MemberImportResult {
  imported: number;
  updated: number;
  rejected: { row: number; errors: string[] }[];
}

/** The rows of a members file (CSV text or bytes, or XLSX); an unreadable file is refused whole. */
export function readMemberFile(file: string | Uint8Array): Promise<CsvRow[]> {
  return readTable(file, MEMBER_COLUMNS, { aliases: MEMBER_COLUMN_ALIASES });
}

/** Rows checked per turn of the event loop. */
const CHECK_SLICE = 2_000;
/** An Excel date number (days since 1899-12-30) in the years 1900–2099. */
const EXCEL_SERIAL_RE = /^\d{1,5}$/;

/**
 * A file's date as `YYYY-MM-DD`: `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY`,
 * or the date number a spreadsheet stores; anything else comes back as it is
 * (and is refused as no valid date).
 */
export function fileDate(text: string): string {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (EXCEL_SERIAL_RE.test(t) && Number(t) > 0) return addDays('1899-12-30', Number(t));
  return t;
}

/**
 * A cell as stored: the quote the exports put before a leading `=`, `+`, `-`
 * or `@` (so that a spreadsheet shows it as text) taken off again, so that an
 * exported file imports as what was exported.
 */
const unquoted = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');

interface NewRow {
  line: number;
  member: CheckedMember;
}

/**
 * Imports members from a file's rows (`readMemberFile`). Each row is judged on
 * its own and reported with every reason (Indonesian, English in brackets):
 * the NIK as `checkNik` says, once per file (a later row naming the earlier
 * one); a name; a valid join date, not in the future, not before the birth
 * date; a valid phone. A NIK already a member of the cooperative under the
 * same name counts as `updated` (a phone or address the row gives replaces
 * the stored one); under another name the row is refused. New members get
 * the next member numbers in the order they joined (then file order).
 * Writes only the valid rows, in batches, in the caller's transaction.
 */
export async function importMembers(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  rows: CsvRow[],
): Promise<MemberImportResult> {
  const today = todayWib(ctx.clock);
  const districts = await loadDistrictCodes();
  const lastNo = await lockLastMemberNumber(db, coopId);
  const known = new Map((await findAllMembers(db, coopId)).map((m) => [m.nik, m]));
  const seen = new Map<string, number>();
  const rejected: MemberImportResult['rejected'] = [];
  const fresh: NewRow[] = [];
  const changes: { id: string; set: Partial<Pick<MemberTable, 'phone' | 'address'>> }[] = [];
  let updated = 0;
  for (const [i, r] of rows.entries()) {
    if (i > 0 && i % CHECK_SLICE === 0) await nextTurn();
    const v = r.values;
    const checked = checkMemberFields(
      {
        nik: v.nik ?? '',
        name: unquoted(v.nama ?? ''),
        joinedOn: fileDate(v.tanggal_masuk ?? ''),
        phone: v.telepon,
        address: unquoted(v.alamat ?? ''),
      },
      districts,
      today,
    );
    const errors = checked.ok ? [] : checked.problems.map((p) => `${p.id} (${p.en})`);
    const nik = (v.nik ?? '').replace(/\s+/g, '');
    const first = seen.get(nik);
    if (first !== undefined)
      errors.push(`NIK ganda dalam berkas, sudah di baris ${first} (NIK already on row ${first})`);
    else if (nik) seen.set(nik, r.line);
    const existing = known.get(nik);
    if (existing && !sameName(existing.name, unquoted(v.nama ?? ''))) {
      const taken = nikTaken(existing);
      errors.push(`${taken.id} (${taken.en})`);
    }
    if (errors.length || !checked.ok) {
      rejected.push({ row: r.line, errors });
      continue;
    }
    if (!existing) {
      fresh.push({ line: r.line, member: checked.member });
      continue;
    }
    updated++;
    const { phone, address } = checked.member;
    const set = {
      ...(phone && phone !== existing.phone ? { phone } : {}),
      ...(address && address !== existing.address ? { address } : {}),
    };
    if (Object.keys(set).length) changes.push({ id: existing.id, set });
  }
  const now = ctx.clock.now().toISOString();
  fresh.sort((a, b) => a.member.joinedOn.localeCompare(b.member.joinedOn) || a.line - b.line);
  await insertMembers(
    db,
    fresh.map(({ member: { facts, ...m } }, i): MemberTable => ({
      orgId: coopId,
      id: newId(),
      memberNo: formatMemberNo(lastNo + 1 + i),
      ...m,
      gender: facts.gender,
      birthDate: facts.birthDate,
      status: 'active',
      leftOn: null,
      role: null,
      contentHash: contentHash(m),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const c of changes) await updateMemberRow(db, coopId, c.id, { ...c.set, updatedAt: now });
  return { imported: fresh.length, updated, rejected };
}
