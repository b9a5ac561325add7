import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listVillagesIn, type Village } from '../../src/core/network/index.ts';
import { writeXlsx } from '../../src/core/shared/xlsx.ts';

/** The first hub admin, created with `lumbung user create`. */
export const ADMIN = {
  email: 'admin@kana-jambi.test',
  name: 'Admin Kana Jambi',
  password: 'go-live-rahasia-1',
  hub: 'Koperasi Kana Cabang Jambi',
};
export const DINAS = 'Dinas Koperasi dan UKM Kota Jambi';
export const MANAGER_PASSWORD = 'pengurus-rahasia-1';
/** The cashier the manager invites. */
export const CASHIER = {
  name: 'Kasir Simpang IV Sipin',
  email: 'kasir.simpang-iv-sipin@kdkmp.test',
  password: 'kasir-rahasia-1',
};
/** The hub's first product, priced before any ceiling was entered (Rp 18.000, above the HET to come). */
export const GULA = {
  sku: 'GKP-1',
  name: 'Gula Kristal Putih 1 kg',
  consignment: 16_000,
  retail: 18_000,
};

/** Today's WIB business date. */
const wibDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(at);
export const today = wibDate(new Date());
/** The agreement was signed a week ago and is entered today (documents come after the fact). */
export const signedOn = wibDate(new Date(Date.now() - 7 * 86_400_000));

export interface CooperativesFile {
  path: string;
  /** The cooperative whose manager the test follows (the file's first row). */
  first: { name: string; village: Village; manager: string; email: string };
  /** A Kota Jambi village the file leaves out: registered one by one with the form. */
  spare: Village;
  /** The refused rows by number (the header is row 1), with what their reasons say. */
  bad: { row: number; reason: RegExp; reasonEn: RegExp }[];
  good: number;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * An XLSX cooperatives file of 20 rows for real Kota Jambi (15.71) villages, written with the
 * project's own workbook writer: 17 good rows, each with its manager, and 3 bad ones — an unknown
 * village code (row 6), a row without a name (row 12), a village already on row 2 (row 19).
 */
export async function writeCooperativesFile(): Promise<CooperativesFile> {
  const villages = await listVillagesIn('15.71');
  const spare = villages[villages.length - 1]!;
  const pool = villages.slice(0, 17);
  const rows: (string | number)[][] = [['nama', 'kode_desa', 'nama_pengurus', 'email_pengurus']];
  const good = (v: Village) => [
    `KDKMP ${v.name}`,
    v.code,
    `Pengurus ${v.name}`,
    `pengurus.${slug(v.name)}@kdkmp.test`,
  ];
  for (let row = 2, next = 0; row <= 21; row++) {
    if (row === 6) rows.push(['KDKMP Desa Khayalan', '15.71.01.9999', '', '']);
    else if (row === 12) rows.push(['', villages[17]!.code, '', '']);
    else if (row === 19) rows.push([`KDKMP ${pool[0]!.name} Dua`, pool[0]!.code, '', '']);
    else rows.push(good(pool[next++]!));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'lumbung-golive-file-')), 'koperasi-jambi.xlsx');
  writeFileSync(path, writeXlsx('Koperasi', rows));
  const v0 = pool[0]!;
  return {
    path,
    first: {
      name: `KDKMP ${v0.name}`,
      village: v0,
      manager: `Pengurus ${v0.name}`,
      email: `pengurus.${slug(v0.name)}@kdkmp.test`,
    },
    spare,
    bad: [
      {
        row: 6,
        reason: /15\.71\.01\.9999 tidak dikenal Kemendagri/,
        reasonEn: /unknown Kemendagri/,
      },
      { row: 12, reason: /nama wajib diisi/, reasonEn: /name required/ },
      { row: 19, reason: /ganda dalam berkas, sudah di baris 2/, reasonEn: /already on row 2/ },
    ],
    good: 17,
  };
}
