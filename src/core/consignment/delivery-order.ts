import type { Db } from '../../db/database.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { moveStock } from '../inventory/index.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { checkDispatchWithin, loadCooperativeContext, pickWarehouse } from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import { todayWib } from '../shared/clock.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, newId } from '../shared/ids.ts';
import { prorateHalfUp } from '../shared/money.ts';
import {
  findDeliveryOrderById,
  findDeliveryOrderLines,
  insertDeliveryOrder,
  updateDeliveryOrder,
  updateDeliveryOrderLine,
} from './consignment.repository.ts';
import { assessDispatch } from './dispatch-check.ts';
import { checkDispatchAllowed } from './exposure.ts';
import { checkLines, consignmentPrices, failIf, isNonNegativeInt } from './lines.ts';

export interface DeliveryOrderInput {
  id?: string;
  cooperativeId: string;
  warehouseId?: string;
  date?: string;
  lines: { productId: string; qty: number }[];
}

/**
 * A draft delivery order from a hub warehouse to a cooperative, valued at
 * today's consignment prices, numbered `SJ/…` in the hub's sequence of its
 * year (the number is taken last, so a refused order takes none). Idempotent
 * by id.
 */
export async function createDeliveryOrder(db: Db, ctx: CommandContext, input: DeliveryOrderInput) {
  const date = businessDateOf(ctx, input.date);
  const c = await loadCooperativeContext(db, input.cooperativeId);
  const id = input.id ?? newId();
  const hash = contentHash({
    c: input.cooperativeId,
    w: input.warehouseId ?? null,
    d: input.date ?? null,
    l: input.lines,
  });
  const existing = await findDeliveryOrderById(db, id);
  if (existing && existing.orgId !== c.coop.id)
    throw new DomainError('IdempotencyConflict', { message: 'Id surat jalan sudah dipakai' });
  if (isReplay(existing, hash, 'Surat jalan'))
    return {
      id,
      number: existing!.number,
      status: existing!.status,
      value: existing!.value,
      created: false,
    };

  const book = await loadPriceBook(
    db,
    (input.lines ?? []).map((l) => l.productId),
  );
  failIf(checkLines(input.lines, 'qty', book, c.hubId), 'Surat jalan tidak valid');
  const warehouse = pickWarehouse(c.hubWarehouses, input.warehouseId);
  const prices = consignmentPrices(
    book,
    input.lines.map((l) => l.productId),
    date,
  );
  const value = input.lines.reduce((t, l) => t + l.qty * prices.get(l.productId)!, 0);
  const number = await allocateDocumentNumber(db, { issuerId: c.hubId, kind: 'SJ', date });
  await insertDeliveryOrder(
    db,
    {
      orgId: c.coop.id,
      id,
      number,
      hubId: c.hubId,
      warehouseId: warehouse.id,
      status: 'draft',
      value,
      contentHash: hash,
      orderDate: date,
      dispatchedOn: null,
      receivedOn: null,
      cancelledOn: null,
      overrideReason: null,
      overrideBy: null,
      createdAt: ctx.clock.now().toISOString(),
      createdBy: ctx.actor?.userId ?? null,
      receiptId: null,
    },
    input.lines.map((l, i) => ({
      orgId: c.coop.id,
      deliveryOrderId: id,
      lineNo: i + 1,
      productId: l.productId,
      qty: l.qty,
      dispatchValue: null,
      qtyReceived: null,
      receivedValue: null,
    })),
  );
  return { id, number, status: 'draft' as const, value, created: true };
}

/** A delivery order by id; `NotFound` for an unknown id. */
export async function loadDeliveryOrder(db: Db, id: string) {
  const order = await findDeliveryOrderById(db, id);
  if (!order)
    throw new DomainError('NotFound', {
      message: 'Surat jalan tidak ditemukan',
      messageEn: 'Delivery order not found',
    });
  return order;
}

/** Only drafts can be cancelled. */
export async function cancelDeliveryOrder(db: Db, ctx: CommandContext, id: string) {
  const found = await loadDeliveryOrder(db, id);
  // The same lock as dispatch: a cancel racing a dispatch sees its outcome.
  await loadCooperativeContext(db, found.orgId, { lock: true });
  const order = (await findDeliveryOrderById(db, id, found.orgId))!;
  if (order.status === 'cancelled') return { id, status: 'cancelled' as const };
  if (order.status !== 'draft')
    throw new DomainError('InvalidState', {
      message: 'Hanya surat jalan berstatus draf yang dapat dibatalkan',
    });
  await updateDeliveryOrder(db, order.orgId, id, {
    status: 'cancelled',
    cancelledOn: todayWib(ctx.clock),
  });
  return { id, status: 'cancelled' as const };
}

