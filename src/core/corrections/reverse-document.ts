import type { Db } from '../../db/database.ts';
import { moveStock } from '../inventory/index.ts';
import { postJournalEntries } from '../ledger/index.ts';
import { todayWib } from '../shared/clock.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { longDate } from '../shared/business-date.ts';
import { contentHash, newId } from '../shared/ids.ts';
import { checkIdAndReason } from './correction-input.ts';
import {
  REVERSIBLE_DOC_TYPES,
  type ReversalTable,
  type ReversibleDocType,
} from './corrections.table.ts';
import {
  findLatestStatementEnd,
  findReversalById,
  findReversalOfDocument,
  insertReversal,
  reopenDeliveryOrder,
} from './corrections.repository.ts';
import { releaseBankLineOf } from '../treasury/index.ts';
import { locateDocument, planReversal, type ReversalPlan } from './plan-reversal.ts';
import { checkReversalRight, type Reverser } from './reversal-rights.ts';

export interface ReversalInput {
  id: string;
  docType: string;
  docId: string;
  reason: string;
  date?: string;
}

export interface ReversalResult {
  id: string;
  docType: ReversibleDocType;
  docId: string;
  date: string;
  /** A reversed payment that came from a bank line: that line, back in the unmatched queue. */
  bankLineId?: string;
}

const LABEL: Record<ReversibleDocType, string> = {
  sale: 'penjualan',
  payment: 'pembayaran',
  goods_receipt: 'penerimaan gudang',
  delivery_receipt: 'penerimaan kiriman',
  return: 'retur',
  stock_count: 'stok opname',
  subsidy_grant: 'subsidi operasional',
  sembako_order: 'pesanan Sembako',
  manual_entry: 'jurnal manual',
};

export const isReversibleDocType = (t: string): t is ReversibleDocType =>
  (REVERSIBLE_DOC_TYPES as readonly string[]).includes(t);

const resultOf = (r: ReversalTable): ReversalResult => ({
  id: r.id,
  docType: r.docType,
  docId: r.docId,
  date: r.reversalDate,
});

/** A document that is itself a reversal, or one reversed already, is refused before anything. */
export async function refuseReversed(db: Db, docType: ReversibleDocType, docId: string) {
  if (await findReversalById(db, docId))
    throw new DomainError('InvalidState', {
      message: 'Pembatalan tidak dapat dibatalkan; catat dokumen yang benar sebagai dokumen baru',
      messageEn: 'A reversal cannot be reversed; record the correct document anew',
    });
  const done = await findReversalOfDocument(db, docType, docId);
  if (done)
    throw new DomainError('AlreadyReversed', {
      message: `Dokumen ini sudah dibatalkan pada ${done.reversalDate}`,
      messageEn: `This document was already reversed on ${done.reversalDate}`,
      details: [
        { path: '/docId', message: `pembatalan ${done.id}`, messageEn: `reversal ${done.id}` },
      ],
    });
}

