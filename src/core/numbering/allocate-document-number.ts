import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import { formatDocumentNumber, issuerCodeOf } from './document-number.ts';
import type { DocumentKind } from './numbering.table.ts';
import { takeNextSequenceValue } from './numbering.repository.ts';

/**
 * The next number of a document the issuer writes now, e.g.
 * `SJ/KANA-JBI/2026/12/0001`: counted per issuer, kind and the year of the
 * document's date (the month in the number is the document's month; the count
 * does not restart monthly). Call it inside the transaction that inserts the
 * document, right before the insert and after every check that can refuse
 * the command: a rolled-back document gives its number back, so the numbers
 * of a year have no gap. The issuer's sequence row stays locked until the
 * transaction ends (PostgreSQL), so one issuer's documents of a kind are
 * numbered one transaction at a time.
 */
export async function allocateDocumentNumber(
  db: Db,
  input: { issuerId: string; kind: DocumentKind; date: string },
): Promise<string> {
  const issuer = await findOrganizationById(db, input.issuerId);
  if (!issuer) throw new Error(`Issuer ${input.issuerId} not found`);
  const year = Number(input.date.slice(0, 4));
  const sequence = await takeNextSequenceValue(db, issuer.id, input.kind, year);
  return formatDocumentNumber({
    kind: input.kind,
    issuerCode: issuerCodeOf(issuer),
    date: input.date,
    sequence,
  });
}
