import type { Db } from '../../db/database.ts';
import { findBalancesForUpdate, moveStock } from '../inventory/index.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { todayWib } from '../shared/clock.ts';
import { isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash } from '../shared/ids.ts';
import { prorateHalfUp } from '../shared/money.ts';
import { checkIdAndReason, checkProductLines } from './correction-input.ts';
import type { ReceiptCorrectionLineTable } from './corrections.table.ts';
import { findReversalOfDocument } from './corrections.repository.ts';
import { notFound } from './mirror.ts';
import {
  findOrderForCorrection,
  findReceiptCorrectionById,
  findReceiptCorrectionLines,
  insertReceiptCorrection,
  setLineReceived,
} from './receipt-correction.repository.ts';
import { checkReversalRight, type Reverser } from './reversal-rights.ts';

export interface ReceiptCorrectionInput {
  id: string;
  reason: string;
  lines: { productId: string; quantity: number }[];
}

export interface ReceiptCorrectionResult {
  id: string;
  deliveryOrderId: string;
  date: string;
  lines: { productId: string; quantity: number }[];
}

function validate(input: ReceiptCorrectionInput) {
  const errors = [
    ...checkIdAndReason(input),
    ...checkProductLines(input.lines, (q) => q !== 0, {
      id: 'harus bilangan bulat, bukan 0',
      en: 'must be a whole number ≠ 0',
    }),
  ];
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Koreksi penerimaan tidak valid',
      messageEn: 'Invalid receipt correction',
      details: errors,
    });
}

/**
 * A delivery receipt corrected for units found later (+: hub loss → store)
 * or found missing later (−: store → hub loss), valued as receiving them
 * would have (the received value of a line is always its half-up share of the
 * dispatched value for the units received); H: Dr Persediaan di Koperasi, Cr
 * Beban Susut (or the other way). The order's lines show the corrected
 * units. Keeps: received within 0…dispatched per product; no more taken out
 * of the store than it holds (`InsufficientStock`); only a received order
 * whose receipt stands; who: the manager, a hub admin; idempotency by id.
 */
