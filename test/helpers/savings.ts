import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { newId } from '../../src/core/shared/ids.ts';

/**
 * A member put straight into the registry (the registry's own commands are
 * tested in members.db.test.ts): the savings tests need only who they are.
 */
export async function insertMember(
  db: Kysely<Database>,
  orgId: string,
  m: { memberNo: string; name: string; joinedOn: string; phone?: string; nik?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('member')
    .values({
      orgId,
      id,
      memberNo: m.memberNo,
      nik: m.nik ?? `15710141019${m.memberNo.padStart(5, '0')}`,
      name: m.name,
      gender: 'P',
      birthDate: '1991-10-01',
      joinedOn: m.joinedOn,
      status: 'active',
      leftOn: null,
      phone: m.phone ?? null,
      address: null,
      role: null,
      contentHash: 'uji',
      createdBy: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

/**
 * What the cooperative's books say a member saved: Σ (credit − debit) of
 * its journal lines on 3101, 3102 and 2102 whose entry is a `savings`
 * document of that member.
 */
export async function savingsInBooks(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
): Promise<number> {
  const row = await db
    .selectFrom('journalLine as l')
    .innerJoin('journalEntry as e', (j) =>
      j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
    )
    .innerJoin('savingsTransaction as t', (j) =>
      j.onRef('t.orgId', '=', 'e.orgId').onRef('t.id', '=', 'e.docId'),
    )
    .select(sql<number>`coalesce(sum(l.credit - l.debit), 0)`.as('n'))
    .where('l.orgId', '=', orgId)
    .where('e.docType', '=', 'savings')
    .where('t.memberId', '=', memberId)
    .where('l.accountCode', 'in', ['3101', '3102', '2102'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The cooperative's journal lines of one savings document, as account → debit/credit. */
export async function savingsEntryOf(db: Kysely<Database>, orgId: string, docId: string) {
  return db
    .selectFrom('journalLine as l')
    .innerJoin('journalEntry as e', (j) =>
      j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
    )
    .select(['l.accountCode', 'l.debit', 'l.credit', 'e.entryDate'])
    .where('l.orgId', '=', orgId)
    .where('e.docType', '=', 'savings')
    .where('e.docId', '=', docId)
    .orderBy('l.lineNo')
    .execute();
}
