import type { DocType } from '../shared/doc-type.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { LocationTable, StockBalanceTable, StockMoveTable } from './inventory.table.ts';
import {
  VALUED_LOCATION_KINDS,
  averageUnitCost,
  checkMove,
  costOut,
  type Balance,
} from './stock.ts';
import { addToStockBalances, findBalancesForUpdate, insertStockMoves } from './stock.repository.ts';

export interface MoveInput {
  productId: string;
  ownerOrgId: string;
  from: LocationTable;
  to: LocationTable;
  qty: number;
  /** Cost value moved; when absent it is taken at the moving average of the source (or of the destination, when the source is virtual). */
  value?: number;
  /** Unit cost used where a balance holds nothing to average. */
  fallbackUnitCost: number;
}

export interface MoveBatch {
  /** The tenant of the document that moves the stock. */
  orgId: string;
  date: string;
  docType: DocType;
  docId: string;
  moves: MoveInput[];
}

export interface MovedStock {
  moves: (MoveInput & { value: number })[];
  /** Balances after the moves, by `locationId|productId|ownerOrgId`. */
  after: Map<string, Balance>;
}

const balanceKey = (locationId: string, productId: string, ownerOrgId: string) =>
  `${locationId}|${productId}|${ownerOrgId}`;

/**
 * The only writer of stock movements. Keeps: every move a positive quantity
 * between two locations; each balance equal to Σ in − Σ out of its moves, in
 * quantity and in cost value, updated in the caller's transaction.
 */
export async function moveStock(db: Db, batches: MoveBatch[], now: Date): Promise<MovedStock> {
  const keys = new Map<
    string,
    { orgId: string; locationId: string; productId: string; ownerOrgId: string }
  >();
  for (const b of batches) {
    for (const m of b.moves) {
      for (const loc of [m.from, m.to]) {
        keys.set(balanceKey(loc.id, m.productId, m.ownerOrgId), {
          orgId: loc.orgId,
          locationId: loc.id,
          productId: m.productId,
          ownerOrgId: m.ownerOrgId,
        });
      }
    }
  }
  const current = new Map<string, Balance>();
  for (const r of await findBalancesForUpdate(db, [...keys.values()])) {
    current.set(balanceKey(r.locationId, r.productId, r.ownerOrgId), {
      qty: r.qty,
      value: r.value,
    });
  }
  const get = (k: string): Balance => current.get(k) ?? { qty: 0, value: 0 };
  const deltas = new Map<string, StockBalanceTable>();
  const addDelta = (
    loc: LocationTable,
    productId: string,
    ownerOrgId: string,
    qty: number,
    value: number,
  ) => {
    const k = balanceKey(loc.id, productId, ownerOrgId);
    const b = get(k);
    current.set(k, { qty: b.qty + qty, value: b.value + value });
    const d = deltas.get(k);
    if (d) {
      d.qty += qty;
      d.value += value;
    } else {
      deltas.set(k, { orgId: loc.orgId, locationId: loc.id, productId, ownerOrgId, qty, value });
    }
  };

  const rows: StockMoveTable[] = [];
  const done: (MoveInput & { value: number })[] = [];
  const createdAt = now.toISOString();
  for (const b of batches) {
    for (const m of b.moves) {
      let value = m.value;
      if (value === undefined) {
        if (VALUED_LOCATION_KINDS.includes(m.from.kind)) {
          value = costOut(
            get(balanceKey(m.from.id, m.productId, m.ownerOrgId)),
            m.qty,
            m.fallbackUnitCost,
          );
        } else {
          value =
            m.qty *
            averageUnitCost(
              get(balanceKey(m.to.id, m.productId, m.ownerOrgId)),
              m.fallbackUnitCost,
            );
        }
      }
      const row: StockMoveTable = {
        orgId: b.orgId,
        moveDate: b.date,
        id: newId(),
        docType: b.docType,
        docId: b.docId,
        productId: m.productId,
        ownerOrgId: m.ownerOrgId,
        fromLocationId: m.from.id,
        toLocationId: m.to.id,
        qty: m.qty,
        value,
        createdAt,
      };
      checkMove(row);
      rows.push(row);
      addDelta(m.from, m.productId, m.ownerOrgId, -m.qty, -value);
      addDelta(m.to, m.productId, m.ownerOrgId, m.qty, value);
      done.push({ ...m, value });
    }
  }
  await insertStockMoves(db, rows);
  // Always in key order, so concurrent transactions lock balance rows in the same order (no deadlock).
  await addToStockBalances(
    db,
    [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d),
  );
  return { moves: done, after: current };
}

export { balanceKey };
