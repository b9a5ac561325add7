import type { Db } from '../../db/database.ts';
import { loadPriceBook } from '../catalog/index.ts';
import { findStockAtLocations } from '../inventory/index.ts';
import type { CooperativeContext } from '../network/index.ts';
import { DomainError } from '../shared/errors.ts';
import { formatRupiah } from '../shared/money.ts';
import { findReceivable, type StatementPosition } from '../settlement/index.ts';

export interface Exposure {
  consignedStockValue: number;
  inTransitValue: number;
  /** What the cooperative owes the hub now (hub's receivable; negative = credit). */
  balanceDue: number;
  exposure: number;
  exposureLimit: number;
}

/**
 * Exposure of the hub to a cooperative: hub-owned stock at the cooperative and
 * in transit to it at today's consignment price, plus its unpaid balance.
 */
export async function computeExposure(
  db: Db,
  c: CooperativeContext,
  today: string,
): Promise<Exposure> {
  const stock = (await findStockAtLocations(db, [c.store, c.transit])).filter(
    (b) => b.ownerOrgId === c.hubId && b.qty > 0,
  );
  const book = await loadPriceBook(
    db,
    stock.map((b) => b.productId),
  );
  let consigned = 0;
  let transit = 0;
  for (const b of stock) {
    const v = b.qty * (book.price(b.productId, 'consignment', today) ?? 0);
    if (b.locationId === c.store.id) consigned += v;
    else transit += v;
  }
  const balanceDue = await findReceivable(db, c.hubId, c.coop.id);
  return {
    consignedStockValue: consigned,
    inTransitValue: transit,
    balanceDue,
    exposure: consigned + transit + Math.max(0, balanceDue),
    exposureLimit: c.participation.exposureLimit,
  };
}

/** The dispatch rule's verdict, before any override: what the exposure would become, and whether it is allowed. */
export interface DispatchVerdict {
  exposureAfter: number;
  withinLimit: boolean;
  onHold: boolean;
}

/**
 * The rule at dispatch, as a pure function: exposure + the order's value must
 * stay within the limit, and no statement may be overdue past the grace days.
 */
export function dispatchVerdict(
  exposure: Pick<Exposure, 'exposure' | 'exposureLimit'>,
  orderValue: number,
  holdStatements: readonly unknown[],
): DispatchVerdict {
  const exposureAfter = exposure.exposure + orderValue;
  return {
    exposureAfter,
    withinLimit: exposureAfter <= exposure.exposureLimit,
    onHold: holdStatements.length > 0,
  };
}

/**
 * Invariant at dispatch (`dispatchVerdict`), enforced: refused on shipping
 * hold or past the limit — unless a hub admin overrides with a written reason.
 */
export function checkDispatchAllowed(
  exposure: Exposure,
  orderValue: number,
  holdStatements: Pick<StatementPosition, 'periodEnd' | 'dueDate' | 'outstanding'>[],
  overridden: boolean,
): void {
  if (overridden) return;
  const verdict = dispatchVerdict(exposure, orderValue, holdStatements);
  if (verdict.onHold) {
    const s = holdStatements[0]!;
    throw new DomainError(
      'ShippingHold',
      `Pengiriman ditahan: tagihan periode s.d. ${s.periodEnd} jatuh tempo ${s.dueDate} belum lunas (${formatRupiah(s.outstanding)})`,
      undefined,
      `Shipping on hold: the statement for the period to ${s.periodEnd}, due ${s.dueDate}, is unpaid (${formatRupiah(s.outstanding)})`,
    );
  }
  if (!verdict.withinLimit) {
    throw new DomainError(
      'ExposureLimitExceeded',
      `Eksposur ${formatRupiah(exposure.exposure)} + pesanan ${formatRupiah(orderValue)} melebihi batas ${formatRupiah(exposure.exposureLimit)}`,
      undefined,
      `Exposure ${formatRupiah(exposure.exposure)} + order ${formatRupiah(orderValue)} exceeds the limit ${formatRupiah(exposure.exposureLimit)}`,
    );
  }
}