/**
 * Sends a draft: warehouse → transit at the moving-average cost; H: Dr
 * Persediaan Dalam Perjalanan, Cr Persediaan Gudang. Keeps the exposure
 * limit and the shipping hold of the terms in force on the dispatch's date
 * (overridable by a hub admin with a reason, audited), never ships after the
 * participation's end (`ParticipationEnded`, not overridable) and never ships
 * stock the warehouse does not hold.
 */
export async function dispatchDeliveryOrder(
  db: Db,
  ctx: CommandContext,
  id: string,
  input: { override?: { reason: string }; date?: string } = {},
) {
  const date = businessDateOf(ctx, input.date);
  const found = await loadDeliveryOrder(db, id);
  // The terms in force on the dispatch's date: its limit and grace days.
  const c = await loadCooperativeContext(db, found.orgId, { lock: true, on: date });
  const order = (await findDeliveryOrderById(db, id, found.orgId))!;
  if (order.status === 'dispatched') return { id, status: 'dispatched' as const };
  if (order.status !== 'draft')
    throw new DomainError('InvalidState', {
      message: `Surat jalan berstatus ${order.status} tidak dapat dikirim`,
    });
  if (date < order.orderDate)
    throw new DomainError('ValidationFailed', {
      message: 'Tanggal kirim sebelum tanggal surat jalan',
      details: [
        { path: '/date', message: 'sebelum tanggal pesanan', messageEn: 'before the order date' },
      ],
    });
  checkDispatchWithin(c.participation, c.coop.name, date);
  const lines = await findDeliveryOrderLines(db, c.coop.id, id);
  const warehouse = pickWarehouse(c.hubWarehouses, order.warehouseId);

  const overridden = !!input.override;
  if (overridden) {
    if (ctx.actor?.role !== 'hub_admin')
      throw new DomainError('Forbidden', {
        message: 'Hanya admin hub yang dapat mengesampingkan pemeriksaan pengiriman',
      });
    if (!input.override!.reason?.trim()) {
      throw new DomainError('ValidationFailed', {
        message: 'Alasan wajib diisi',
        details: [{ path: '/override/reason', message: 'wajib diisi', messageEn: 'required' }],
      });
    }
  }

  const today = todayWib(ctx.clock);
  const { stockShortfalls, book, exposure, orderValue, position } = await assessDispatch(
    db,
    c,
    lines,
    warehouse,
    today,
    { lockStock: true },
  );
  if (stockShortfalls.length) {
    throw new DomainError('InsufficientStock', {
      message: 'Stok gudang tidak cukup',
      messageEn: 'The warehouse does not hold enough stock',
      details: stockShortfalls.map((s) => ({
        path: `/lines/${s.lineNo - 1}`,
        message: `stok gudang ${s.available}, pesanan butuh ${s.needed}`,
        messageEn: `warehouse holds ${s.available}, order needs ${s.needed}`,
      })),
    });
  }
  checkDispatchAllowed(exposure, orderValue, position, overridden);

  const now = ctx.clock.now();
  const moved = await moveStock(
    db,
    [
      {
        orgId: c.coop.id,
        date,
        docType: 'delivery_dispatch',
        docId: id,
        moves: lines.map((l) => ({
          productId: l.productId,
          ownerOrgId: c.hubId,
          from: warehouse,
          to: c.transit,
          qty: l.qty,
          fallbackUnitCost: book.products.get(l.productId)?.lastUnitCost ?? 0,
        })),
      },
    ],
    now,
  );
  let total = 0;
  for (const [i, l] of lines.entries()) {
    const v = moved.moves[i]!.value;
    total += v;
    await updateDeliveryOrderLine(db, c.coop.id, id, l.lineNo, { dispatchValue: v });
  }
  await updateDeliveryOrder(db, c.coop.id, id, {
    status: 'dispatched',
    dispatchedOn: date,
    overrideReason: overridden ? input.override!.reason.trim() : null,
    overrideBy: overridden ? (ctx.actor?.userId ?? null) : null,
  });
  await postJournalEntries(
    db,
    [
      {
        orgId: c.hubId,
        book: 'hub',
        date,
        docType: 'delivery_dispatch',
        docId: id,
        memo: `Pengiriman ke ${c.coop.name}`,
        lines: [
          { account: HUB.persediaanPerjalanan, counterpartyOrgId: c.coop.id, debit: total },
          { account: HUB.persediaanGudang, credit: total },
        ],
      },
    ],
    now,
  );
  if (overridden) {
    await recordAuditEvent(db, ctx, {
      orgId: c.hubId,
      action: 'delivery_order.dispatch_override',
      targetType: 'delivery_order',
      targetId: id,
      detail: {
        reason: input.override!.reason.trim(),
        exposure: exposure.exposure,
        orderValue,
        exposureLimit: exposure.exposureLimit,
        holds: position.holdStatements.map((s) => s.id),
      },
    });
  }
  return { id, status: 'dispatched' as const };
}

