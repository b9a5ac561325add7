import type { Db } from '../../db/database.ts';
import { loadPriceBook, type PriceBook } from '../catalog/index.ts';
import { findBalancesForUpdate, findStockAtLocations } from '../inventory/index.ts';
import type { LocationTable } from '../inventory/index.ts';
import {
  checkDispatchWithin,
  loadCooperativeContext,
  pickWarehouse,
  type CooperativeContext,
  type Participation,
} from '../network/index.ts';
import { getCreditPosition, type CreditPosition } from '../settlement/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { DeliveryOrderLineTable } from './consignment.table.ts';
import { findDeliveryOrderById, findDeliveryOrderLines } from './consignment.repository.ts';
import {
  computeExposure,
  dispatchVerdict,
  type DispatchVerdict,
  type Exposure,
} from './exposure.ts';
import { consignmentPrices } from './lines.ts';

export interface StockShortfall {
  productId: string;
  lineNo: number;
  needed: number;
  available: number;
}

/** Everything the dispatch rule looks at for one order, and its verdict. */
export interface DispatchAssessment {
  exposure: Exposure;
  orderValue: number;
  position: CreditPosition;
  verdict: DispatchVerdict;
  stockShortfalls: StockShortfall[];
  book: PriceBook;
}

/**
 * Gathers what dispatching these lines would meet: the warehouse's stock per
 * line, the order's value at today's consignment prices, the hub's exposure to
 * the cooperative and its overdue statements, against the limit and grace days
 * of the terms `c` was loaded on (the dispatch's date). The dispatch command enforces
 * the result (with `lockStock`, inside its transaction); `checkDispatch`
 * shows it beforehand. One function, so the two cannot disagree.
 */
export async function assessDispatch(
  db: Db,
  c: CooperativeContext<Participation>,
  lines: Pick<DeliveryOrderLineTable, 'productId' | 'lineNo' | 'qty'>[],
  warehouse: LocationTable,
  today: string,
  opts: { lockStock?: boolean } = {},
): Promise<DispatchAssessment> {
  const balances = opts.lockStock
    ? await findBalancesForUpdate(
        db,
        lines.map((l) => ({
          orgId: warehouse.orgId,
          locationId: warehouse.id,
          productId: l.productId,
          ownerOrgId: c.hubId,
        })),
      )
    : (await findStockAtLocations(db, [warehouse])).filter((b) => b.ownerOrgId === c.hubId);
  const available = (productId: string) =>
    balances.find((b) => b.productId === productId)?.qty ?? 0;
  const stockShortfalls = lines
    .filter((l) => available(l.productId) < l.qty)
    .map((l) => ({
      productId: l.productId,
      lineNo: l.lineNo,
      needed: l.qty,
      available: available(l.productId),
    }));
  const book = await loadPriceBook(
    db,
    lines.map((l) => l.productId),
  );
  const prices = consignmentPrices(
    book,
    lines.map((l) => l.productId),
    today,
  );
  const orderValue = lines.reduce((t, l) => t + l.qty * prices.get(l.productId)!, 0);
  const [exposure, position] = await Promise.all([
    computeExposure(db, c, today),
    getCreditPosition(db, c.coop.id, today, c.participation.graceDays),
  ]);
  return {
    exposure,
    orderValue,
    position,
    verdict: dispatchVerdict(exposure, orderValue, position.holdStatements),
    stockShortfalls,
    book,
  };
}

export interface DispatchCheck {
  exposure: number;
  orderValue: number;
  exposureLimit: number;
  exposureAfter: number;
  withinLimit: boolean;
  onHold: boolean;
  overdueAmount: number;
  stockShortfalls: { productId: string; needed: number; available: number }[];
}

/** What dispatching a draft would meet today, without dispatching it (read only). */
export async function checkDispatch(db: Db, clock: Clock, id: string): Promise<DispatchCheck> {
  const order = await findDeliveryOrderById(db, id);
  if (!order)
    throw new DomainError('NotFound', {
      message: 'Surat jalan tidak ditemukan',
      messageEn: 'Delivery order not found',
    });
  if (order.status !== 'draft')
    throw new DomainError('InvalidState', {
      message: `Surat jalan berstatus ${order.status}: hanya draf yang diperiksa sebelum dikirim`,
      messageEn: `The delivery order is ${order.status}: only drafts are checked before dispatch`,
    });
  const today = todayWib(clock);
  const c = await loadCooperativeContext(db, order.orgId, { on: today });
  checkDispatchWithin(c.participation, c.coop.name, today);
  const lines = await findDeliveryOrderLines(db, c.coop.id, id);
  const a = await assessDispatch(
    db,
    c,
    lines,
    pickWarehouse(c.hubWarehouses, order.warehouseId),
    today,
  );
  return {
    exposure: a.exposure.exposure,
    orderValue: a.orderValue,
    exposureLimit: a.exposure.exposureLimit,
    exposureAfter: a.verdict.exposureAfter,
    withinLimit: a.verdict.withinLimit,
    onHold: a.verdict.onHold,
    overdueAmount: a.position.overdueAmount,
    stockShortfalls: a.stockShortfalls.map(({ productId, needed, available }) => ({
      productId,
      needed,
      available,
    })),
  };
}
