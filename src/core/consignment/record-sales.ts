import type { Db } from '../../db/database.ts';
import { loadPriceBook, type PriceBook } from '../catalog/index.ts';
import {
  balanceKey,
  findOpenDiscrepancies,
  insertDiscrepancies,
  moveStock,
  type MoveInput,
} from '../inventory/index.ts';
import { COOP, HUB, postJournalEntries, type JournalEntryInput } from '../ledger/index.ts';
import { loadCooperativeContext, type CooperativeContext } from '../network/index.ts';
import { wibDateOf } from '../shared/business-date.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorCode } from '../shared/errors.ts';
import { contentHash, isUuid, newId } from '../shared/ids.ts';
import { formatRupiah, prorateHalfUp } from '../shared/money.ts';
import type { PaymentMethod, SaleLineTable, SaleTable } from './consignment.table.ts';
import { findSalesByIds, insertSales } from './consignment.repository.ts';
import { MAX_LINES, isNonNegativeInt, isPositiveInt } from './lines.ts';
import { checkSaleMembers, type MemberVerdict } from './member-purchases.ts';

export const MAX_SALES_PER_BATCH = 500;
/** A device clock more than this far from the server's is flagged. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;
const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'qris', 'transfer', 'payroll'];

export interface SaleInput {
  id: string;
  occurredAt: string;
  lines: { productId: string; qty: number; unitPrice: number }[];
  paymentMethod: PaymentMethod;
  memberId?: string;
}

export interface SaleResult {
  id: string;
  status: 'created' | 'duplicate' | 'rejected';
  code?: ErrorCode;
  message?: string;
}

class Rejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface PricedSale {
  input: SaleInput;
  hash: string;
  date: string;
  skew: boolean;
  lines: { productId: string; qty: number; unitPrice: number; k: number }[];
  total: number;
  consignment: number;
  /** Its entry of the results, completed once the batch's members are checked. */
  result: SaleResult;
  member: MemberVerdict;
}

/** The checks a single sale must pass; a sale is never refused for stock. */
function priceSale(
  s: SaleInput,
  c: CooperativeContext,
  book: PriceBook,
  now: Date,
): Omit<PricedSale, 'hash' | 'result' | 'member'> {
  const at = typeof s.occurredAt === 'string' ? new Date(s.occurredAt) : new Date(NaN);
  if (Number.isNaN(at.getTime()))
    throw new Rejection('ValidationFailed', 'occurredAt must be an ISO 8601 instant');
  if (!PAYMENT_METHODS.includes(s.paymentMethod))
    throw new Rejection(
      'ValidationFailed',
      `paymentMethod must be one of ${PAYMENT_METHODS.join(', ')}`,
    );
  if (!Array.isArray(s.lines) || s.lines.length === 0 || s.lines.length > MAX_LINES) {
    throw new Rejection('ValidationFailed', `a sale has 1 to ${MAX_LINES} lines`);
  }
  const skew = Math.abs(at.getTime() - now.getTime()) > CLOCK_SKEW_MS;
  // A device clock ahead of the server never dates a sale in the future.
  const date = at.getTime() > now.getTime() ? wibDateOf(now) : wibDateOf(at);
  const lines = s.lines.map((l, i) => {
    const p = book.products.get(l.productId);
    if (!p || p.hubId !== c.hubId)
      throw new Rejection('ValidationFailed', `line ${i + 1}: unknown product`);
    if (!isPositiveInt(l.qty))
      throw new Rejection('ValidationFailed', `line ${i + 1}: qty must be a whole number > 0`);
    if (!isNonNegativeInt(l.unitPrice))
      throw new Rejection('ValidationFailed', `line ${i + 1}: unitPrice must be whole rupiah ≥ 0`);
    const ceiling = book.ceiling(l.productId, c.coop.provinceCode, date);
    if (ceiling && l.unitPrice > ceiling.amount) {
      throw new Rejection(
        'PriceAboveCeiling',
        `${p.name}: harga ${formatRupiah(l.unitPrice)} melebihi HET/HAP ${formatRupiah(ceiling.amount)} (${ceiling.regulationRef})`,
      );
    }
    const k = book.price(l.productId, 'consignment', date);
    if (k === undefined)
      throw new Rejection('PriceNotSet', `${p.name}: no consignment price on ${date}`);
    return { productId: l.productId, qty: l.qty, unitPrice: l.unitPrice, k };
  });
  const total = lines.reduce((t, l) => t + l.qty * l.unitPrice, 0);
  const consignment = lines.reduce((t, l) => t + l.qty * l.k, 0);
  if (!Number.isSafeInteger(total)) throw new Rejection('ValidationFailed', 'sale total too large');
  return { input: s, date, skew, lines, total, consignment };
}

