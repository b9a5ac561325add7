import { api, unwrap } from '../../app/api.ts';
import { XLSX_TYPE } from '../../ui/FileImport.tsx';

type UploadPath =
  | '/api/v1/programs/{programId}/participants/import'
  | '/api/v1/programs/{programId}/periods/{month}/payroll-results'
  | '/api/v1/cooperatives/import';

/** Sends a CSV: small ones as JSON `{csv}`, larger ones as a raw `text/csv` body (the server's 8 MiB limit). */
export async function postCsv<T>(
  path: UploadPath,
  pathParams: { programId?: string; month?: string },
  csv: string,
): Promise<T> {
  const small = new Blob([csv]).size <= 90_000;
  const res = await api.POST(path as '/api/v1/programs/{programId}/participants/import', {
    params: { path: pathParams as { programId: string } },
    body: (small ? { csv } : csv) as never,
    ...(small
      ? {}
      : {
          bodySerializer: (b: unknown) => b as string,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
  });
  return unwrap(res) as T;
}

/** The XLSX media type (defined beside the import form). */
export { XLSX_TYPE };

/** Sends a chosen file: an .xlsx workbook as its bytes (the XLSX media type), anything else as CSV. */
export async function postSheet<T>(
  path: UploadPath,
  pathParams: { programId?: string; month?: string },
  file: File,
): Promise<T> {
  if (file.type !== XLSX_TYPE && !/\.xlsx$/i.test(file.name))
    return postCsv<T>(path, pathParams, await file.text());
  const res = await api.POST(path as '/api/v1/programs/{programId}/participants/import', {
    params: { path: pathParams as { programId: string } },
    body: new Uint8Array(await file.arrayBuffer()) as never,
    bodySerializer: (b: unknown) => b as Uint8Array,
    headers: { 'content-type': XLSX_TYPE },
  });
  return unwrap(res) as T;
}

/** The text of a chosen file, or the pasted text. */
export async function csvFrom(file: File | undefined, pasted: string): Promise<string> {
  return file ? file.text() : pasted;
}
