import type { Db } from '../../db/database.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import { findSupplierByName, normalizeSupplierName } from '../suppliers/index.ts';
import {
  findInvoicesForSupplier,
  findPaymentAllocations,
  findSupplierById,
  findSupplierPayment,
  insertSupplierPayment,
  lockSupplier,
  updateSupplierTerms,
} from './payables.repository.ts';
import type { SupplierPaymentMethod } from './payables.table.ts';
import { claimBankLine } from './bank-match.ts';

export interface SupplierPaymentInput {
  id: string;
  supplierId?: string;
  supplierName?: string;
  amount: number;
  paidOn?: string;
  method: SupplierPaymentMethod;
  reference?: string;
  /** A debit line of an imported bank statement this payment is (marked matched). */
  bankLineId?: string;
}

export interface SupplierPaymentResult {
  id: string;
  supplierId: string;
  supplierName: string;
  amount: number;
  paidOn: string;
  method: SupplierPaymentMethod;
  allocations: { invoiceId: string; number: string; amount: number }[];
}

/** An invoice's open amount: nothing on a cancelled (reversed) one. */
export function openAmountOf(i: {
  amount: number;
  paidAmount: number;
  cancelledOn: string | null;
}) {
  return i.cancelledOn ? 0 : i.amount - i.paidAmount;
}

/**
 * Splits a payment over open invoices, oldest first (the order given). What
 * would be left over is returned (`unallocated`): the command refuses it.
 */
export function allocateToInvoices<T extends { id: string; open: number }>(
  invoices: T[],
  amount: number,
): { allocations: { invoice: T; amount: number }[]; unallocated: number } {
  let left = amount;
  const allocations: { invoice: T; amount: number }[] = [];
  for (const invoice of invoices) {
    if (left <= 0) break;
    const take = Math.min(left, invoice.open);
    if (take > 0) allocations.push({ invoice, amount: take });
    left -= take;
  }
  return { allocations, unallocated: left };
}

async function resolveSupplier(db: Db, hubId: string, input: SupplierPaymentInput) {
  const found = input.supplierId
    ? await findSupplierById(db, hubId, input.supplierId)
    : await findSupplierByName(db, hubId, normalizeSupplierName(input.supplierName ?? ''));
  if (!found)
    throw new DomainError('NotFound', {
      message: 'Pemasok tidak dikenal: catat penerimaan barangnya lebih dulu',
      messageEn: 'Unknown supplier: record its goods receipt first',
    });
  return found;
}

function validate(input: SupplierPaymentInput) {
  const errors: ErrorDetail[] = [];
  if (!!input.supplierId === !!input.supplierName?.trim())
    errors.push({
      path: '/supplierId',
      message: 'pilih pemasok atau tulis nama pemasok baru, salah satu saja',
      messageEn: 'give exactly one of supplierId, supplierName',
    });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    errors.push({
      path: '/amount',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be whole rupiah > 0',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Pembayaran ke pemasok tidak valid',
      messageEn: 'Invalid supplier payment',
      details: errors,
    });
}

/**
 * The hub pays a supplier: allocated to its oldest open invoices first; H: Dr
 * Utang Usaha, Cr Bank (transfer) or Kas (cash); with `bankLineId` that
 * imported debit line (same amount) is marked matched to it. Keeps: no payment beyond
 * what the supplier's open invoices ask (`InvalidState`, nothing written);
 * each invoice's paid amount = Σ its allocations; idempotency by id.
 */
