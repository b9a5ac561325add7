import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Every close with its members' total and the 2201 credit of its closing entry. */
export function findClosesWithTotals(db: Db) {
  return db
    .selectFrom('fiscalYearClose as c')
    .select([
      'c.orgId',
      'c.year',
      'c.shu',
      'c.allocation',
      sql<number>`coalesce((select sum(s.total) from shu_member_share s
        where s.org_id = c.org_id and s.year = c.year), 0)`.as('members'),
      sql<number>`coalesce((select sum(l.credit) - sum(l.debit) from journal_entry e
        join journal_line l on l.org_id = e.org_id and l.entry_id = e.id and l.entry_date = e.entry_date
        where e.org_id = c.org_id and e.doc_type = 'fiscal_year_close' and e.doc_id = c.id
          and l.account_code = '2201'), 0)`.as('payable'),
    ])
    .orderBy('c.orgId')
    .orderBy('c.year')
    .execute();
}

/** Journal entries dated in a closed year but written after its close (other than the closing entry). */
export function findEntriesAfterClose(db: Db) {
  return db
    .selectFrom('journalEntry as e')
    .innerJoin('fiscalYearClose as c', 'c.orgId', 'e.orgId')
    .select(['e.orgId', 'e.id', 'e.entryDate', 'e.docType', 'c.year'])
    .where(sql<boolean>`e.entry_date <= ${sql.raw("c.year || '-12-31'")}`)
    .where(sql<boolean>`e.created_at > c.created_at`)
    .where('e.docType', '<>', 'fiscal_year_close')
    .limit(50)
    .execute();
}
