import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { findBalancesForUpdate, moveStock } from '../inventory/index.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { loadCooperativeContext, pickWarehouse } from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { findStockReturn, insertStockReturn } from './consignment.repository.ts';
import { checkLines, failIf } from './lines.ts';

export interface ReturnInput {
  id: string;
  lines: { productId: string; qty: number }[];
  reason: string;
  warehouseId?: string;
  date?: string;
}

/**
 * Goods handed back by the cooperative, received at the hub: store →
 * warehouse at cost; H: Dr Persediaan Gudang, Cr Persediaan di Koperasi.
 * Keeps: only stock the store holds can go back. Numbered `RTR/…` in the
 * cooperative's sequence of its year (taken after every check, so a refused
 * return takes none). Idempotent by id.
 */
export async function createReturn(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: ReturnInput,
) {
  if (typeof input.id !== 'string' || !isUuid(input.id))
    throw new DomainError('ValidationFailed', {
      message: 'id harus UUID',
      details: [{ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' }],
    });
  const date = businessDateOf(ctx, input.date);
  const c = await loadCooperativeContext(db, coopId, { lock: true });
  const hash = contentHash({
    l: input.lines,
    r: input.reason,
    w: input.warehouseId ?? null,
    d: input.date ?? null,
  });
  const existing = await findStockReturn(db, coopId, input.id);
  if (isReplay(existing, hash, 'Retur'))
    return { id: input.id, number: existing!.number, created: false };

  const book = await loadPriceBook(
    db,
    (input.lines ?? []).map((l) => l.productId),
  );
  const errors = checkLines(input.lines, 'qty', book, c.hubId);
  if (!input.reason?.trim())
    errors.push({ path: '/reason', message: 'wajib diisi', messageEn: 'required' });
  failIf(errors, 'Retur tidak valid');
  const warehouse = pickWarehouse(c.hubWarehouses, input.warehouseId);
  const balances = await findBalancesForUpdate(
    db,
    input.lines.map((l) => ({
      orgId: coopId,
      locationId: c.store.id,
      productId: l.productId,
      ownerOrgId: c.hubId,
    })),
  );
  const short = input.lines
    .map((l, i) => ({ l, i, held: balances.find((b) => b.productId === l.productId)?.qty ?? 0 }))
    .filter((x) => x.held < x.l.qty);
  if (short.length) {
    throw new DomainError('InsufficientStock', {
      message: 'Stok koperasi tidak cukup untuk diretur',
      details: short.map((x) => ({
        path: `/lines/${x.i}/qty`,
        message: `stok di toko ${Math.max(0, x.held)}`,
        messageEn: `store holds ${Math.max(0, x.held)}`,
      })),
    });
  }
  const now = ctx.clock.now();
  const moved = await moveStock(
    db,
    [
      {
        orgId: coopId,
        date,
        docType: 'return',
        docId: input.id,
        moves: input.lines.map((l) => ({
          productId: l.productId,
          ownerOrgId: c.hubId,
          from: c.store,
          to: warehouse,
          qty: l.qty,
          fallbackUnitCost: book.products.get(l.productId)!.lastUnitCost,
        })),
      },
    ],
    now,
  );
  const total = moved.moves.reduce((t, m) => t + m.value, 0);
  const number = await allocateDocumentNumber(db, { issuerId: coopId, kind: 'RTR', date });
  await insertStockReturn(
    db,
    {
      orgId: coopId,
      id: input.id,
      number,
      hubId: c.hubId,
      warehouseId: warehouse.id,
      returnDate: date,
      reason: input.reason.trim(),
      contentHash: hash,
      createdAt: now.toISOString(),
    },
    input.lines.map((l, i) => ({
      orgId: coopId,
      returnId: input.id,
      lineNo: i + 1,
      productId: l.productId,
      qty: l.qty,
      costValue: moved.moves[i]!.value,
    })),
  );
  await postJournalEntries(
    db,
    [
      {
        orgId: c.hubId,
        book: 'hub',
        date,
        docType: 'return',
        docId: input.id,
        memo: `Retur dari ${c.coop.name}: ${input.reason.trim()}`,
        lines: [
          { account: HUB.persediaanGudang, debit: total },
          { account: HUB.persediaanKoperasi, counterpartyOrgId: coopId, credit: total },
        ],
      },
    ],
    now,
  );
  return { id: input.id, number, created: true };
}
