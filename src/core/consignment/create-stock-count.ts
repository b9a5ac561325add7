import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import {
  findBalancesForUpdate,
  moveStock,
  resolveDiscrepancies,
  type MoveInput,
} from '../inventory/index.ts';
import { COOP, HUB, postJournalEntries } from '../ledger/index.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import { wibDateOf } from '../shared/business-date.ts';
import { isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import type { StockCountLineTable } from './consignment.table.ts';
import { findStockCount, findStockCountLines, insertStockCount } from './consignment.repository.ts';
import { checkLines, consignmentPrices, failIf } from './lines.ts';

export interface StockCountInput {
  id: string;
  countedAt: string;
  lines: { productId: string; qtyCounted: number }[];
}

export interface StockCountResultLine {
  productId: string;
  expected: number;
  counted: number;
  variance: number;
  chargeAmount: number;
}

const toResult = (l: StockCountLineTable): StockCountResultLine => ({
  productId: l.productId,
  expected: l.expected,
  counted: l.counted,
  variance: l.variance,
  chargeAmount: l.chargeAmount,
});

/**
 * A count of the hub's consigned stock at a cooperative. Shortage: store →
 * loss, charged like a sale at the consignment price (C: Dr Beban Susut, Cr
 * Utang kepada Pengamanat; H: as a sale). Surplus: loss → store at cost, no
 * charge (H: Dr Persediaan di Koperasi, Cr Beban Susut). Numbered `SO/…`
 * in the cooperative's sequence of its year (taken after every check, so a
 * refused count takes none). Idempotent by id.
 */
export async function createStockCount(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: StockCountInput,
) {
  if (typeof input.id !== 'string' || !isUuid(input.id))
    throw new DomainError('ValidationFailed', {
      message: 'id harus UUID',
      details: [{ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' }],
    });
  const at = new Date(input.countedAt);
  if (typeof input.countedAt !== 'string' || Number.isNaN(at.getTime())) {
    throw new DomainError('ValidationFailed', {
      message: 'countedAt harus waktu ISO 8601',
      details: [
        {
          path: '/countedAt',
          message: 'harus berupa waktu yang sah (ISO 8601)',
          messageEn: 'must be an ISO 8601 instant',
        },
      ],
    });
  }
  const now = ctx.clock.now();
  if (at.getTime() > now.getTime() + 10 * 60 * 1000) {
    throw new DomainError('DateInFuture', {
      message: 'Waktu penghitungan belum terjadi',
      details: [
        {
          path: '/countedAt',
          message: 'tidak boleh di masa depan',
          messageEn: 'must not be in the future',
        },
      ],
    });
  }
  const date = wibDateOf(at.getTime() > now.getTime() ? now : at);
  const c = await loadCooperativeContext(db, coopId, { lock: true });
  const hash = contentHash({ a: input.countedAt, l: input.lines });
  const existing = await findStockCount(db, coopId, input.id);
  if (isReplay(existing, hash, 'Stok opname'))
    return {
      id: input.id,
      number: existing!.number,
      created: false,
      lines: (await findStockCountLines(db, coopId, input.id)).map(toResult),
    };

  const book = await loadPriceBook(
    db,
    (input.lines ?? []).map((l) => l.productId),
  );
  failIf(
    checkLines(input.lines, 'qtyCounted', book, c.hubId, { allowZero: true }),
    'Stok opname tidak valid',
  );
  const prices = consignmentPrices(
    book,
    input.lines.map((l) => l.productId),
    date,
  );
  const balances = await findBalancesForUpdate(
    db,
    input.lines.map((l) => ({
      orgId: coopId,
      locationId: c.store.id,
      productId: l.productId,
      ownerOrgId: c.hubId,
    })),
  );
  const held = new Map(balances.map((b) => [b.productId, b.qty]));

  const moves: MoveInput[] = [];
  const lines = input.lines.map((l, i) => {
    const expected = held.get(l.productId) ?? 0;
    const variance = l.qtyCounted - expected;
    const fallbackUnitCost = book.products.get(l.productId)!.lastUnitCost;
    if (variance < 0)
      moves.push({
        productId: l.productId,
        ownerOrgId: c.hubId,
        from: c.store,
        to: c.loss,
        qty: -variance,
        fallbackUnitCost,
      });
    if (variance > 0)
      moves.push({
        productId: l.productId,
        ownerOrgId: c.hubId,
        from: c.loss,
        to: c.store,
        qty: variance,
        fallbackUnitCost,
      });
    return {
      orgId: coopId,
      countId: input.id,
      lineNo: i + 1,
      productId: l.productId,
      expected,
      counted: l.qtyCounted,
      variance,
      chargeAmount: variance < 0 ? -variance * prices.get(l.productId)! : 0,
      costValue: 0,
    };
  });
  const moved = await moveStock(
    db,
    [{ orgId: coopId, date, docType: 'stock_count', docId: input.id, moves }],
    now,
  );
  let m = 0;
  for (const l of lines) if (l.variance !== 0) l.costValue = moved.moves[m++]!.value;

  const charge = lines.reduce((t, l) => t + l.chargeAmount, 0);
  const shortageCost = lines.filter((l) => l.variance < 0).reduce((t, l) => t + l.costValue, 0);
  const surplusCost = lines.filter((l) => l.variance > 0).reduce((t, l) => t + l.costValue, 0);
  const number = await allocateDocumentNumber(db, { issuerId: coopId, kind: 'SO', date });
  await insertStockCount(
    db,
    {
      orgId: coopId,
      id: input.id,
      number,
      hubId: c.hubId,
      countedAt: at.toISOString(),
      countDate: date,
      shrinkageAmount: charge,
      contentHash: hash,
      statementId: null,
      createdAt: now.toISOString(),
    },
    lines,
  );
  await postJournalEntries(
    db,
    [
      {
        orgId: coopId,
        book: 'cooperative',
        date,
        docType: 'stock_count',
        docId: input.id,
        memo: 'Susut stok opname barang konsinyasi',
        lines: [
          { account: COOP.bebanSusut, debit: charge },
          { account: COOP.utangPengamanat, counterpartyOrgId: c.hubId, credit: charge },
        ],
      },
      {
        orgId: c.hubId,
        book: 'hub',
        date,
        docType: 'stock_count',
        docId: input.id,
        memo: `Stok opname ${c.coop.name}`,
        lines: [
          { account: HUB.piutangKonsinyasi, counterpartyOrgId: coopId, debit: charge },
          { account: HUB.penjualan, counterpartyOrgId: coopId, credit: charge },
          { account: HUB.hpp, counterpartyOrgId: coopId, debit: shortageCost },
          { account: HUB.persediaanKoperasi, counterpartyOrgId: coopId, credit: shortageCost },
          { account: HUB.persediaanKoperasi, counterpartyOrgId: coopId, debit: surplusCost },
          { account: HUB.bebanSusut, counterpartyOrgId: coopId, credit: surplusCost },
        ],
      },
    ],
    now,
  );
  await resolveDiscrepancies(
    db,
    coopId,
    c.store.id,
    input.lines.map((l) => l.productId),
    input.id,
  );
  return { id: input.id, number, created: true, lines: lines.map(toResult) };
}
