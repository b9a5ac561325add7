import type { Db } from '../../db/database.ts';
import { loadPriceBook, type PriceBook } from '../catalog/index.ts';
import {
  findPlacesOfOrgs,
  findStockAtLocations,
  findStockAtNetworkLocations,
} from '../inventory/index.ts';
import { HUB, findAccountBalances } from '../ledger/index.ts';
import {
  findParticipationsOfHubOn,
  participationsOn,
  type HubParticipations,
  type CooperativeContext,
  type Participation,
} from '../network/index.ts';
import { longDate } from '../shared/business-date.ts';
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
 * in transit to it at today's consignment price, plus its unpaid balance;
 * against the limit of the terms `c` was loaded on.
 */
export async function computeExposure(
  db: Db,
  c: CooperativeContext<Participation>,
  today: string,
): Promise<Exposure> {
  const stock = await findStockAtLocations(db, [c.store, c.transit]);
  const book = await loadPriceBook(
    db,
    stock.map((b) => b.productId),
  );
  const balanceDue = await findReceivable(db, c.hubId, c.coop.id);
  return exposureOf(stock, book, today, {
    hubId: c.hubId,
    storeId: c.store.id,
    transitId: c.transit.id,
    balanceDue,
    exposureLimit: c.participation.exposureLimit,
  });
}

/**
 * The exposure rule on rows already read: the hub's stock at the cooperative's store and in
 * transit to it, valued at the consignment price in force `today`, plus the unpaid balance.
 */
export function exposureOf(
  stock: { locationId: string; productId: string; ownerOrgId: string; qty: number }[],
  book: PriceBook,
  today: string,
  c: {
    hubId: string;
    storeId: string;
    transitId: string;
    balanceDue: number;
    exposureLimit: number;
  },
): Exposure {
  let consigned = 0;
  let transit = 0;
  for (const b of stock) {
    if (b.ownerOrgId !== c.hubId || b.qty <= 0) continue;
    const v = b.qty * (book.price(b.productId, 'consignment', today) ?? 0);
    if (b.locationId === c.storeId) consigned += v;
    else if (b.locationId === c.transitId) transit += v;
  }
  return {
    consignedStockValue: consigned,
    inTransitValue: transit,
    balanceDue: c.balanceDue,
    exposure: consigned + transit + Math.max(0, c.balanceDue),
    exposureLimit: c.exposureLimit,
  };
}

/**
 * Exposure of each participating cooperative of a hub, in a few bulk reads, by the same rule as
 * {@link computeExposure} (the network list shows 68 at once). With `only`, just those
 * cooperatives (a page of a list).
 */
export async function computeNetworkExposures(
  db: Db,
  hubId: string,
  today: string,
  only?: ReadonlySet<string>,
  known: { participations?: HubParticipations } = {},
): Promise<Map<string, Exposure>> {
  const all = known.participations
    ? participationsOn(known.participations, today)
    : await findParticipationsOfHubOn(db, hubId, today);
  const participations = all.filter((p) => !only || only.has(p.orgId));
  const ids = participations.map((p) => p.orgId);
  const kinds = ['store', 'transit'] as const;
  const locations = await findPlacesOfOrgs(db, ids, kinds);
  const [stock, receivables] = await Promise.all([
    // Only the hub's own stock counts (`exposureOf`), and only what is there.
    findStockAtNetworkLocations(db, locations, { owner: hubId, kinds }),
    findAccountBalances(db, hubId, { accountCode: HUB.piutangKonsinyasi }),
  ]);
  const book = await loadPriceBook(
    db,
    stock.map((b) => b.productId),
  );
  const due = new Map<string, number>();
  for (const r of receivables)
    due.set(r.counterpartyOrgId, (due.get(r.counterpartyOrgId) ?? 0) + r.debit - r.credit);
  // By cooperative, so that the network's exposures take time linear in its size.
  const placesOf = new Map<string, { store?: string; transit?: string }>();
  for (const l of locations) {
    const places = placesOf.get(l.orgId) ?? {};
    if (l.kind === 'store') places.store ??= l.id;
    else places.transit ??= l.id;
    placesOf.set(l.orgId, places);
  }
  const stockOf = new Map<string, typeof stock>();
  for (const b of stock) {
    const rows = stockOf.get(b.orgId);
    if (rows) rows.push(b);
    else stockOf.set(b.orgId, [b]);
  }
  const out = new Map<string, Exposure>();
  for (const p of participations) {
    const { store, transit } = placesOf.get(p.orgId) ?? {};
    if (!store || !transit) continue;
    out.set(
      p.orgId,
      exposureOf(stockOf.get(p.orgId) ?? [], book, today, {
        hubId,
        storeId: store,
        transitId: transit,
        balanceDue: due.get(p.orgId) ?? 0,
        exposureLimit: p.exposureLimit,
      }),
    );
  }
  return out;
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
 * The hold names the overdue total the dispatch check shows and the oldest
 * statement past its grace days.
 */
export function checkDispatchAllowed(
  exposure: Exposure,
  orderValue: number,
  position: {
    overdueAmount: number;
    holdStatements: Pick<StatementPosition, 'periodEnd' | 'dueDate' | 'outstanding'>[];
  },
  overridden: boolean,
): void {
  if (overridden) return;
  const verdict = dispatchVerdict(exposure, orderValue, position.holdStatements);
  if (verdict.onHold) {
    const s = position.holdStatements[0]!;
    const overdue = formatRupiah(position.overdueAmount);
    throw new DomainError('ShippingHold', {
      message: `Tagihan lewat jatuh tempo ${overdue}; yang tertua (periode s.d. ${longDate(s.periodEnd, 'id')}, jatuh tempo ${longDate(s.dueDate, 'id')}) masih ${formatRupiah(s.outstanding)} dan sudah melewati toleransi`,
      messageEn: `Overdue ${overdue}; the oldest statement (period to ${longDate(s.periodEnd, 'en')}, due ${longDate(s.dueDate, 'en')}) still has ${formatRupiah(s.outstanding)} unpaid, past its grace days`,
    });
  }
  if (!verdict.withinLimit) {
    throw new DomainError('ExposureLimitExceeded', {
      message: `Eksposur ${formatRupiah(exposure.exposure)} + pesanan ${formatRupiah(orderValue)} melebihi batas ${formatRupiah(exposure.exposureLimit)}`,
      messageEn: `Exposure ${formatRupiah(exposure.exposure)} + order ${formatRupiah(orderValue)} exceeds the limit ${formatRupiah(exposure.exposureLimit)}`,
    });
  }
}
