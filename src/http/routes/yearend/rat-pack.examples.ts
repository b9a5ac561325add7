/** The RAT pack's PDF, as the OpenAPI document shows it. */
export const ratPackPdfExample =
  '%PDF-1.3 … (binary: the RAT pack as an A4 PDF, every page numbered "Halaman n dari m")';
