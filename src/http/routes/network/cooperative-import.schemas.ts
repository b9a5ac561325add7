import { Type } from 'typebox';
import { DomainError } from '../../../core/shared/errors.ts';
import { XLSX } from '../sembako/periods.schemas.ts';
import { csvBody, csvOf } from '../sembako/sembako.schemas.ts';

const COLUMNS = 'nama;kode_desa;nama_pengurus;email_pengurus;telepon';

/** The cooperatives file: as the roster's CSV body (text/csv or JSON {csv}), or an XLSX workbook's bytes. */
export const CooperativesFile = (() => {
  const csv = csvBody(
    COLUMNS,
    `${COLUMNS}\nKDKMP Legok;15.71.01.1001;Siti Aminah;siti@example.id;081234567890\n`,
  );
  return {
    description: `CSV (${COLUMNS}; nama_pengurus, email_pengurus and telepon optional), semicolon or comma, UTF-8 with or without BOM, as a text/csv body or JSON {csv}; or the same columns in the first sheet of an XLSX workbook`,
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

/** The file of a body `CooperativesFile` admitted: the workbook's bytes, or the CSV text. */
export function cooperativesFileOf(body: unknown): string | Uint8Array {
  if (body instanceof Uint8Array) {
    if (body.length === 0)
      throw new DomainError('ValidationFailed', {
        message: 'Berkas kosong',
        messageEn: 'The file is empty',
        details: [{ path: '/file', message: 'wajib diisi', messageEn: 'required' }],
      });
    return body;
  }
  return csvOf(body);
}

export const CooperativeImportResult = Type.Object({
  imported: Type.Integer({ description: 'cooperatives created' }),
  updated: Type.Integer({
    description: 'rows whose village already has this cooperative (same name): nothing created',
  }),
  rejected: Type.Array(
    Type.Object({
      row: Type.Integer({ description: "the row's line in the file; the header is row 1" }),
      errors: Type.Array(Type.String()),
    }),
  ),
});
