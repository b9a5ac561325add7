import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import type {
  BankLineStatus,
  BankLineTable,
  BankStatementTable,
  BankTargetKind,
} from './bank-statement.table.ts';

export async function insertBankStatement(db: Db, row: BankStatementTable): Promise<void> {
  await db.insertInto('bankStatement').values(row).execute();
}

export async function updateBankStatementCounts(
  db: Db,
  hubId: string,
  id: string,
  counts: Pick<BankStatementTable, 'newLines' | 'duplicates' | 'matched'>,
): Promise<void> {
  await db
    .updateTable('bankStatement')
    .set(counts)
    .where('orgId', '=', hubId)
    .where('id', '=', id)
    .execute();
}

/**
 * Inserts a line unless the hub has one with its identity already: true when
 * inserted. Safe under two imports at once: the second waits for the first's
 * row and then inserts nothing (the unique `identity_key` decides).
 */
export async function insertBankLineIfAbsent(db: Db, row: BankLineTable): Promise<boolean> {
  const inserted = await db
    .insertInto('bankLine')
    .values(row)
    .onConflict((oc) => oc.columns(['orgId', 'identityKey']).doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

export async function findBankLine(
  db: Db,
  hubId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<BankLineTable | undefined> {
  let q = db.selectFrom('bankLine').selectAll().where('orgId', '=', hubId).where('id', '=', id);
  if (opts.lock && engineOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function resolveBankLine(
  db: Db,
  hubId: string,
  id: string,
  change: {
    status: Exclude<BankLineStatus, 'unmatched'>;
    cooperativeId?: string | null;
    targetKind?: BankTargetKind | null;
    targetId?: string | null;
    dismissReason?: string | null;
    resolvedBy: string | null;
    resolvedAt: string;
  },
): Promise<void> {
  await db
    .updateTable('bankLine')
    .set(change)
    .where('orgId', '=', hubId)
    .where('id', '=', id)
    .where('status', '=', 'unmatched')
    .execute();
}

/** The matched line that became `target` back to the unmatched queue (its link cleared); its id, if any. */
export async function releaseBankLineOf(
  db: Db,
  hubId: string,
  target: { kind: BankTargetKind; id: string },
): Promise<string | undefined> {
  const line = await db
    .selectFrom('bankLine')
    .select(['orgId', 'id'])
    .where('orgId', '=', hubId)
    .where('targetKind', '=', target.kind)
    .where('targetId', '=', target.id)
    .where('status', '=', 'matched')
    .executeTakeFirst();
  if (!line) return undefined;
  await db
    .updateTable('bankLine')
    .set({
      status: 'unmatched',
      cooperativeId: null,
      targetKind: null,
      targetId: null,
      resolvedBy: null,
      resolvedAt: null,
    })
    .where('orgId', '=', line.orgId)
    .where('id', '=', line.id)
    .execute();
  return line.id;
}

/** The hub's cooperatives by payment reference (those taking part in its network). */
export async function findReferencesOfHub(db: Db, hubId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organization')
    .innerJoin('participation', 'participation.orgId', 'organization.id')
    .select(['organization.id', 'organization.paymentReference'])
    .where('participation.hubId', '=', hubId)
    .where('organization.paymentReference', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.paymentReference!, r.id]));
}

/** Whether a cooperative takes part in the hub's network. */
export async function isCooperativeOfHub(db: Db, hubId: string, coopId: string): Promise<boolean> {
  const row = await db
    .selectFrom('participation')
    .select('orgId')
    .where('hubId', '=', hubId)
    .where('orgId', '=', coopId)
    .executeTakeFirst();
  return !!row;
}

export async function findHubAccountNo(db: Db, hubId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organization')
    .select('bankAccountNo')
    .where('id', '=', hubId)
    .executeTakeFirst();
  return row?.bankAccountNo ?? null;
}

export interface BankLineRow extends BankLineTable {
  cooperativeName: string | null;
  supplierName: string | null;
}

/** The hub's lines, newest first, by status; `after` is the last row's (date, id). */
export async function findBankLines(
  db: Db,
  hubId: string,
  filter: { status?: BankLineStatus; after?: [string, string]; limit: number },
): Promise<BankLineRow[]> {
  let q = db
    .selectFrom('bankLine')
    .leftJoin('organization', 'organization.id', 'bankLine.cooperativeId')
    .leftJoin('supplierPayment', (j) =>
      j
        .onRef('supplierPayment.hubId', '=', 'bankLine.orgId')
        .onRef('supplierPayment.id', '=', 'bankLine.targetId')
        .on('bankLine.targetKind', '=', 'supplier_payment'),
    )
    .leftJoin('supplier', (j) =>
      j
        .onRef('supplier.hubId', '=', 'supplierPayment.hubId')
        .onRef('supplier.id', '=', 'supplierPayment.supplierId'),
    )
    .selectAll('bankLine')
    .select(['organization.name as cooperativeName', 'supplier.name as supplierName'])
    .where('bankLine.orgId', '=', hubId);
  if (filter.status) q = q.where('bankLine.status', '=', filter.status);
  if (filter.after) {
    const [date, id] = filter.after;
    q = q.where((eb) =>
      eb.or([
        eb('bankLine.lineDate', '<', date),
        eb.and([eb('bankLine.lineDate', '=', date), eb('bankLine.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('bankLine.lineDate', 'desc')
    .orderBy('bankLine.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export async function findBankStatements(db: Db, hubId: string, limit: number) {
  return db
    .selectFrom('bankStatement')
    .selectAll()
    .where('orgId', '=', hubId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnmatchedBankLines(db: Db, hubId: string): Promise<number> {
  const row = await db
    .selectFrom('bankLine')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', hubId)
    .where('status', '=', 'unmatched')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findBankDemoFile(db: Db, hubId: string) {
  return db.selectFrom('bankDemoFile').selectAll().where('orgId', '=', hubId).executeTakeFirst();
}

export async function saveBankDemoFile(
  db: Db,
  row: { orgId: string; fileName: string; content: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('bankDemoFile')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('orgId')
        .doUpdateSet({ fileName: row.fileName, content: row.content, createdAt: row.createdAt }),
    )
    .execute();
}

/** The demo's statement file (the demo has one hub), if the demo was seeded. */
export async function findFirstBankDemoFile(db: Db) {
  return db.selectFrom('bankDemoFile').selectAll().orderBy('createdAt').executeTakeFirst();
}
