import type { Db } from '../../db/database.ts';
import { loadPriceBook, updateProductLastUnitCost } from '../catalog/index.ts';
import { averageUnitCost, balanceKey, findLocationsOfOrgs, moveStock } from '../inventory/index.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { pickWarehouse } from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import { openSupplierInvoice } from '../suppliers/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { contentHash, newId } from '../shared/ids.ts';
import { lineAmount, rupiah } from '../shared/money.ts';
import { checkLines, failIf, isNonNegativeInt } from './lines.ts';
import { findGoodsReceipt, insertGoodsReceipt } from './consignment.repository.ts';

export interface GoodsReceiptInput {
  id?: string;
  warehouseId?: string;
  supplierName: string;
  date?: string;
  lines: { productId: string; qty: number; unitCost: number }[];
}

/**
 * Goods from a supplier into a hub warehouse. Stock supplier → warehouse at
 * the unit cost; H: Dr Persediaan Gudang, Cr Utang Usaha. Moves the product's
 * moving-average cost. Numbered `BPB/…` in the hub's sequence of its year
 * (taken last, so a refused receipt takes none). Becomes the supplier's
 * invoice (suppliers: due on its date + the supplier's terms). Idempotent by id.
 */
export async function createGoodsReceipt(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: GoodsReceiptInput,
) {
  const date = businessDateOf(ctx, input.date);
  const id = input.id ?? newId();
  const hash = contentHash({
    w: input.warehouseId ?? null,
    s: input.supplierName,
    d: input.date ?? null,
    l: input.lines,
  });
  const existing = await findGoodsReceipt(db, hubId, id);
  if (isReplay(existing, hash, 'Penerimaan barang'))
    return { id, number: existing!.number, totalCost: existing!.totalCost, created: false };

  const book = await loadPriceBook(
    db,
    (input.lines ?? []).map((l) => l.productId),
  );
  const errors = checkLines(input.lines, 'qty', book, hubId);
  if (!input.supplierName?.trim())
    errors.push({ path: '/supplierName', message: 'wajib diisi', messageEn: 'required' });
  input.lines?.forEach((l, i) => {
    if (!isNonNegativeInt(l.unitCost))
      errors.push({
        path: `/lines/${i}/unitCost`,
        message: 'harus rupiah bulat, 0 atau lebih',
        messageEn: 'must be whole rupiah ≥ 0',
      });
  });
  failIf(errors, 'Penerimaan barang tidak valid');

  const locs = await findLocationsOfOrgs(db, [hubId]);
  const warehouse = pickWarehouse(
    locs.filter((l) => l.kind === 'warehouse'),
    input.warehouseId,
  );
  const supplier = locs.find((l) => l.kind === 'supplier')!;
  const now = ctx.clock.now();
  const lines = input.lines.map((l, i) => ({
    ...l,
    lineNo: i + 1,
    value: lineAmount(rupiah(l.unitCost), l.qty),
  }));
  const totalCost = rupiah(lines.reduce((t, l) => t + l.value, 0));
  const number = await allocateDocumentNumber(db, { issuerId: hubId, kind: 'BPB', date });

  await insertGoodsReceipt(
    db,
    {
      orgId: hubId,
      id,
      number,
      warehouseId: warehouse.id,
      supplierName: input.supplierName.trim(),
      receiptDate: date,
      totalCost,
      contentHash: hash,
      createdAt: now.toISOString(),
      createdBy: ctx.actor?.userId ?? null,
    },
    lines.map((l) => ({
      orgId: hubId,
      receiptId: id,
      lineNo: l.lineNo,
      productId: l.productId,
      qty: l.qty,
      unitCost: l.unitCost,
    })),
  );
  const moved = await moveStock(
    db,
    [
      {
        orgId: hubId,
        date,
        docType: 'goods_receipt',
        docId: id,
        moves: lines.map((l) => ({
          productId: l.productId,
          ownerOrgId: hubId,
          from: supplier,
          to: warehouse,
          qty: l.qty,
          value: l.value,
          fallbackUnitCost: l.unitCost,
        })),
      },
    ],
    now,
  );
  for (const l of lines) {
    const after = moved.after.get(balanceKey(warehouse.id, l.productId, hubId));
    if (after) await updateProductLastUnitCost(db, l.productId, averageUnitCost(after, l.unitCost));
  }
  await postJournalEntries(
    db,
    [
      {
        orgId: hubId,
        book: 'hub',
        date,
        docType: 'goods_receipt',
        docId: id,
        memo: `Penerimaan barang dari ${input.supplierName.trim()}`,
        lines: [
          { account: HUB.persediaanGudang, debit: totalCost },
          { account: HUB.utangUsaha, credit: totalCost },
        ],
      },
    ],
    now,
  );
  await openSupplierInvoice(
    db,
    { hubId, id, number, supplierName: input.supplierName, date, amount: totalCost },
    now,
  );
  return { id, number, totalCost, created: true };
}
