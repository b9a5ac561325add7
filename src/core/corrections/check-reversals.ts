import type { Db } from '../../db/database.ts';
import { bookOf, findAccount, type BookKind } from '../ledger/index.ts';
import { REVERSIBLE_DOC_TYPES } from './corrections.table.ts';
import {
  findAllReversals,
  findJournalFacts,
  findOrgsOfDocument,
  findStockFacts,
} from './corrections.repository.ts';
import { planReversal } from './plan-reversal.ts';

const addTo = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const nonZero = (m: Map<string, number>) => [...m].filter(([, v]) => v !== 0).map(([k]) => k);
const byCooperative = (book: BookKind, code: string) => !!findAccount(book, code)?.byCooperative;

/**
 * For `lumbung verify`: every reversal posted exactly the mirror of its
 * original (original + mirror = 0 per organization, account and
 * counterparty, and per location, product and owner in units and cost; a
 * sale of a sync batch against its own share), and no document is reversed
 * twice. A reversal posted before the hub kept 1302/1303/4101/5101/5201 per
 * cooperative carries no counterparty there: those accounts are then
 * compared per account. Answers the problems found.
 */
export async function findReversalProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of await findAllReversals(db)) {
    const doc = `${r.docType} ${r.docId}`;
    if (seen.has(doc)) problems.push(`${doc} is reversed more than once`);
    seen.add(doc);
    if (!(REVERSIBLE_DOC_TYPES as readonly string[]).includes(r.docType)) {
      problems.push(`reversal ${r.id}: ${r.docType} is not a reversible document`);
      continue;
    }
    const plan = await planReversal(db, r.docType, r.orgId, r.docId, { blockers: false });
    // The plan reads the books of the document's tenant and hub only: it posted in no other.
    const posted = [...plan.journal.map((e) => e.orgId), ...plan.stock.map((s) => s.orgId)];
    for (const orgId of await findOrgsOfDocument(db, r.docType, r.docId))
      if (!posted.includes(orgId) && orgId !== plan.orgId && orgId !== plan.hubId)
        problems.push(`${doc} posted in ${orgId}, outside its tenant and hub`);
    const orgIds = r.orgIds.split(',').filter(Boolean);
    const books = new Map<string, number>();
    const facts = await findJournalFacts(db, orgIds, ['reversal'], r.id);
    const legacy = facts.some(
      (f) => !f.counterpartyOrgId && byCooperative(bookOf(f), f.accountCode),
    );
    const keyOf = (orgId: string, book: BookKind, account: string, cp: string) =>
      `${orgId}|${account}|${legacy && byCooperative(book, account) ? '' : cp}`;
    for (const e of plan.journal)
      for (const l of e.lines)
        addTo(
          books,
          keyOf(e.orgId, e.book, l.account, l.counterpartyOrgId ?? ''),
          l.debit - l.credit,
        );
    for (const f of facts)
      addTo(
        books,
        keyOf(f.orgId, bookOf(f), f.accountCode, f.counterpartyOrgId),
        f.credit - f.debit,
      );
    const stock = new Map<string, number>();
    for (const s of plan.stock)
      for (const m of s.moves) {
        addTo(stock, `${m.from.id}>${m.to.id}|${m.productId}|${m.ownerOrgId}|qty`, m.qty);
        addTo(stock, `${m.from.id}>${m.to.id}|${m.productId}|${m.ownerOrgId}|value`, m.value);
      }
    for (const f of await findStockFacts(db, orgIds, 'reversal', r.id)) {
      addTo(
        stock,
        `${f.fromLocationId}>${f.toLocationId}|${f.productId}|${f.ownerOrgId}|qty`,
        -f.qty,
      );
      addTo(
        stock,
        `${f.fromLocationId}>${f.toLocationId}|${f.productId}|${f.ownerOrgId}|value`,
        -f.value,
      );
    }
    for (const k of nonZero(books))
      problems.push(`reversal ${r.id} of ${doc}: books do not mirror the original at ${k}`);
    for (const k of nonZero(stock))
      problems.push(`reversal ${r.id} of ${doc}: stock does not mirror the original at ${k}`);
  }
  return problems;
}
