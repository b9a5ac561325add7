import type { Db } from '../../db/database.ts';
import { findAccount } from '../ledger/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import type { ReversibleDocType } from './corrections.table.ts';
import {
  findOrganizationNames,
  findProductNames,
  findReversalOfDocument,
} from './corrections.repository.ts';
import { locateDocument, planReversal, type BlockingDocument } from './plan-reversal.ts';
import { checkReversalRight, type Reverser } from './reversal-rights.ts';

export interface ReversalPreview {
  docType: ReversibleDocType;
  docId: string;
  reversible: boolean;
  blockedBy?: BlockingDocument[];
  reversedBy?: { id: string; date: string; reason: string };
  journal: {
    orgId: string;
    orgName: string;
    accountCode: string;
    accountName: string;
    debit: number;
    credit: number;
  }[];
  stock: { locationName: string; productName: string; quantity: number }[];
}

/**
 * What reversing a document would post, for the one who may reverse it:
 * each book's mirror lines and each real location's change in units; or who
 * reversed it already, or what must be reversed first. Writes nothing.
 */
export async function previewReversal(
  db: Db,
  clock: Clock,
  who: Reverser,
  docType: ReversibleDocType,
  orderOrReceiptId: string,
): Promise<ReversalPreview> {
  const { docId, orgId } = await locateDocument(db, docType, orderOrReceiptId);
  const plan = await planReversal(db, docType, orgId, docId);
  checkReversalRight(who, plan, todayWib(clock));
  const done = await findReversalOfDocument(db, docType, docId);
  if (done)
    return {
      docType,
      docId,
      reversible: false,
      reversedBy: { id: done.id, date: done.reversalDate, reason: done.reason },
      journal: [],
      stock: [],
    };
  const names = await findOrganizationNames(
    db,
    plan.journal.map((e) => e.orgId),
  );
  const journal = plan.journal.flatMap((e) =>
    e.lines
      .filter((l) => l.debit !== 0 || l.credit !== 0)
      .map((l) => ({
        orgId: e.orgId,
        orgName: names.get(e.orgId) ?? e.orgName,
        accountCode: l.account,
        accountName: findAccount(e.book, l.account)?.name ?? l.account,
        debit: l.debit,
        credit: l.credit,
      })),
  );
  const moves = plan.stock.flatMap((s) => s.moves);
  const products = await findProductNames(db, [...new Set(moves.map((m) => m.productId))]);
  const delta = new Map<string, { locationName: string; productName: string; quantity: number }>();
  for (const m of moves)
    for (const [loc, q] of [
      [m.from, -m.qty],
      [m.to, m.qty],
    ] as const) {
      if (loc.kind !== 'warehouse' && loc.kind !== 'store' && loc.kind !== 'transit') continue;
      const k = `${loc.id}|${m.productId}`;
      const d = delta.get(k) ?? {
        locationName: loc.name,
        productName: products.get(m.productId) ?? m.productId,
        quantity: 0,
      };
      d.quantity += q;
      delta.set(k, d);
    }
  return {
    docType,
    docId,
    reversible: plan.blockedBy.length === 0,
    ...(plan.blockedBy.length ? { blockedBy: plan.blockedBy } : {}),
    journal,
    stock: [...delta.values()].filter((d) => d.quantity !== 0),
  };
}
