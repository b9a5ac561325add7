import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DocType } from '../shared/doc-type.ts';

/** Σ debit and Σ credit per account up to a date (every counterparty together). */
export async function sumAccountsAsOf(db: Db, orgId: string, asOf: string) {
  return db
    .selectFrom('journalLine')
    .select([
      'accountCode',
      sql<number>`sum(debit)`.as('debit'),
      sql<number>`sum(credit)`.as('credit'),
    ])
    .where('orgId', '=', orgId)
    .where('entryDate', '<=', asOf)
    .groupBy('accountCode')
    .orderBy('accountCode')
    .execute();
}

/** Σ debit and Σ credit per account and kind of document, for lines dated in a period. */
export async function sumAccountsByDocType(db: Db, orgId: string, from: string, to: string) {
  return db
    .selectFrom('journalLine as l')
    .innerJoin('journalEntry as e', (j) =>
      j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
    )
    .select([
      'l.accountCode',
      'e.docType',
      sql<number>`sum(l.debit)`.as('debit'),
      sql<number>`sum(l.credit)`.as('credit'),
    ])
    .where('l.orgId', '=', orgId)
    .where('l.entryDate', '>=', from)
    .where('l.entryDate', '<=', to)
    .groupBy(['l.accountCode', 'e.docType'])
    .orderBy('l.accountCode')
    .orderBy('e.docType')
    .execute();
}

export interface CashEntryLine {
  entryId: string;
  docType: DocType;
  accountCode: string;
  debit: number;
  credit: number;
}

/** Every line of the entries in a period that have a line on one of the cash accounts. */
export async function findCashEntryLines(
  db: Db,
  orgId: string,
  from: string,
  to: string,
  cashCodes: readonly string[],
): Promise<CashEntryLine[]> {
  return db
    .selectFrom('journalLine as l')
    .innerJoin('journalEntry as e', (j) =>
      j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
    )
    .select(['l.entryId', 'e.docType', 'l.accountCode', 'l.debit', 'l.credit'])
    .where('l.orgId', '=', orgId)
    .where('l.entryDate', '>=', from)
    .where('l.entryDate', '<=', to)
    .where('l.entryId', 'in', (eb) =>
      eb
        .selectFrom('journalLine as c')
        .select('c.entryId')
        .where('c.orgId', '=', orgId)
        .where('c.entryDate', '>=', from)
        .where('c.entryDate', '<=', to)
        .where('c.accountCode', 'in', [...cashCodes]),
    )
    .orderBy('l.entryId')
    .orderBy('l.lineNo')
    .execute();
}
