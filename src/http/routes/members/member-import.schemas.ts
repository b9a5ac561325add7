import { Type } from 'typebox';
import { XLSX } from '../sembako/periods.schemas.ts';
import { csvBody } from '../sembako/sembako.schemas.ts';

const COLUMNS = 'nik;nama;tanggal_masuk;telepon;alamat';

/** The members file: a CSV body (text/csv or JSON {csv}), or an XLSX workbook's bytes. */
export const MembersFile = (() => {
  const csv = csvBody(
    COLUMNS,
    `${COLUMNS}\n1571015703920001;Siti Aminah;02/03/2026;081234567890;Jl. Sumantri Brojonegoro RT 05\n`,
  );
  return {
    description: `CSV (${COLUMNS}; telepon and alamat optional), semicolon or comma, UTF-8 with or without BOM, header names in any case — SIMKOPDES headers too: NIK, Nama Lengkap or Nama Anggota, Tanggal Masuk or Tanggal Bergabung, No HP, No. HP or Telepon, Alamat; dates YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY; as a text/csv body or JSON {csv}; or the same columns in the first sheet of an XLSX workbook`,
    content: {
      ...csv.content,
      [XLSX]: {
        schema: Type.Unsafe<Uint8Array>({
          description: 'the .xlsx workbook (binary, up to 8 MiB)',
        }),
      },
    },
  };
})();

export const MemberImportResult = Type.Object({
  imported: Type.Integer({ description: 'members registered, numbered in the order they joined' }),
  updated: Type.Integer({
    description:
      'rows whose NIK is already a member under the same name: nothing created, a phone or address given replaces the stored one',
  }),
  rejected: Type.Array(
    Type.Object({
      row: Type.Integer({ description: "the row's line in the file; the header is row 1" }),
      errors: Type.Array(Type.String(), {
        description: 'each reason, in Indonesian with the English in brackets',
      }),
    }),
  ),
});

/** A members file as the export writes it: CSV text or an XLSX workbook's bytes. */
export const MembersExportFile = (csvExample: string) => ({
  description: 'CSV or XLSX in the import’s columns (nik, nama, tanggal_masuk, telepon, alamat)',
  content: {
    'text/csv': { schema: Type.String(), example: csvExample },
    [XLSX]: { schema: Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' })) },
  },
});