export function throwIfBlocked(plan: ReversalPlan) {
  if (plan.blockedBy.length === 0) return;
  const names = plan.blockedBy.map((b) => `${b.docType} ${b.number ?? b.docId}`).join(', ');
  throw new DomainError('ReversalBlocked', {
    message: `Batalkan dulu dokumen yang memakai dokumen ini: ${names}`,
    messageEn: `Reverse first the documents that depend on this one: ${names}`,
    details: plan.blockedBy.map((b) => {
      const doc = `${b.docType} ${b.docId}${b.number ? ` ${b.number}` : ''}`;
      return { path: '/blockedBy', message: doc, messageEn: doc };
    }),
  });
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Reverses a posted document: posts the exact mirror of every journal line
 * (debit ↔ credit) and stock move (back, same units and cost) it posted, in
 * every book, dated `date` or today in the open period, and records the
 * reversal (its reason, who, the organizations it touched, what it adds to
 * the cooperative's next statement). Keeps: a document reversed at most once
 * (`AlreadyReversed`, also under concurrency by the unique constraint); a
 * reversal never reversed; no mirror that would take stock a later document
 * already moved (`ReversalBlocked`, naming them); no date in a closed period;
 * idempotency by id (replay → the first result, other content → conflict).
 */
export async function reverseDocument(
  db: Db,
  ctx: CommandContext,
  who: Reverser,
  input: ReversalInput,
): Promise<ReversalResult & { created: boolean }> {
  const errors = checkIdAndReason(input);
  if (!isReversibleDocType(input.docType))
    errors.push({
      path: '/docType',
      message: `harus salah satu dari: ${REVERSIBLE_DOC_TYPES.join(', ')}`,
      messageEn: `must be one of ${REVERSIBLE_DOC_TYPES.join(', ')}`,
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Pembatalan tidak valid',
      details: errors,
    });
  const docType = input.docType as ReversibleDocType;
  const hash = contentHash({
    t: docType,
    d: input.docId,
    r: input.reason.trim(),
    a: input.date ?? null,
  });
  const existing = await findReversalById(db, input.id);
  if (isReplay(existing, hash, 'Pembatalan')) return { ...resultOf(existing!), created: false };

  const { docId, orgId } = await locateDocument(db, docType, input.docId);
  await refuseReversed(db, docType, docId);
  const plan = await planReversal(db, docType, orgId, docId);
  const today = todayWib(ctx.clock);
  checkReversalRight(who, plan, today);
  throwIfBlocked(plan);
  const date = businessDateOf(ctx, input.date);
  if (date < plan.docDate)
    throw new DomainError('ValidationFailed', {
      message: `Tanggal pembatalan tidak boleh sebelum tanggal dokumen (${plan.docDate})`,
      details: [
        {
          path: '/date',
          message: `paling awal ${longDate(plan.docDate)}`,
          messageEn: `must be on or after ${plan.docDate}`,
        },
      ],
    });
  const closedTo = plan.coopId ? await findLatestStatementEnd(db, plan.coopId) : undefined;
  if (closedTo && date <= closedTo)
    throw new DomainError('InvalidState', {
      message: `Periode s.d. ${closedTo} sudah ditutup: pembatalan diberi tanggal sesudahnya (masuk tagihan berikutnya)`,
      messageEn: `The period up to ${closedTo} is closed: date the reversal after it (it lands on the next statement)`,
    });

  const now = ctx.clock.now();
  const orgIds = [
    ...new Set([...plan.journal.map((e) => e.orgId), ...plan.stock.map((s) => s.orgId)]),
  ].sort();
  const row: ReversalTable = {
    id: input.id,
    orgId: plan.orgId,
    docType,
    docId,
    reason: input.reason.trim(),
    reversalDate: date,
    orgIds: orgIds.join(','),
    cooperativeId: plan.coopId,
    ...plan.statement,
    statementId: null,
    contentHash: hash,
    createdBy: who.userId,
    createdAt: now.toISOString(),
  };
  try {
    await insertReversal(db, row);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new DomainError('AlreadyReversed', {
      message: 'Dokumen ini sudah dibatalkan',
      messageEn: 'This document was already reversed',
    });
  }
  const memo = `Pembatalan ${LABEL[docType]} ${plan.number ?? docId}: ${row.reason}`;
  await moveStock(
    db,
    plan.stock.map((s) => ({
      orgId: s.orgId,
      date,
      docType: 'reversal',
      docId: input.id,
      moves: s.moves,
    })),
    now,
  );
  await postJournalEntries(
    db,
    plan.journal.map((e) => ({
      orgId: e.orgId,
      book: e.book,
      date,
      docType: 'reversal',
      docId: input.id,
      memo,
      lines: e.lines,
    })),
    now,
  );
  // The goods are back in transit: the order can be received again, under a new document id.
  if (docType === 'delivery_receipt') await reopenDeliveryOrder(db, plan.orgId, docId, newId());
  // A payment from a bank line: the line goes back to the hub's unmatched queue, to be matched again.
  const bankLineId =
    docType === 'payment'
      ? await releaseBankLineOf(db, plan.hubId, { kind: 'payment', id: docId })
      : undefined;
  return { ...resultOf(row), ...(bankLineId ? { bankLineId } : {}), created: true };
}

/**
 * Whose document it is, for the access check before the command: the hub's
 * own or a cooperative's (`NotFound` for an unknown one; a reversal is not a
 * document that can be reversed: `InvalidState`).
 */
export async function findReversalTarget(db: Db, docType: ReversibleDocType, docId: string) {
  const found = await locateDocument(db, docType, docId);
  const plan = await planReversal(db, docType, found.orgId, found.docId, { blockers: false });
  return { owner: plan.owner, hubId: plan.hubId, coopId: plan.coopId };
}