const NO_MEMBER: MemberVerdict = { memberId: null, discrepancy: null };

const cashAccount = (m: PaymentMethod) =>
  m === 'cash' ? COOP.kas : m === 'payroll' ? COOP.piutangPotongGaji : COOP.bank;

/** The sales of one batch and business date: one stock move per product, one entry in each book. */
interface Posting {
  id: string;
  date: string;
  count: number;
  /** Σ sale totals by the account that received them (Kas, Bank, Piutang Potong Gaji). */
  paid: Map<string, number>;
  /** Units sold by product: one stock move each. */
  qty: Map<string, number>;
  /** Of each product's move, the units and cost value not yet given to a line (splitRemaining). */
  left: Map<string, { qty: number; value: number }>;
  consignment: number;
  /** Commission on non-members' sales (4101) and on members' sales (4102). */
  commission: number;
  memberCommission: number;
  cost: number;
}

const newPosting = (date: string): Posting => ({
  id: newId(),
  date,
  count: 0,
  paid: new Map(),
  qty: new Map(),
  left: new Map(),
  consignment: 0,
  commission: 0,
  memberCommission: 0,
  cost: 0,
});

/** A commission line: a credit, or a debit when the sale went below the consignment price. */
const commissionLine = (account: string, amount: number) =>
  amount >= 0 ? { account, credit: amount } : { account, debit: -amount };

/**
 * C: Dr Kas/Bank/Piutang Σ q·p, Cr Utang kepada Pengamanat Σ q·k, Cr (or Dr)
 * Pendapatan Komisi Σ q·(p−k), non-members' sales on 4101, members' on 4102;
 * H: Dr Piutang Konsinyasi, Cr Penjualan Σ q·k; Dr HPP, Cr Persediaan di
 * Koperasi Σ cost. Zero lines drop out.
 */
function salesJournal(p: Posting, coopId: string, c: CooperativeContext): JournalEntryInput[] {
  const sales = `${p.count} penjualan`;
  return [
    {
      orgId: coopId,
      book: 'cooperative',
      date: p.date,
      docType: 'sales_batch',
      docId: p.id,
      memo: `Penjualan barang konsinyasi (${sales})`,
      lines: [
        ...[...p.paid]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([account, debit]) => ({ account, debit })),
        { account: COOP.utangPengamanat, counterpartyOrgId: c.hubId, credit: p.consignment },
        commissionLine(COOP.pendapatanKomisi, p.commission),
        commissionLine(COOP.pendapatanKomisiAnggota, p.memberCommission),
      ],
    },
    {
      orgId: c.hubId,
      book: 'hub',
      date: p.date,
      docType: 'sales_batch',
      docId: p.id,
      memo: `Penjualan konsinyasi ${c.coop.name} (${sales})`,
      lines: [
        { account: HUB.piutangKonsinyasi, counterpartyOrgId: coopId, debit: p.consignment },
        { account: HUB.penjualan, counterpartyOrgId: coopId, credit: p.consignment },
        { account: HUB.hpp, counterpartyOrgId: coopId, debit: p.cost },
        { account: HUB.persediaanKoperasi, counterpartyOrgId: coopId, credit: p.cost },
      ],
    },
  ];
}