export async function recordSupplierPayment(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: SupplierPaymentInput,
): Promise<SupplierPaymentResult & { created: boolean }> {
  validate(input);
  const paidOn = businessDateOf(ctx, input.paidOn, '/paidOn');
  const supplier = await resolveSupplier(db, hubId, input);
  await lockSupplier(db, hubId, supplier.id);
  const hash = contentHash({
    s: supplier.id,
    a: input.amount,
    d: input.paidOn ?? null,
    m: input.method,
    r: input.reference ?? null,
    b: input.bankLineId ?? null,
  });
  const invoices = await findInvoicesForSupplier(db, hubId, supplier.id);
  const existing = await findSupplierPayment(db, hubId, input.id);
  if (isReplay(existing, hash, 'Pembayaran ke pemasok')) {
    const numbers = new Map(invoices.map((i) => [i.id, i.number]));
    return {
      id: input.id,
      supplierId: supplier.id,
      supplierName: supplier.name,
      amount: existing!.amount,
      paidOn: existing!.paidOn,
      method: existing!.method,
      allocations: (await findPaymentAllocations(db, hubId, input.id)).map((a) => ({
        invoiceId: a.invoiceId,
        number: numbers.get(a.invoiceId) ?? a.invoiceId,
        amount: a.amount,
      })),
      created: false,
    };
  }
  const { allocations, unallocated } = allocateToInvoices(
    invoices.map((i) => ({ ...i, open: openAmountOf(i) })),
    input.amount,
  );
  const now = ctx.clock.now();
  if (input.bankLineId) {
    if (input.method !== 'transfer')
      throw new DomainError('ValidationFailed', {
        message: 'Baris rekening koran hanya untuk pembayaran transfer',
        messageEn: 'A bank line goes with a transfer',
        details: [
          {
            path: '/method',
            message: 'harus transfer dengan baris mutasi bank',
            messageEn: 'must be transfer with a bankLineId',
          },
        ],
      });
    const line = await claimBankLine(db, {
      hubId,
      lineId: input.bankLineId,
      target: { kind: 'supplier_payment', id: input.id },
      by: ctx.actor?.userId ?? null,
      at: now.toISOString(),
    });
    if (line.amountSen !== input.amount * 100)
      throw new DomainError('ValidationFailed', {
        message: `Jumlah baris rekening koran (${formatRupiah(Math.floor(line.amountSen / 100))}) berbeda dengan pembayaran`,
        messageEn: 'The bank line’s amount differs from the payment',
        details: [
          {
            path: '/amount',
            message: `harus sama dengan baris rekening koran (${formatRupiah(Math.floor(line.amountSen / 100))})`,
            messageEn: `must equal the bank line (${line.amountSen} sen)`,
          },
        ],
      });
  }
  if (unallocated > 0)
    throw new DomainError('InvalidState', {
      message: `Pembayaran melebihi tagihan terbuka ${supplier.name} (${formatRupiah(input.amount - unallocated)})`,
      messageEn: `The payment exceeds ${supplier.name}'s open invoices (${formatRupiah(input.amount - unallocated)})`,
      details: [
        {
          path: '/amount',
          message: `paling banyak ${formatRupiah(input.amount - unallocated)}`,
          messageEn: `at most ${input.amount - unallocated}`,
        },
      ],
    });
  await insertSupplierPayment(
    db,
    {
      hubId,
      id: input.id,
      supplierId: supplier.id,
      amount: input.amount,
      paidOn,
      method: input.method,
      reference: input.reference?.trim() || null,
      bankLineId: input.bankLineId ?? null,
      contentHash: hash,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now.toISOString(),
    },
    allocations.map((a) => ({
      hubId,
      paymentId: input.id,
      invoiceId: a.invoice.id,
      amount: a.amount,
    })),
  );
  await postJournalEntries(
    db,
    [
      {
        orgId: hubId,
        book: 'hub',
        date: paidOn,
        docType: 'supplier_payment',
        docId: input.id,
        memo: `Pembayaran ke ${supplier.name}${input.reference ? ` (${input.reference.trim()})` : ''}`,
        lines: [
          { account: HUB.utangUsaha, debit: input.amount },
          { account: input.method === 'cash' ? HUB.kas : HUB.bank, credit: input.amount },
        ],
      },
    ],
    now,
  );
  return {
    id: input.id,
    supplierId: supplier.id,
    supplierName: supplier.name,
    amount: input.amount,
    paidOn,
    method: input.method,
    allocations: allocations.map((a) => ({
      invoiceId: a.invoice.id,
      number: a.invoice.number,
      amount: a.amount,
    })),
    created: true,
  };
}

/**
 * A supplier's payment terms in days: the due date of its receipts from now
 * on (invoices already made keep their due date).
 */
export async function setSupplierTerms(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  supplierId: string,
  termsDays: number,
) {
  if (!Number.isSafeInteger(termsDays) || termsDays < 0 || termsDays > 365)
    throw new DomainError('ValidationFailed', {
      message: 'Jangka waktu pembayaran 0–365 hari',
      details: [
        {
          path: '/termsDays',
          message: 'harus bilangan bulat 0–365',
          messageEn: 'must be a whole number 0–365',
        },
      ],
    });
  const supplier = await findSupplierById(db, hubId, supplierId);
  if (!supplier)
    throw new DomainError('NotFound', {
      message: 'Pemasok tidak ditemukan',
      messageEn: 'Supplier not found',
    });
  await updateSupplierTerms(db, hubId, supplierId, termsDays, ctx.clock.now().toISOString());
  return { id: supplier.id, name: supplier.name, termsDays };
}
