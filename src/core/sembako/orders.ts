import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { recordSales } from '../consignment/index.ts';
import { findParticipation, loadCooperativeContext } from '../network/index.ts';
import { wibDateOf } from '../shared/business-date.ts';
import { isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid, newId } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import { splitPackagePrice } from './allocation.ts';
import { collectCashDue } from './failed-deductions.ts';
import { payrollAuthorizationMissing } from './payroll-authorization.ts';
import { loadProgram, notFound } from './program.service.ts';
import type {
  SembakoOrderTable,
  SembakoParticipantTable,
  SembakoProgramTable,
} from './sembako.table.ts';
import {
  findOrderAndMonthOrders,
  findOrderById,
  findPackageItems,
  findPackageOfPeriod,
  findParticipant,
  findPeriod,
  insertOrder,
  updateOrder,
} from './sembako.repository.ts';

/** 32 letters and digits without the look-alikes 0/O, 1/I: read aloud or typed at a counter. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PICKUP_CODE_LENGTH = 10;

/** A pickup code: 10 characters drawn with the CSPRNG (50 bits), never derived from the order. */
export function newPickupCode(): string {
  let s = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** What a QR code at the counter carries: the order and its code. */
export function pickupQrPayload(programId: string, orderId: string, code: string): string {
  return `lumbung:sembako:${programId}:${orderId}:${code}`;
}

export interface OrderInput {
  id: string;
  nip: string;
  month: string;
  packageId: string;
  qty: number;
  pickupCooperativeId?: string;
}

export interface PlacedOrder {
  id: string;
  pickupCode: string;
  pickupCooperativeId: string;
  amountToDeduct: number;
  created: boolean;
}

const placed = (o: SembakoOrderTable, created: boolean): PlacedOrder => ({
  id: o.id,
  pickupCode: o.pickupCode,
  pickupCooperativeId: o.pickupCooperativeId,
  amountToDeduct: o.qty * (o.unitPrice - o.unitSubsidy),
  created,
});

function invalidState(id: string, en: string): never {
  throw new DomainError('InvalidState', { message: id, messageEn: en });
}

/**
 * A participant orders a package for a period. Keeps: only inside the
 * period's ordering window; at most the program's orders per period
 * (cancelled ones do not count; the participant row is locked on PostgreSQL
 * so two concurrent orders cannot both pass); the pickup cooperative
 * participates in the program's hub (default: the KDKMP of the participant's
 * kelurahan); the participant's signed surat kuasa potong gaji is on file
 * (else PayrollAuthorizationMissing); idempotent by id (replay → the first answer, other content →
 * IdempotencyConflict). The participant pays qty × (price − subsidy).
 */
export async function placeOrder(
  db: Db,
  ctx: CommandContext,
  programId: string,
  input: OrderInput,
  opts: {
    /** The program, when the caller has loaded it already. */
    program?: SembakoProgramTable;
    /** Ordering as a participant: the caller's roster row, whose NIP the order must be for (else Forbidden). */
    participant?: Pick<SembakoParticipantTable, 'nip'>;
  } = {},
): Promise<PlacedOrder> {
  const program = opts.program?.id === programId ? opts.program : await loadProgram(db, programId);
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (!Number.isSafeInteger(input.qty) || input.qty < 1 || input.qty > 100)
    errors.push({
      path: '/qty',
      message: 'harus bilangan bulat 1–100',
      messageEn: 'must be a whole number 1–100',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', { message: 'Pesanan tidak valid', details: errors });
  const hash = contentHash({
    n: input.nip,
    m: input.month,
    p: input.packageId,
    q: input.qty,
    c: input.pickupCooperativeId ?? null,
  });
  const participant = await findParticipant(db, program.orgId, programId, input.nip, {
    lock: true,
  });
  if (opts.participant && opts.participant.nip !== input.nip)
    throw new DomainError('Forbidden', {
      message: 'Anda hanya dapat memesan untuk diri sendiri',
      messageEn: 'You may only order for yourself',
    });
  const orders = await findOrderAndMonthOrders(db, program.orgId, input.id, {
    programId,
    month: input.month,
    nip: input.nip,
  });
  const existing = orders.find((o) => o.id === input.id);
  if (existing && existing.programId !== programId)
    throw new DomainError('IdempotencyConflict', { message: 'Id pesanan sudah dipakai' });
  if (isReplay(existing, hash, 'Pesanan')) return placed(existing!, false);
  if (!participant) notFound('Peserta', 'Participant');
  if (!participant.payrollAuthRef) payrollAuthorizationMissing();
  // The package with its period's window in one query; the period alone only to explain a refusal.
  const now = ctx.clock.now();
  const pkg =
    (await findPackageOfPeriod(db, program.orgId, programId, input.month, input.packageId)) ??
    (await refusePackage(db, program.orgId, programId, input.month, now));
  checkOrderingWindow(pkg, input.month, now);
  // A cancelled order, or a pickup reversed by a correction, leaves room for another.
  const active = orders.filter((o) => o.status !== 'cancelled' && !o.voided).length;
  if (active >= program.ordersPerPeriod)
    invalidState(
      `Batas ${program.ordersPerPeriod} pesanan per periode sudah tercapai`,
      `The limit of ${program.ordersPerPeriod} order(s) per period is reached`,
    );
  const coopId = input.pickupCooperativeId ?? participant.pickupCooperativeId;
  if (!coopId)
    throw new DomainError('ValidationFailed', {
      message: 'Kelurahan Anda belum memiliki KDKMP; pilih koperasi pengambilan',
      messageEn: 'Your kelurahan has no KDKMP; choose a pickup cooperative',
      details: [
        {
          path: '/pickupCooperativeId',
          message: 'wajib dipilih: kelurahan ini belum punya KDKMP',
          messageEn: 'required: no KDKMP at the kelurahan',
        },
      ],
    });
  if (!(await findParticipation(db, coopId, { hubId: program.hubId })))
    throw new DomainError('ValidationFailed', {
      message: 'Koperasi pengambilan bukan peserta program',
      details: [
        {
          path: '/pickupCooperativeId',
          message: 'bukan koperasi dari hub program ini',
          messageEn: "not a cooperative of the program's hub",
        },
      ],
    });
  const row: SembakoOrderTable = {
    orgId: program.orgId,
    id: input.id,
    programId,
    month: input.month,
    nip: input.nip,
    packageId: pkg.id,
    qty: input.qty,
    unitPrice: pkg.price,
    unitSubsidy: pkg.sponsorSubsidy,
    pickupCooperativeId: coopId,
    pickupCode: newPickupCode(),
    status: 'ordered',
    contentHash: hash,
    createdAt: now.toISOString(),
    cancelledAt: null,
    pickedUpAt: null,
    pickupDate: null,
    saleId: null,
  };
  await insertOrder(db, row);
  return placed(row, true);
}

function checkOrderingWindow(
  period: { orderOpensAt: string; orderClosesAt: string },
  month: string,
  now: Date,
) {
  if (now < new Date(period.orderOpensAt))
    invalidState(
      `Pemesanan periode ${month} belum dibuka (buka ${period.orderOpensAt})`,
      `Ordering for ${month} has not opened yet (opens ${period.orderOpensAt})`,
    );
  if (now >= new Date(period.orderClosesAt))
    invalidState(
      `Pemesanan periode ${month} sudah ditutup (${period.orderClosesAt})`,
      `Ordering for ${month} closed at ${period.orderClosesAt}`,
    );
}

/** Why a package cannot be ordered: no such period (NotFound), its window, else not a package of it. */
async function refusePackage(
  db: Db,
  orgId: string,
  programId: string,
  month: string,
  now: Date,
): Promise<never> {
  const period = await findPeriod(db, orgId, programId, month);
  if (!period) notFound(`Periode ${month}`, `Period ${month}`);
  checkOrderingWindow(period, month, now);
  throw new DomainError('ValidationFailed', {
    message: 'Paket tidak ada pada periode ini',
    details: [
      {
        path: '/packageId',
        message: 'bukan paket periode ini',
        messageEn: 'not a package of this period',
      },
    ],
  });
}

async function loadOrder(db: Db, program: SembakoProgramTable, orderId: string) {
  const order = isUuid(orderId)
    ? await findOrderById(db, program.orgId, orderId, { lock: true })
    : undefined;
  if (!order || order.programId !== program.id) notFound('Pesanan', 'Order');
  return order;
}

/** The order of a program, or NotFound (for authorization before a command). */
export async function findProgramOrder(db: Db, programId: string, orderId: string) {
  const program = await loadProgram(db, programId);
  return { program, order: await loadOrder(db, program, orderId) };
}

/** Cancels an order that has not been picked up (idempotent: cancelling twice is a no-op). */
export async function cancelOrder(db: Db, ctx: CommandContext, programId: string, orderId: string) {
  const program = await loadProgram(db, programId);
  const order = await loadOrder(db, program, orderId);
  if (order.status === 'picked_up')
    invalidState(
      'Pesanan sudah diambil; tidak dapat dibatalkan',
      'The order was picked up; it cannot be cancelled',
    );
  if (order.status === 'ordered') {
    const at = ctx.clock.now().toISOString();
    await updateOrder(db, program.orgId, order.id, { status: 'cancelled', cancelledAt: at });
    return { ...order, status: 'cancelled' as const, cancelledAt: at };
  }
  return order;
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a.trim().toUpperCase());
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The participant picks the order up at its cooperative, showing the code.
 * Keeps: the code is single-use (a picked-up or cancelled order refuses it,
 * InvalidState) and must match (ValidationFailed on /code); the pickup is
 * recorded as a sale at the cooperative with payment method `payroll` through
 * `recordSales` (C: Dr Piutang Potong Gaji, Cr Utang kepada Pengamanat, Cr
 * Pendapatan Komisi; H: as a sale), its lines the package price split over
 * the items at or under each ceiling (`splitPackagePrice`), adding up to
 * qty × price exactly. What the participant owes in cash at this cooperative
 * for failed deductions is collected with it (`collectCashDue`: the desk
 * confirms the amount as `cashCollected`).
 */
export async function pickupOrder(
  db: Db,
  ctx: CommandContext,
  programId: string,
  orderId: string,
  code: string,
  opts: { cashCollected?: number } = {},
) {
  const program = await loadProgram(db, programId);
  const order = await loadOrder(db, program, orderId);
  if (order.status === 'picked_up')
    invalidState('Kode pengambilan sudah dipakai', 'The pickup code was already used');
  if (order.status === 'cancelled')
    invalidState('Pesanan sudah dibatalkan', 'The order was cancelled');
  if (typeof code !== 'string' || !sameCode(code, order.pickupCode))
    throw new DomainError('ValidationFailed', {
      message: 'Kode pengambilan salah',
      messageEn: 'Wrong pickup code',
      details: [
        { path: '/code', message: 'kode pengambilan salah', messageEn: 'wrong pickup code' },
      ],
    });
  const c = await loadCooperativeContext(db, order.pickupCooperativeId);
  const items = await findPackageItems(db, program.orgId, [order.packageId]);
  const now = ctx.clock.now();
  const date = wibDateOf(now);
  const book = await loadPriceBook(
    db,
    items.map((i) => i.productId),
    c.coop.provinceCode,
  );
  const lines = splitPackagePrice(
    order.unitPrice,
    items.map((i) => ({
      productId: i.productId,
      qty: i.qty,
      ceiling: book.ceiling(i.productId, c.coop.provinceCode, date)?.amount,
      fallbackPrice: book.price(i.productId, 'retail', date) ?? 0,
    })),
    order.qty,
  );
  if (!lines)
    throw new DomainError('PriceAboveCeiling', {
      message: `Harga paket ${formatRupiah(order.unitPrice)} melebihi HET/HAP yang berlaku hari ini`,
      messageEn: `The package price ${order.unitPrice} is above today's ceilings`,
    });
  const cashCollected = await collectCashDue(db, ctx, program, order, date, opts.cashCollected);
  const saleId = newId();
  const [result] = await recordSales(db, ctx, order.pickupCooperativeId, [
    { id: saleId, occurredAt: now.toISOString(), paymentMethod: 'payroll', lines },
  ]);
  if (result?.status !== 'created')
    throw new DomainError(result?.code ?? 'InvalidState', {
      message: result?.message ?? 'Penjualan ditolak',
    });
  await updateOrder(db, program.orgId, order.id, {
    status: 'picked_up',
    pickedUpAt: now.toISOString(),
    pickupDate: date,
    saleId,
  });
  return {
    id: order.id,
    status: 'picked_up' as const,
    saleId,
    cooperativeId: order.pickupCooperativeId,
    pickupDate: date,
    amount: order.qty * order.unitPrice,
    amountToDeduct: order.qty * (order.unitPrice - order.unitSubsidy),
    cashCollected,
    lines,
  };
}
