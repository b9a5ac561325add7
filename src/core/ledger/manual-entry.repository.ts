import type { Db } from '../../db/database.ts';
import type { DocType } from '../shared/doc-type.ts';
import type {
  DepreciationTable,
  FixedAssetTable,
  ManualJournalEntryTable,
} from './manual.table.ts';

/** An organization's kind (`hub`, `cooperative`, …), to pick its book; undefined when unknown. */
export async function findOrganizationKind(db: Db, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organization')
    .select('kind')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.kind;
}

export async function findManualEntry(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('manualJournalEntry')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertManualEntry(db: Db, row: ManualJournalEntryTable): Promise<void> {
  await db.insertInto('manualJournalEntry').values(row).execute();
}

/** The journal lines one document posted in an organization's book, in line order. */
export async function findLinesOfDocument(db: Db, orgId: string, docType: DocType, docId: string) {
  return db
    .selectFrom('journalEntry as e')
    .innerJoin('journalLine as l', (j) =>
      j
        .onRef('l.orgId', '=', 'e.orgId')
        .onRef('l.entryId', '=', 'e.id')
        .onRef('l.entryDate', '=', 'e.entryDate'),
    )
    .select(['e.entryDate', 'e.memo', 'l.accountCode', 'l.debit', 'l.credit'])
    .where('e.orgId', '=', orgId)
    .where('e.docType', '=', docType)
    .where('e.docId', '=', docId)
    .orderBy('l.lineNo')
    .execute();
}

export async function findFixedAsset(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('fixedAsset')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertFixedAsset(db: Db, row: FixedAssetTable): Promise<void> {
  await db.insertInto('fixedAsset').values(row).execute();
}

/** Fixed assets (of one organization, or all), by acquisition date then id. */
export async function findFixedAssets(db: Db, orgId?: string): Promise<FixedAssetTable[]> {
  let q = db.selectFrom('fixedAsset').selectAll();
  if (orgId) q = q.where('orgId', '=', orgId);
  return q.orderBy('orgId').orderBy('acquiredOn').orderBy('id').execute();
}

/** Each asset's depreciation so far: its sum and its last month. */
export async function findDepreciationTotals(db: Db, orgId?: string) {
  let q = db
    .selectFrom('depreciation')
    .select((eb) => [
      'orgId',
      'assetId',
      eb.fn.sum<number | string>('amount').as('total'),
      eb.fn.max('month').as('lastMonth'),
    ])
    .groupBy(['orgId', 'assetId']);
  if (orgId) q = q.where('orgId', '=', orgId);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      `${r.orgId}|${r.assetId}`,
      { total: Number(r.total), lastMonth: r.lastMonth },
    ]),
  );
}

/** The months of one asset's depreciation already posted. */
export async function findDepreciatedMonths(
  db: Db,
  orgId: string,
  assetId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('depreciation')
    .select('month')
    .where('orgId', '=', orgId)
    .where('assetId', '=', assetId)
    .execute();
  return new Set(rows.map((r) => r.month));
}

export async function insertDepreciation(db: Db, row: DepreciationTable): Promise<void> {
  await db.insertInto('depreciation').values(row).execute();
}

/** The years an organization has closed (its books before their end are locked). */
export async function findClosedYears(db: Db, orgId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('fiscalYearClose')
    .select('year')
    .where('orgId', '=', orgId)
    .execute();
  return new Set(rows.map((r) => Number(r.year)));
}
