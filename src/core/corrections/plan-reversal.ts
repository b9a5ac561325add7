import type { Db } from '../../db/database.ts';
import type { DocType } from '../shared/doc-type.ts';
import { DomainError } from '../shared/errors.ts';
import type { ReversibleDocType } from './corrections.table.ts';
import {
  findDocumentHeader,
  findDocumentTenant,
  findProgramSponsorsOfHub,
  findReversalById,
  findSembakoOrder,
  findSembakoOrderOfSale,
  findSponsorShareOfPayment,
  hasDeduction,
  resolveReceipt,
} from './corrections.repository.ts';
import { findBlockers, type BlockingDocument } from './blockers.ts';
import { findCorrectionsOfReceipt } from './receipt-correction.repository.ts';
import { findRefundsOfSales } from './refund.repository.ts';
import {
  ZERO,
  mirrorJournal,
  mirrorStock,
  notFound,
  planSale,
  type MirrorEntry,
  type MirrorMoves,
} from './mirror.ts';

export type { BlockingDocument, MirrorEntry, MirrorMoves };

/** Everything a reversal of one document would post, and what it needs. */
export interface ReversalPlan {
  docType: ReversibleDocType;
  docId: string;
  /** The original's tenant. */
  orgId: string;
  hubId: string;
  /** The cooperative whose documents these are (null for the hub's own). */
  coopId: string | null;
  /** Whose documents: the hub's (a hub admin reverses them) or a cooperative's. */
  owner: 'hub' | 'cooperative';
  docDate: string;
  number: string | null;
  /** A sale's: who recorded it and its date (a cashier voids their own sale of the day). */
  sale?: { recordedBy: string | null; saleDate: string };
  journal: MirrorEntry[];
  stock: MirrorMoves[];
  /** What the reversal adds to the cooperative's next statement. */
  statement: {
    salesAmount: number;
    shrinkageAmount: number;
    paymentsAmount: number;
    subsidyNettedAmount: number;
  };
  blockedBy: BlockingDocument[];
}

const HUB_DOCS: readonly ReversibleDocType[] = ['goods_receipt', 'payment', 'subsidy_grant'];

function invalid(message: string, messageEn: string): never {
  throw new DomainError('InvalidState', { message, messageEn });
}

/**
 * The document a reversal names, in its tenant: its document id (a delivery receipt named by its
 * order's id: the order's current receipt) and its organization, from one look-up by id.
 * `NotFound` for none; a reversal is not a document that can be reversed (`InvalidState`).
 */
export async function locateDocument(
  db: Db,
  docType: ReversibleDocType,
  docId: string,
): Promise<{ docId: string; orgId: string }> {
  const found =
    docType === 'delivery_receipt'
      ? await resolveReceipt(db, docId)
      : await findDocumentTenant(db, docType, docId).then((orgId) =>
          orgId === undefined ? undefined : { docId, orgId },
        );
  if (found) return found;
  if (await findReversalById(db, docId))
    invalid(
      'Pembatalan tidak dapat dibatalkan; catat dokumen yang benar sebagai dokumen baru',
      'A reversal cannot be reversed; record the correct document anew',
    );
  notFound();
}

/**
 * What reversing `docType`/`docId` would post and what stands in its way. Read-only. `orgId` is
 * the document's tenant (`findDocumentTenant`): every read is of that tenant, its hub or the
 * hub's program sponsors.
 */
