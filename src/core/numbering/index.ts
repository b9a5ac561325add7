export type * from './numbering.table.ts';
export {
  codeFromName,
  formatDocumentNumber,
  issuerCodeOf,
  numberMatches,
  numberSearchPattern,
  type DocumentNumberParts,
} from './document-number.ts';
export { allocateDocumentNumber } from './allocate-document-number.ts';
export { findSequences } from './numbering.repository.ts';
