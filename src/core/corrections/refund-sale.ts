import type { Db } from '../../db/database.ts';
import { moveStock } from '../inventory/index.ts';
import {
  COOP,
  HUB,
  commissionAccountOf,
  postJournalEntries,
  type JournalEntryInput,
} from '../ledger/index.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { todayWib } from '../shared/clock.ts';
import { isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash } from '../shared/ids.ts';
import { prorateHalfUp } from '../shared/money.ts';
import { checkIdAndReason, checkProductLines } from './correction-input.ts';
import type { SaleRefundLineTable, SaleRefundTable } from './corrections.table.ts';
import {
  findLatestStatementEnd,
  findProgramSponsorsOfHub,
  findReversalOfDocument,
  findSale,
  findSembakoOrderOfSale,
} from './corrections.repository.ts';
import { notFound } from './mirror.ts';
import {
  findRefundById,
  findRefundLines,
  findRefundsOfSales,
  insertRefund,
} from './refund.repository.ts';
import { checkReversalRight, type Reverser } from './reversal-rights.ts';

export interface RefundInput {
  id: string;
  reason: string;
  lines: { productId: string; quantity: number }[];
  method: 'cash' | 'qris';
}

export interface RefundResult {
  id: string;
  saleId: string;
  amount: number;
  date: string;
  lines: { productId: string; quantity: number; amount: number }[];
}

/**
 * The cost of `qty` more units of a line of `lineQty` units costing `lineCost`
 * after `before` units were refunded: the difference of the cumulative
 * half-up shares, so that the refunds of a line add up to at most its cost,
 * and to exactly it when every unit came back.
 */
export function refundedCostShare(lineCost: number, lineQty: number, before: number, qty: number) {
  return prorateHalfUp(lineCost, before + qty, lineQty) - prorateHalfUp(lineCost, before, lineQty);
}

function validate(input: RefundInput) {
  const errors = [
    ...checkIdAndReason(input),
    ...(input.method !== 'cash' && input.method !== 'qris'
      ? [{ path: '/method', message: 'harus tunai atau QRIS', messageEn: 'must be cash or qris' }]
      : []),
    ...checkProductLines(input.lines, (q) => q >= 1, {
      id: 'harus bilangan bulat, 1 atau lebih',
      en: 'must be a whole number ≥ 1',
    }),
  ];
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Pengembalian penjualan tidak valid',
      messageEn: 'Invalid refund',
      details: errors,
    });
}

async function resultOf(db: Db, r: SaleRefundTable): Promise<RefundResult> {
  const byProduct = new Map<string, { productId: string; quantity: number; amount: number }>();
  for (const l of await findRefundLines(db, r.orgId, [r.id])) {
    const p = byProduct.get(l.productId) ?? { productId: l.productId, quantity: 0, amount: 0 };
    p.quantity += l.qty;
    p.amount += l.amount;
    byProduct.set(l.productId, p);
  }
  return {
    id: r.id,
    saleId: r.saleId,
    amount: r.amount,
    date: r.refundDate,
    lines: [...byProduct.values()],
  };
}

/**
 * A buyer gives back part of a sale. The units go customer → store at the
 * cost they left at (each sale line's cost, shared by refundedCostShare);
 * C: Cr Kas (cash) or Bank (qris) q·p, Dr Utang kepada Pengamanat q·k, Dr
 * Pendapatan Komisi q·(p−k) (the sale's own: 4102 for a member's sale, else
 * 4101); H: Cr Piutang Konsinyasi, Dr Penjualan q·k; Cr
 * HPP, Dr Persediaan di Koperasi the cost: the exact share of the sale's
 * posting for those units. Units are taken from the sale's lines of the
 * product in line order. Keeps: per product at most sold − refunded already
 * (`InvalidState`, nothing written); no refund of a reversed sale
 * (`AlreadyReversed`) nor of a Sembako pickup; dated today, after the last
 * issued statement (it lands on the next one); who: as checkReversalRight;
 * idempotency by id.
 */