export async function correctDeliveryReceipt(
  db: Db,
  ctx: CommandContext,
  who: Reverser,
  orderId: string,
  input: ReceiptCorrectionInput,
): Promise<ReceiptCorrectionResult & { created: boolean }> {
  validate(input);
  const found = await findOrderForCorrection(db, orderId);
  if (!found) notFound();
  const c = await loadCooperativeContext(db, found.order.orgId, { lock: true });
  const hash = contentHash({ o: orderId, r: input.reason.trim(), l: input.lines });
  const existing = await findReceiptCorrectionById(db, c.coop.id, input.id);
  if (existing && existing.deliveryOrderId !== orderId)
    throw new DomainError('IdempotencyConflict', {
      message: 'Koreksi dengan id ini sudah tercatat untuk surat jalan lain',
    });
  if (isReplay(existing, hash, 'Koreksi penerimaan'))
    return {
      id: existing!.id,
      deliveryOrderId: orderId,
      date: existing!.correctionDate,
      lines: (await findReceiptCorrectionLines(db, c.coop.id, existing!.id)).map((l) => ({
        productId: l.productId,
        quantity: l.qty,
      })),
      created: false,
    };

  const { order, lines } = (await findOrderForCorrection(db, orderId))!;
  const today = todayWib(ctx.clock);
  checkReversalRight(
    who,
    { docType: 'delivery_receipt', owner: 'cooperative', hubId: order.hubId, coopId: c.coop.id },
    today,
  );
  const receiptId = order.receiptId ?? order.id;
  if (
    order.status !== 'received' ||
    (await findReversalOfDocument(db, 'delivery_receipt', receiptId))
  )
    throw new DomainError('InvalidState', {
      message: 'Hanya surat jalan yang sudah diterima yang dapat dikoreksi',
      messageEn: 'Only a received delivery order can be corrected',
    });

  const errors: ErrorDetail[] = [];
  const rows: (ReceiptCorrectionLineTable & { line: (typeof lines)[number]; received: number })[] =
    [];
  input.lines.forEach((want, i) => {
    const line = lines.find((l) => l.productId === want.productId);
    if (!line) {
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'tidak ada di surat jalan ini',
        messageEn: 'not on this delivery order',
      });
      return;
    }
    const before = line.qtyReceived ?? 0;
    const received = before + want.quantity;
    if (received < 0 || received > line.qty) {
      errors.push({
        path: `/lines/${i}/quantity`,
        message: `diterima ${before} dari ${line.qty} yang dikirim: dari ${-before} sampai ${line.qty - before}`,
        messageEn: `received ${before} of ${line.qty} dispatched: from ${-before} to ${line.qty - before}`,
      });
      return;
    }
    const dispatched = line.dispatchValue ?? 0;
    const value =
      prorateHalfUp(dispatched, received, line.qty) - prorateHalfUp(dispatched, before, line.qty);
    rows.push({
      orgId: c.coop.id,
      correctionId: input.id,
      productId: want.productId,
      qty: want.quantity,
      value,
      line,
      received,
    });
  });
  if (errors.length)
    throw new DomainError('InvalidState', {
      message: 'Jumlah diterima harus tetap antara 0 dan jumlah yang dikirim',
      messageEn: 'The units received must stay between 0 and the units dispatched',
      details: errors,
    });
  const out = rows.filter((r) => r.qty < 0);
  const held = new Map(
    (
      await findBalancesForUpdate(
        db,
        out.map((r) => ({
          orgId: c.coop.id,
          locationId: c.store.id,
          productId: r.productId,
          ownerOrgId: c.hubId,
        })),
      )
    ).map((b) => [b.productId, b.qty]),
  );
  const short = out.filter((r) => (held.get(r.productId) ?? 0) < -r.qty);
  if (short.length)
    throw new DomainError('InsufficientStock', {
      message:
        'Stok toko tidak cukup untuk dikoreksi: barang sudah terjual atau dikembalikan. Catat stok opname untuk kekurangan di toko',
      messageEn:
        'The store does not hold these units any more (sold or returned): record a stock count for a shortage at the store',
      details: short.map((r) => ({
        path: '/lines',
        message: `${r.productId}: stok di toko ${held.get(r.productId) ?? 0}, koreksi butuh ${-r.qty}`,
        messageEn: `${r.productId}: store holds ${held.get(r.productId) ?? 0}, correction needs ${-r.qty}`,
      })),
    });

  const now = ctx.clock.now();
  await insertReceiptCorrection(
    db,
    {
      orgId: c.coop.id,
      id: input.id,
      hubId: order.hubId,
      deliveryOrderId: orderId,
      receiptId,
      correctionDate: today,
      reason: input.reason.trim(),
      contentHash: hash,
      createdBy: who.userId,
      createdAt: now.toISOString(),
    },
    rows.map(({ orgId, correctionId, productId, qty, value }) => ({
      orgId,
      correctionId,
      productId,
      qty,
      value,
    })),
  );
  for (const r of rows)
    await setLineReceived(
      db,
      c.coop.id,
      orderId,
      r.line.lineNo,
      r.received,
      (r.line.receivedValue ?? 0) + r.value,
    );
  await moveStock(
    db,
    [
      {
        orgId: c.coop.id,
        date: today,
        docType: 'receipt_correction',
        docId: input.id,
        moves: rows.map((r) => ({
          productId: r.productId,
          ownerOrgId: c.hubId,
          from: r.qty > 0 ? c.hubLoss : c.store,
          to: r.qty > 0 ? c.store : c.hubLoss,
          qty: Math.abs(r.qty),
          value: Math.abs(r.value),
          fallbackUnitCost: 0,
        })),
      },
    ],
    now,
  );
  const net = rows.reduce((t, r) => t + r.value, 0);
  const gained = rows.filter((r) => r.value > 0).reduce((t, r) => t + r.value, 0);
  const missing = gained - net;
  await postJournalEntries(
    db,
    [
      {
        orgId: c.hubId,
        book: 'hub',
        date: today,
        docType: 'receipt_correction',
        docId: input.id,
        memo: `Koreksi penerimaan ${order.number} (${c.coop.name}): ${input.reason.trim()}`,
        lines: [
          { account: HUB.persediaanKoperasi, counterpartyOrgId: c.coop.id, debit: gained },
          { account: HUB.bebanSusut, counterpartyOrgId: c.coop.id, credit: gained },
          { account: HUB.bebanSusut, counterpartyOrgId: c.coop.id, debit: missing },
          { account: HUB.persediaanKoperasi, counterpartyOrgId: c.coop.id, credit: missing },
        ],
      },
    ],
    now,
  );
  return {
    id: input.id,
    deliveryOrderId: orderId,
    date: today,
    lines: rows.map((r) => ({ productId: r.productId, quantity: r.qty })),
    created: true,
  };
}
