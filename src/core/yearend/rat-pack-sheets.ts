import { writeXlsxSheets, type XlsxSheet } from '../shared/xlsx.ts';
import type { RatPack } from './rat-pack.types.ts';
import type { ShuKey } from './shu.types.ts';
import { statementsSheets } from './statements-sheets.ts';

/** The AD/ART's allocation keys in words, as the RAT pack prints them. */
export const SHU_KEY_NAMES: Record<ShuKey, string> = {
  cadangan: 'Cadangan',
  jasa_anggota: 'Jasa anggota (jasa usaha dan jasa modal)',
  pengurus: 'Dana pengurus',
  karyawan: 'Dana karyawan',
  pendidikan: 'Dana pendidikan',
  sosial: 'Dana sosial',
  pembangunan_daerah: 'Dana pembangunan daerah kerja',
};

/**
 * The SHU sheets of the RAT pack workbook: "Pembagian SHU" (the split by the
 * AD/ART, key in words, percent, amount) and "SHU Anggota" (one row per
 * member); amounts and percentages as numbers.
 */
export function shuSheets(pack: RatPack): XlsxSheet[] {
  const { shu } = pack;
  const status =
    pack.status === 'draft' ? 'DRAF — belum diputuskan RAT' : 'Final (tahun buku ditutup)';
  const allocation: XlsxSheet = {
    name: 'Pembagian SHU',
    rows: [
      [`Pembagian SHU ${pack.cooperative.name} tahun buku ${pack.year}`],
      ['Status', status],
      ['SHU tahun berjalan', shu.shu],
      [],
      ['Kunci', 'Pos pembagian', 'Persen', 'Jumlah'],
      ...shu.allocation.map((a) => [a.key, SHU_KEY_NAMES[a.key], a.percent, a.amount]),
      [
        '',
        'Jumlah',
        shu.allocation.reduce((t, a) => t + a.percent, 0),
        shu.allocation.reduce((t, a) => t + a.amount, 0),
      ],
      [],
      ['jasa_usaha', 'Jasa usaha (menurut pembelian)', shu.rules.jasaUsahaPercent, shu.jasaUsaha],
      [
        'jasa_modal',
        'Jasa modal (menurut simpanan pokok dan wajib)',
        shu.rules.jasaModalPercent,
        shu.jasaModal,
      ],
    ],
  };
  const members: XlsxSheet = {
    name: 'SHU Anggota',
    rows: [
      [
        'No. anggota',
        'Nama',
        'Pembelian',
        'Simpanan pokok dan wajib',
        'Jasa usaha',
        'Jasa modal',
        'Jumlah',
      ],
      ...shu.members.map((m) => [
        m.memberNo,
        m.name,
        m.purchases,
        m.savings,
        m.jasaUsaha,
        m.jasaModal,
        m.total,
      ]),
    ],
  };
  return [allocation, members];
}

/** The RAT pack as one workbook: the statements' sheets, then the SHU split and the members' SHU. */
export function ratPackXlsx(pack: RatPack): Uint8Array {
  return writeXlsxSheets([...statementsSheets(pack.statements), ...shuSheets(pack)]);
}