export async function refundSale(
  db: Db,
  ctx: CommandContext,
  who: Reverser,
  coopId: string,
  saleId: string,
  input: RefundInput,
): Promise<RefundResult & { created: boolean }> {
  validate(input);
  const c = await loadCooperativeContext(db, coopId, { lock: true });
  const hash = contentHash({ s: saleId, r: input.reason.trim(), l: input.lines, m: input.method });
  const existing = await findRefundById(db, coopId, input.id);
  if (existing && existing.saleId !== saleId)
    throw new DomainError('IdempotencyConflict', {
      message: 'Pengembalian dengan id ini sudah tercatat untuk penjualan lain',
    });
  if (isReplay(existing, hash, 'Pengembalian'))
    return { ...(await resultOf(db, existing!)), created: false };

  const found = await findSale(db, saleId, coopId);
  if (!found || found.sale.orgId !== coopId) notFound();
  const { sale, lines } = found;
  const today = todayWib(ctx.clock);
  checkReversalRight(
    who,
    {
      docType: 'sale',
      owner: 'cooperative',
      hubId: sale.hubId,
      coopId,
      sale: { recordedBy: sale.recordedBy, saleDate: sale.saleDate },
    },
    today,
  );
  const reversal = await findReversalOfDocument(db, 'sale', saleId);
  if (reversal)
    throw new DomainError('AlreadyReversed', {
      message: `Penjualan ini sudah dibatalkan pada ${reversal.reversalDate}`,
      messageEn: `This sale was reversed on ${reversal.reversalDate}`,
    });
  // A pickup is a payroll sale, its order in the tenant of a sponsor of the hub's programs.
  const pickup =
    sale.paymentMethod === 'payroll' &&
    (await findSembakoOrderOfSale(db, saleId, await findProgramSponsorsOfHub(db, sale.hubId)));
  if (pickup)
    throw new DomainError('InvalidState', {
      message: 'Pengambilan pesanan Sembako tidak dapat dikembalikan sebagian: batalkan pesanannya',
      messageEn: 'A Sembako pickup cannot be refunded in part: reverse the order',
    });
  const closedTo = await findLatestStatementEnd(db, coopId);
  if (closedTo && today <= closedTo)
    throw new DomainError('InvalidState', {
      message: `Periode s.d. ${closedTo} sudah ditutup`,
      messageEn: `The period up to ${closedTo} is closed`,
    });

  const before = new Map<number, number>();
  for (const r of await findRefundsOfSales(db, coopId, [saleId]))
    before.set(r.saleLineNo, (before.get(r.saleLineNo) ?? 0) + r.qty);
  const rows: SaleRefundLineTable[] = [];
  const errors: ErrorDetail[] = [];
  input.lines.forEach((want, i) => {
    let left = want.quantity;
    const of = lines.filter((l) => l.productId === want.productId);
    for (const l of of) {
      const done = before.get(l.lineNo) ?? 0;
      const q = Math.min(left, l.qty - done);
      if (q <= 0) continue;
      left -= q;
      rows.push({
        orgId: coopId,
        refundId: input.id,
        saleLineNo: l.lineNo,
        productId: l.productId,
        qty: q,
        amount: q * l.unitPrice,
        consignmentAmount: q * l.consignmentPrice,
        costValue: refundedCostShare(l.costValue, l.qty, done, q),
      });
    }
    if (left > 0) {
      const sold = of.reduce((t, l) => t + l.qty, 0);
      const can = want.quantity - left;
      errors.push({
        path: `/lines/${i}/quantity`,
        message: of.length
          ? `terjual ${sold}, paling banyak ${can} lagi dapat dikembalikan`
          : 'tidak ada di penjualan ini',
        messageEn: of.length ? `sold ${sold}, at most ${can} left to refund` : 'not on this sale',
      });
    }
  });
  if (errors.length)
    throw new DomainError('InvalidState', {
      message: 'Jumlah yang dikembalikan melebihi sisa yang terjual pada penjualan ini',
      messageEn: 'The quantity refunded exceeds what is left of this sale',
      details: errors,
    });

  const sum = (k: 'amount' | 'consignmentAmount' | 'costValue') =>
    rows.reduce((t, r) => t + r[k], 0);
  const amount = sum('amount');
  const consignment = sum('consignmentAmount');
  const cost = sum('costValue');
  const now = ctx.clock.now();
  const row: SaleRefundTable = {
    orgId: coopId,
    id: input.id,
    hubId: sale.hubId,
    saleId,
    refundDate: today,
    reason: input.reason.trim(),
    method: input.method,
    amount,
    consignmentAmount: consignment,
    costValue: cost,
    statementId: null,
    contentHash: hash,
    createdBy: who.userId,
    createdAt: now.toISOString(),
  };
  await insertRefund(db, row, rows);
  const byProduct = new Map<string, { qty: number; value: number }>();
  for (const r of rows) {
    const p = byProduct.get(r.productId) ?? { qty: 0, value: 0 };
    p.qty += r.qty;
    p.value += r.costValue;
    byProduct.set(r.productId, p);
  }
  await moveStock(
    db,
    [
      {
        orgId: coopId,
        date: today,
        docType: 'sale_refund',
        docId: input.id,
        moves: [...byProduct].map(([productId, p]) => ({
          productId,
          ownerOrgId: sale.hubId,
          from: c.customer,
          to: c.store,
          qty: p.qty,
          value: p.value,
          fallbackUnitCost: 0,
        })),
      },
    ],
    now,
  );
  const memo = `Pengembalian penjualan oleh pembeli: ${row.reason}`;
  const commission = amount - consignment;
  const entries: JournalEntryInput[] = [
    {
      orgId: coopId,
      book: 'cooperative',
      date: today,
      docType: 'sale_refund',
      docId: input.id,
      memo,
      lines: [
        { account: input.method === 'cash' ? COOP.kas : COOP.bank, credit: amount },
        { account: COOP.utangPengamanat, counterpartyOrgId: sale.hubId, debit: consignment },
        commission >= 0
          ? { account: commissionAccountOf(sale.memberId), debit: commission }
          : { account: commissionAccountOf(sale.memberId), credit: -commission },
      ],
    },
    {
      orgId: sale.hubId,
      book: 'hub',
      date: today,
      docType: 'sale_refund',
      docId: input.id,
      memo: `Pengembalian penjualan ${c.coop.name}: ${row.reason}`,
      lines: [
        { account: HUB.piutangKonsinyasi, counterpartyOrgId: coopId, credit: consignment },
        { account: HUB.penjualan, counterpartyOrgId: coopId, debit: consignment },
        { account: HUB.hpp, counterpartyOrgId: coopId, credit: cost },
        { account: HUB.persediaanKoperasi, counterpartyOrgId: coopId, debit: cost },
      ],
    },
  ];
  await postJournalEntries(db, entries, now);
  return { ...(await resultOf(db, row)), created: true };
}