export async function planReversal(
  db: Db,
  docType: ReversibleDocType,
  orgId: string,
  docId: string,
  opts: { blockers?: boolean } = {},
): Promise<ReversalPlan> {
  if (docType === 'sale' || docType === 'sembako_order') {
    let saleId = docId;
    let coopId = orgId;
    const blockedBy: BlockingDocument[] = [];
    if (docType === 'sembako_order') {
      const order = await findSembakoOrder(db, orgId, docId);
      if (!order) notFound();
      if (order.status !== 'picked_up' || !order.saleId)
        invalid(
          'Pesanan belum diambil: batalkan pesanannya, bukan membalik',
          'The order was not picked up: cancel it instead',
        );
      if (await hasDeduction(db, order.orgId, order.programId, order.month, order.nip))
        blockedBy.push({ docType: 'sembako_deduction', docId: `${order.month}/${order.nip}` });
      saleId = order.saleId;
      coopId = order.pickupCooperativeId;
    }
    const p = await planSale(db, coopId, saleId);
    if (docType === 'sale') {
      const order = await findSembakoOrderOfSale(
        db,
        saleId,
        await findProgramSponsorsOfHub(db, p.hubId),
      );
      if (order)
        throw new DomainError('InvalidState', {
          message: 'Penjualan ini adalah pengambilan pesanan Sembako: batalkan pesanannya',
          messageEn: 'This sale is the pickup of a Sembako order: reverse the order',
          details: [
            {
              path: '/docId',
              message: `pesanan Sembako ${order.id}`,
              messageEn: `sembako_order ${order.id}`,
            },
          ],
        });
      // A sale partly given back is not reversed whole: the rest is refunded too.
      for (const id of new Set((await findRefundsOfSales(db, p.orgId, [saleId])).map((r) => r.id)))
        blockedBy.push({ docType: 'sale_refund', docId: id });
    }
    return {
      docType,
      docId,
      owner: 'cooperative',
      ...p,
      orgId: docType === 'sembako_order' ? orgId : p.orgId,
      blockedBy,
    };
  }
  const h = await findDocumentHeader(db, docType, orgId, docId);
  if (!h || !h.date) notFound();
  // A manual entry is its book's: the hub's own, or a cooperative's.
  const hubOwned =
    docType === 'manual_entry' ? 'kind' in h && h.kind === 'hub' : HUB_DOCS.includes(docType);
  const owner = hubOwned ? 'hub' : 'cooperative';
  const factType: DocType = docType;
  const journalTypes: DocType[] = [factType];
  let statement = { ...ZERO };
  const blockedBy: BlockingDocument[] = [];
  if (docType === 'payment') {
    statement = { ...ZERO, paymentsAmount: -h.amount };
    const share = await findSponsorShareOfPayment(
      db,
      await findProgramSponsorsOfHub(db, h.hubId),
      docId,
    );
    if (share)
      blockedBy.push({ docType: 'sembako_sponsor_payment', docId: share.sponsorPaymentId });
  } else if (docType === 'stock_count') statement = { ...ZERO, shrinkageAmount: -h.amount };
  else if (docType === 'subsidy_grant') {
    const status = 'status' in h ? h.status : undefined;
    if (status === 'ineligible' || h.amount === 0)
      invalid('Subsidi ini tidak diberikan: tidak ada yang dibalik', 'Nothing was granted');
    if (status === 'paid') blockedBy.push({ docType: 'subsidy_payout', docId });
    if (status === 'netted') {
      journalTypes.push('subsidy_netting');
      statement = { ...ZERO, subsidyNettedAmount: -h.amount };
    }
  }
  // A corrected receipt is corrected back, not reversed (the correction would be left over).
  if (docType === 'delivery_receipt')
    for (const c of await findCorrectionsOfReceipt(db, orgId, docId))
      blockedBy.push({ docType: 'receipt_correction', docId: c.id });
  // Every book and stock a reversible document posts to: its tenant's and its hub's.
  const books = [h.orgId, h.hubId];
  const { stock, since } = await mirrorStock(db, books, factType, docId);
  if (opts.blockers !== false) blockedBy.push(...(await findBlockers(db, stock, since)));
  return {
    docType,
    docId,
    orgId: h.orgId,
    hubId: h.hubId,
    coopId:
      docType === 'goods_receipt' || (docType === 'manual_entry' && hubOwned) ? null : h.orgId,
    owner,
    docDate: h.date,
    number: h.number ?? null,
    journal: await mirrorJournal(db, books, journalTypes, docId),
    stock,
    statement,
    blockedBy,
  };
}
