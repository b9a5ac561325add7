import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';

type Preview =
  paths['/api/v1/documents/{docType}/{docId}/reversal']['get']['responses'][200]['content']['application/json'];

/** The documents a reversal undoes (API.md, "Corrections"). */
export type DocType = Preview['docType'];

/** What reversing a document would post (previewReversal), or what its reversal was. */
export type ReversalPreview = Preview;

export async function previewReversal(docType: DocType, docId: string): Promise<ReversalPreview> {
  return unwrap(
    await api.GET('/api/v1/documents/{docType}/{docId}/reversal', {
      params: { path: { docType, docId } },
    }),
  );
}

/** The reversal with its client id: sent twice, it is the same reversal (the first answer again). */
export function postReversal(
  docType: DocType,
  docId: string,
  body: { id: string; reason: string; date?: string },
) {
  return api.POST('/api/v1/documents/{docType}/{docId}/reverse', {
    params: { path: { docType, docId } },
    body,
  });
}

export async function reverseDocument(
  docType: DocType,
  docId: string,
  body: { id: string; reason: string },
) {
  return unwrap(await postReversal(docType, docId, body));
}
