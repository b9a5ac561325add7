/** The URL of a statement's PDF (served by the API, opened in a new tab). */
export function statementPdfUrl(coopId: string, statementId: string) {
  return `/api/v1/cooperatives/${encodeURIComponent(coopId)}/statements/${encodeURIComponent(statementId)}/pdf`;
}