/**
 * Takes qty units' share of what is left of a move's value, half up, and
 * leaves the rest for the next lines: the last line takes exactly what is
 * left, so the lines' costs add up to the move's value.
 */
function splitRemaining(left: { qty: number; value: number }, qty: number): number {
  const v = qty >= left.qty ? left.value : prorateHalfUp(left.value, qty, left.qty);
  left.qty -= qty;
  left.value -= v;
  return v;
}

/**
 * Records a batch of a cooperative's sales, each accepted or rejected on its
 * own, in one transaction. Per business date of the batch, one posting: a
 * stock move store → customer per product at cost (each line's cost is its
 * share of it) and one summary entry in each book (salesJournal); every sale
 * keeps the posting's id as its postingId. Keeps: idempotency by sale id
 * (replay → duplicate, other content → IdempotencyConflict); no sale refused
 * for stock (a discrepancy is raised); no sale above the regulated ceiling;
 * a sale's member checked for the batch at once (checkSaleMembers): one that is
 * no member of the cooperative on the sale's date makes it a non-member sale
 * with a discrepancy and a message, never a refusal.
 */
export async function recordSales(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  sales: SaleInput[],
): Promise<SaleResult[]> {
  if (!Array.isArray(sales) || sales.length === 0)
    throw new DomainError('ValidationFailed', {
      message: 'sales must hold at least one sale',
      details: [{ path: '/sales', message: 'wajib diisi', messageEn: 'required' }],
    });
  if (sales.length > MAX_SALES_PER_BATCH) {
    throw new DomainError('ValidationFailed', {
      message: `At most ${MAX_SALES_PER_BATCH} sales per call`,
      details: [
        {
          path: '/sales',
          message: `paling banyak ${MAX_SALES_PER_BATCH}`,
          messageEn: `at most ${MAX_SALES_PER_BATCH}`,
        },
      ],
    });
  }
  const c = await loadCooperativeContext(db, coopId, { lock: true });
  const now = ctx.clock.now();
  const ids = sales
    .map((s) => s?.id)
    .filter((id): id is string => typeof id === 'string' && isUuid(id));
  const known = new Map(
    (await findSalesByIds(db, coopId, [...new Set(ids)])).map((r) => [r.id, r.contentHash]),
  );
  const book = await loadPriceBook(
    db,
    sales.flatMap((s) =>
      Array.isArray(s?.lines)
        ? s.lines.map((l) => l?.productId).filter((p) => typeof p === 'string')
        : [],
    ),
    c.coop.provinceCode,
  );

  const results: SaleResult[] = [];
  const accepted: PricedSale[] = [];
  for (const s of sales) {
    const id = typeof s?.id === 'string' ? s.id : '';
    if (!isUuid(id)) {
      results.push({
        id,
        status: 'rejected',
        code: 'ValidationFailed',
        message: 'id must be a UUID',
      });
      continue;
    }
    const hash = contentHash({
      o: s.occurredAt,
      l: s.lines,
      p: s.paymentMethod,
      m: s.memberId ?? null,
    });
    const prior = known.get(id);
    if (prior !== undefined) {
      results.push(
        prior === hash
          ? { id, status: 'duplicate' }
          : {
              id,
              status: 'rejected',
              code: 'IdempotencyConflict',
              message: 'Penjualan dengan id ini sudah tercatat dengan isi berbeda',
            },
      );
      continue;
    }
    try {
      const result: SaleResult = { id, status: 'created' };
      accepted.push({ ...priceSale(s, c, book, now), hash, result, member: NO_MEMBER });
      known.set(id, hash);
      results.push(result);
    } catch (e) {
      if (!(e instanceof Rejection)) throw e;
      results.push({ id, status: 'rejected', code: e.code, message: e.message });
    }
  }
  if (accepted.length === 0) return results;
  const verdicts = await checkSaleMembers(
    db,
    coopId,
    accepted.map((s) => ({ memberId: s.input.memberId, date: s.date })),
  );
  accepted.forEach((s, i) => {
    s.member = verdicts[i]!;
    if (s.member.message) s.result.message = s.member.message;
  });

  // One posting per business date; in it, one stock move per product (store → customer).
  const postings = new Map<string, Posting>();
  for (const s of accepted) {
    let p = postings.get(s.date);
    if (!p) postings.set(s.date, (p = newPosting(s.date)));
    for (const l of s.lines) p.qty.set(l.productId, (p.qty.get(l.productId) ?? 0) + l.qty);
  }
  const moved = await moveStock(
    db,
    [...postings.values()].map((p) => ({
      orgId: coopId,
      date: p.date,
      docType: 'sales_batch',
      docId: p.id,
      moves: [...p.qty].map<MoveInput>(([productId, qty]) => ({
        productId,
        ownerOrgId: c.hubId,
        from: c.store,
        to: c.customer,
        qty,
        fallbackUnitCost: book.products.get(productId)!.lastUnitCost,
      })),
    })),
    now,
  );
  // moveStock answers the moves in the order given: posting by posting, product by product.
  let mi = 0;
  for (const p of postings.values())
    for (const productId of p.qty.keys()) {
      const mv = moved.moves[mi++]!;
      p.left.set(productId, { qty: mv.qty, value: mv.value });
    }

  const saleRows: SaleTable[] = [];
  const lineRows: SaleLineTable[] = [];
  const receivedAt = now.toISOString();
  for (const s of accepted) {
    const p = postings.get(s.date)!;
    let cost = 0;
    s.lines.forEach((l, i) => {
      const costValue = splitRemaining(p.left.get(l.productId)!, l.qty);
      cost += costValue;
      lineRows.push({
        orgId: coopId,
        saleDate: s.date,
        saleId: s.input.id,
        lineNo: i + 1,
        productId: l.productId,
        qty: l.qty,
        unitPrice: l.unitPrice,
        consignmentPrice: l.k,
        costValue,
      });
    });
    p.count++;
    const account = cashAccount(s.input.paymentMethod);
    p.paid.set(account, (p.paid.get(account) ?? 0) + s.total);
    p.consignment += s.consignment;
    if (s.member.memberId) p.memberCommission += s.total - s.consignment;
    else p.commission += s.total - s.consignment;
    p.cost += cost;
    saleRows.push({
      orgId: coopId,
      id: s.input.id,
      hubId: c.hubId,
      saleDate: s.date,
      occurredAt: new Date(s.input.occurredAt).toISOString(),
      receivedAt,
      clockSkew: s.skew ? 1 : 0,
      paymentMethod: s.input.paymentMethod,
      memberId: s.member.memberId,
      memberDiscrepancy: s.member.discrepancy,
      totalAmount: s.total,
      consignmentAmount: s.consignment,
      contentHash: s.hash,
      statementId: null,
      postingId: p.id,
      recordedBy: ctx.actor?.userId ?? null,
    });
  }
  await insertSales(db, saleRows, lineRows);
  await postJournalEntries(
    db,
    [...postings.values()].flatMap((p) => salesJournal(p, coopId, c)),
    now,
  );

  // Recorded stock gone below zero: the sale stands; the next count settles it.
  const negative = [...new Set(accepted.flatMap((s) => s.lines.map((l) => l.productId)))].filter(
    (p) => (moved.after.get(balanceKey(c.store.id, p, c.hubId))?.qty ?? 0) < 0,
  );
  if (negative.length) {
    const open = new Set((await findOpenDiscrepancies(db, coopId)).map((d) => d.productId));
    const lastSale = accepted[accepted.length - 1]!;
    await insertDiscrepancies(
      db,
      negative
        .filter((p) => !open.has(p))
        .map((p) => ({
          orgId: coopId,
          id: newId(),
          locationId: c.store.id,
          productId: p,
          raisedOn: lastSale.date,
          sourceType: 'sale',
          sourceId: lastSale.input.id,
          recordedQty: moved.after.get(balanceKey(c.store.id, p, c.hubId))!.qty,
          resolvedByCountId: null,
        })),
    );
  }
  return results;
}
