import type { Db } from '../../db/database.ts';
import { findProductsOfHub } from '../catalog/index.ts';
import {
  getCooperativeBalance,
  sumSales,
  sumSoldQtyByProduct,
  type CooperativeBalance,
} from '../consignment/index.ts';
import { findLocationsOfOrgs, findStockAtLocations } from '../inventory/index.ts';
import {
  HUB_SETTING_DEFAULTS,
  findOfficers,
  findOrganizationById,
  findParticipationOn,
  hubSettingsOn,
} from '../network/index.ts';
import { getCreditPosition, type StatementView } from '../settlement/index.ts';
import { addDays } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { findGrantsOfCooperative } from '../subsidy/index.ts';
import { earlyWarningsOf, type EarlyWarning } from '../treasury/index.ts';

/** How many statements the dashboard lists (a year of monthly ones). */
export const RECENT_STATEMENTS = 12;

/** Days of sales history behind "days of cover" where the hub set none (its `salesWindowDays`). */
export const COVER_WINDOW_DAYS = HUB_SETTING_DEFAULTS.salesWindowDays;

/**
 * How many whole days the stock lasts at the average daily sales of the last `windowDays`;
 * `null` when nothing was sold (no rate to divide by).
 */
export function daysOfCover(qty: number, soldInWindow: number, windowDays = COVER_WINDOW_DAYS) {
  if (soldInWindow <= 0) return null;
  return Math.max(0, Math.floor((qty * windowDays) / soldInWindow));
}

export interface CooperativeDashboard {
  today: string;
  cooperative: {
    id: string;
    name: string;
    villageName: string | null;
    districtName: string | null;
  };
  sales: {
    today: number;
    todayCount: number;
    month: number;
    monthCount: number;
    monthlyPotential: number;
  };
  balance: CooperativeBalance;
  /** The oldest statement still open: what to pay next and by when. */
  nextDue: { statementId: string; amount: number; dueDate: string; periodEnd: string } | null;
  /** The latest monthly subsidy decision. */
  subsidy: {
    month: string;
    amount: number;
    eligible: boolean;
    reason: string | null;
    mode: string;
    status: string;
  } | null;
  stock: {
    productId: string;
    sku: string;
    name: string;
    unit: string;
    qty: number;
    inTransit: number;
    sold28Days: number;
    daysOfCover: number | null;
  }[];
  /** The latest statements, newest first, with what is still outstanding on each and the payment reference. */
  statements: StatementView[];
  /** The days of sales behind `sold28Days` and `daysOfCover`: the hub's sales window today. */
  salesWindowDays: number;
  /** A statement falling due, or a shipping hold starting, within the next days (treasury). */
  earlyWarnings: EarlyWarning[];
}

/** A cooperative's day at a glance, in one read: sales against the potential, what it owes, subsidy, stock cover. */
export async function getCooperativeDashboard(
  db: Db,
  clock: Clock,
  coopId: string,
): Promise<CooperativeDashboard> {
  const today = todayWib(clock);
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', { message: 'Koperasi tidak ditemukan' });
  // Today's terms: the grace days and the monthly sales potential.
  const participation = await findParticipationOn(db, coopId, today);
  if (!participation)
    throw new DomainError('NotParticipating', {
      message: `${coop.name} belum menjadi peserta program konsinyasi`,
    });
  const monthStart = `${today.slice(0, 8)}01`;
  const windowDays = (await hubSettingsOn(db, participation.hubId, today)).salesWindowDays;
  const [balance, position, todaySales, monthSales, sold, grants, products, locations] =
    await Promise.all([
      getCooperativeBalance(db, clock, coopId),
      getCreditPosition(db, coopId, today, participation.graceDays),
      sumSales(db, coopId, today, today),
      sumSales(db, coopId, monthStart, today),
      sumSoldQtyByProduct(db, coopId, addDays(today, -(windowDays - 1)), today),
      findGrantsOfCooperative(db, coopId),
      findProductsOfHub(db, participation.hubId),
      findLocationsOfOrgs(db, [coopId]),
    ]);
  const store = locations.find((l) => l.kind === 'store');
  const stockRows = await findStockAtLocations(
    db,
    locations.filter((l) => l.kind === 'store' || l.kind === 'transit'),
  );
  const stock = products
    .map((p) => {
      const rows = stockRows.filter((r) => r.productId === p.id);
      const qty = rows.filter((r) => r.locationId === store?.id).reduce((t, r) => t + r.qty, 0);
      const inTransit = rows
        .filter((r) => r.locationId !== store?.id)
        .reduce((t, r) => t + r.qty, 0);
      const sold28Days = sold.get(p.id) ?? 0;
      return {
        productId: p.id,
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        qty,
        inTransit,
        sold28Days,
        daysOfCover: daysOfCover(qty, sold28Days, windowDays),
      };
    })
    .filter((s) => s.qty !== 0 || s.inTransit !== 0 || s.sold28Days !== 0);
  const open = position.statements.find((s) => s.outstanding > 0);
  const officers = await findOfficers(db, coopId);
  const ketua =
    officers.find((o) => o.role === 'ketua' && o.phone) ?? officers.find((o) => o.phone);
  const latest = grants.at(-1);
  return {
    today,
    cooperative: {
      id: coop.id,
      name: coop.name,
      villageName: coop.villageName,
      districtName: coop.districtName,
    },
    sales: {
      today: todaySales.amount,
      todayCount: todaySales.count,
      month: monthSales.amount,
      monthCount: monthSales.count,
      monthlyPotential: participation.monthlySalesPotential,
    },
    balance,
    nextDue: open
      ? {
          statementId: open.id,
          amount: open.outstanding,
          dueDate: open.dueDate,
          periodEnd: open.periodEnd,
        }
      : null,
    subsidy: latest
      ? {
          month: latest.month,
          amount: latest.amount,
          eligible: latest.eligible === 1,
          reason: latest.reason,
          mode: latest.mode,
          status: latest.status,
        }
      : null,
    stock,
    statements: [...position.statements]
      .reverse()
      .slice(0, RECENT_STATEMENTS)
      .map((s) => ({ ...s, paymentReference: coop.paymentReference })),
    salesWindowDays: windowDays,
    earlyWarnings: earlyWarningsOf(position.statements, today, participation.graceDays, {
      cooperativeName: coop.name,
      paymentReference: coop.paymentReference,
      phone: ketua?.phone,
    }),
  };
}
