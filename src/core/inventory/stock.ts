import { prorateHalfUp } from '../shared/money.ts';
import type { LocationKind } from './inventory.table.ts';

/** Locations whose stock is carried at cost in the owner's books. */
export const VALUED_LOCATION_KINDS: readonly LocationKind[] = ['warehouse', 'transit', 'store'];

export interface Balance {
  qty: number;
  value: number;
}

/**
 * The cost value of taking `qty` units out of a balance at its moving
 * average: the whole value when the balance empties; units the balance does
 * not hold (a sale beyond recorded stock) at the fallback unit cost.
 */
export function costOut(balance: Balance, qty: number, fallbackUnitCost: number): number {
  if (balance.qty <= 0) return qty * fallbackUnitCost;
  if (qty === balance.qty) return balance.value;
  if (qty < balance.qty) return prorateHalfUp(balance.value, qty, balance.qty);
  return balance.value + (qty - balance.qty) * fallbackUnitCost;
}

/** The unit cost of a balance at its moving average (rounded), or the fallback when empty. */
export function averageUnitCost(balance: Balance, fallbackUnitCost: number): number {
  if (balance.qty <= 0 || balance.value <= 0) return fallbackUnitCost;
  return prorateHalfUp(balance.value, 1, balance.qty);
}

/** Invariant of every stock move: a positive whole quantity between two different places. */
export function checkMove(m: {
  qty: number;
  value: number;
  fromLocationId: string;
  toLocationId: string;
}): void {
  if (!Number.isSafeInteger(m.qty) || m.qty <= 0)
    throw new Error(`Stock move qty must be a positive integer, got ${m.qty}`);
  if (!Number.isSafeInteger(m.value))
    throw new Error(`Stock move value must be an integer, got ${m.value}`);
  if (m.fromLocationId === m.toLocationId)
    throw new Error('Stock move needs two different locations');
}