/**
 * The cooperative receives a dispatched order line by line. Received units
 * transit → store, short units transit → loss (the hub's loss, not the
 * cooperative's); H: Dr Persediaan di Koperasi, Dr Beban Susut, Cr Persediaan
 * Dalam Perjalanan, exactly the value dispatched.
 */
export async function receiveDeliveryOrder(
  db: Db,
  ctx: CommandContext,
  id: string,
  input: { lines: { productId: string; qtyReceived: number }[]; date?: string },
) {
  const date = businessDateOf(ctx, input.date);
  const found = await loadDeliveryOrder(db, id);
  const c = await loadCooperativeContext(db, found.orgId, { lock: true });
  const order = (await findDeliveryOrderById(db, id, found.orgId))!;
  if (order.status === 'received') return { id, status: 'received' as const };
  if (order.status !== 'dispatched')
    throw new DomainError('InvalidState', {
      message: `Surat jalan berstatus ${order.status} tidak dapat diterima`,
    });
  if (date < order.dispatchedOn!)
    throw new DomainError('ValidationFailed', {
      message: 'Tanggal terima sebelum tanggal kirim',
      details: [
        {
          path: '/date',
          message: 'sebelum tanggal pengiriman',
          messageEn: 'before the dispatch date',
        },
      ],
    });
  const lines = await findDeliveryOrderLines(db, c.coop.id, id);
  const errors: ErrorDetail[] = [];
  const given = new Map<string, number>();
  (input.lines ?? []).forEach((l, i) => {
    const line = lines.find((x) => x.productId === l.productId);
    if (!line)
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'tidak ada di surat jalan ini',
        messageEn: 'not on this delivery order',
      });
    else if (given.has(l.productId))
      errors.push({
        path: `/lines/${i}/productId`,
        message: 'produk tercantum dua kali',
        messageEn: 'product listed twice',
      });
    else if (!isNonNegativeInt(l.qtyReceived) || l.qtyReceived > line.qty) {
      errors.push({
        path: `/lines/${i}/qtyReceived`,
        message: `harus bilangan bulat 0 sampai ${line.qty}`,
        messageEn: `must be a whole number from 0 to ${line.qty}`,
      });
    }
    given.set(l.productId, l.qtyReceived);
  });
  lines.forEach((l) => {
    if (!given.has(l.productId))
      errors.push({
        path: '/lines',
        message: `produk ${l.productId} belum diisi`,
        messageEn: `missing product ${l.productId}`,
      });
  });
  failIf(errors, 'Penerimaan surat jalan tidak valid');

  const moves = [];
  let receivedTotal = 0;
  let shortTotal = 0;
  for (const l of lines) {
    const r = given.get(l.productId)!;
    const dispatched = l.dispatchValue ?? 0;
    const rv = prorateHalfUp(dispatched, r, l.qty);
    const sv = dispatched - rv;
    receivedTotal += rv;
    shortTotal += sv;
    if (r > 0)
      moves.push({
        productId: l.productId,
        ownerOrgId: c.hubId,
        from: c.transit,
        to: c.store,
        qty: r,
        value: rv,
        fallbackUnitCost: 0,
      });
    if (l.qty - r > 0)
      moves.push({
        productId: l.productId,
        ownerOrgId: c.hubId,
        from: c.transit,
        to: c.hubLoss,
        qty: l.qty - r,
        value: sv,
        fallbackUnitCost: 0,
      });
    await updateDeliveryOrderLine(db, c.coop.id, id, l.lineNo, {
      qtyReceived: r,
      receivedValue: rv,
    });
  }
  const now = ctx.clock.now();
  // The first receipt is posted under the order's id; one after a reversed receipt under receiptId.
  const receiptId = order.receiptId ?? id;
  await moveStock(
    db,
    [{ orgId: c.coop.id, date, docType: 'delivery_receipt', docId: receiptId, moves }],
    now,
  );
  await updateDeliveryOrder(db, c.coop.id, id, { status: 'received', receivedOn: date });
  await postJournalEntries(
    db,
    [
      {
        orgId: c.hubId,
        book: 'hub',
        date,
        docType: 'delivery_receipt',
        docId: receiptId,
        memo: `Diterima oleh ${c.coop.name}`,
        lines: [
          { account: HUB.persediaanKoperasi, counterpartyOrgId: c.coop.id, debit: receivedTotal },
          { account: HUB.bebanSusut, counterpartyOrgId: c.coop.id, debit: shortTotal },
          {
            account: HUB.persediaanPerjalanan,
            counterpartyOrgId: c.coop.id,
            credit: receivedTotal + shortTotal,
          },
        ],
      },
    ],
    now,
  );
  return { id, status: 'received' as const };
}
