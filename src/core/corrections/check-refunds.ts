import type { Db } from '../../db/database.ts';
import { findCorrectedReceipts, findReceivedAtReceipts } from './receipt-correction.repository.ts';
import { findAllRefundsWithSales } from './refund.repository.ts';

/**
 * For `lumbung verify`: the refunds of a sale never give back more than it
 * sold of a product, nor more than its cost. Answers the problems found.
 */
export async function findRefundProblems(db: Db): Promise<string[]> {
  const per = new Map<string, { sold: number; soldCost: number; qty: number; cost: number }>();
  for (const r of await findAllRefundsWithSales(db)) {
    const k = `sale ${r.saleId} line ${r.saleLineNo} (${r.productId})`;
    const p = per.get(k) ?? { sold: r.soldQty, soldCost: r.soldCost, qty: 0, cost: 0 };
    p.qty += r.qty;
    p.cost += r.costValue;
    per.set(k, p);
  }
  const problems: string[] = [];
  for (const [k, p] of per) {
    if (p.qty > p.sold) problems.push(`${k}: ${p.qty} units refunded of ${p.sold} sold`);
    if (p.cost > p.soldCost) problems.push(`${k}: refunds cost ${p.cost} of ${p.soldCost}`);
  }
  return problems;
}

/**
 * For `lumbung verify`: a receipt's corrections keep the units received of
 * each product within 0…dispatched.
 */
export async function findReceiptCorrectionProblems(db: Db): Promise<string[]> {
  const rows = await findCorrectedReceipts(db);
  const atReceipt = new Map(
    (await findReceivedAtReceipts(db, [...new Set(rows.map((r) => r.receiptId))])).map((r) => [
      `${r.docId}|${r.productId}`,
      Number(r.qty),
    ]),
  );
  const per = new Map<string, { received: number; dispatched: number }>();
  for (const r of rows) {
    const k = `${r.receiptId}|${r.productId}`;
    const p = per.get(k) ?? { received: atReceipt.get(k) ?? 0, dispatched: r.dispatched };
    p.received += r.qty;
    per.set(k, p);
  }
  return [...per]
    .filter(([, p]) => p.received < 0 || p.received > p.dispatched)
    .map(([k, p]) => `receipt ${k}: ${p.received} received of ${p.dispatched} dispatched`);
}
