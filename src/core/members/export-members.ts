import type { Db } from '../../db/database.ts';
import { toCsv } from '../shared/csv.ts';
import { writeXlsx } from '../shared/xlsx.ts';
import { MEMBER_FILE_COLUMNS } from './import-members.ts';
import { findAllMembers } from './members.repository.ts';

/**
 * The registry as a file in the import's own columns (`nik, nama,
 * tanggal_masuk, telepon, alamat`), in member-number order: importing it
 * again changes nothing (every row `updated`). Text cells are made
 * formula-safe by the writers (a name `=1+1` is written `'=1+1`); the NIK is
 * text in the workbook, never a number a spreadsheet would round.
 */
export async function exportMembers(
  db: Db,
  coopId: string,
  format: 'csv' | 'xlsx',
): Promise<string | Uint8Array> {
  const rows = (await findAllMembers(db, coopId)).map((m) => [
    m.nik,
    m.name,
    m.joinedOn,
    m.phone ?? '',
    m.address ?? '',
  ]);
  const header = [...MEMBER_FILE_COLUMNS];
  return format === 'csv' ? toCsv(header, rows) : writeXlsx('Anggota', [header, ...rows]);
}
