import type { Db } from '../../db/database.ts';
import {
  computeNetworkExposures,
  sumSalesByCooperative,
  type Exposure,
} from '../consignment/index.ts';
import {
  DEFAULT_MONTHLY_SALES_POTENTIAL,
  findCooperatives,
  findOrganizationById,
  findTermsByParticipation,
  termsOn,
} from '../network/index.ts';
import { getNetworkPositions, type CooperativePosition } from '../settlement/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';

/** The cooperatives a caller reaches: its hubs' network, its own cooperatives, its offices' regions. */
export interface CooperativeScope {
  hubIds: string[];
  cooperativeIds: string[];
  regionCodes: string[];
}

export interface CooperativeListQuery {
  /** Part of the name. */
  q?: string;
  districtCode?: string;
  /** nextCursor of the previous page. */
  cursor?: string;
  /** Page size, 1–200 (default 100). */
  limit?: number;
}

/**
 * The cooperatives of the scope by name, a page at a time, with this month's
 * sales and today's balance, overdue, hold and exposure: the whole page in a
 * few bulk reads per hub, by the same rules as one cooperative's balance.
 */
export async function listCooperatives(
  db: Db,
  clock: Clock,
  scope: CooperativeScope,
  query: CooperativeListQuery = {},
) {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 200);
  const after = decodeCursor(query.cursor);
  // A hub also sees the cooperatives of its region that take part with no hub yet (just imported).
  const hubs = await Promise.all(scope.hubIds.map((id) => findOrganizationById(db, id)));
  const rows = await findCooperatives(db, {
    hubIds: scope.hubIds,
    unclaimedIn: hubs.flatMap((h) => (h?.regionCode ? [h.regionCode] : [])),
    ids: scope.cooperativeIds,
    regionCodes: scope.regionCodes,
    q: query.q,
    districtCode: query.districtCode,
    after: after ? { name: after[0], id: after[1] } : undefined,
    limit: limit + 1,
  });
  const { items: page, ...next } = pageOf(rows, limit, (r) => [r.name, r.id]);
  const today = todayWib(clock);
  const monthSales = new Map(
    (
      await sumSalesByCooperative(
        db,
        page.map((r) => r.id),
        `${today.slice(0, 8)}01`,
        today,
      )
    ).map((s) => [s.orgId, Number(s.salesAmount)]),
  );
  const terms = await findTermsByParticipation(
    db,
    page.filter((r) => r.participationId).map((r) => r.id),
  );
  // Each participation's monthly sales potential in force today; the program's for the others.
  const potentialOf = (participationId: string | null) => {
    const versions = participationId ? terms.get(participationId) : undefined;
    return versions?.length
      ? termsOn(versions, today).monthlySalesPotential
      : DEFAULT_MONTHLY_SALES_POTENTIAL;
  };
  const hubsOfPage = [...new Set(page.flatMap((r) => (r.hubId ? [r.hubId] : [])))];
  const positions = new Map<string, CooperativePosition>();
  const exposures = new Map<string, Exposure>();
  // Only the page's cooperatives: a page costs its own size, not the network's.
  const pageIds = new Set(page.map((r) => r.id));
  for (const hubId of hubsOfPage) {
    const [ps, es] = await Promise.all([
      getNetworkPositions(db, hubId, today, pageIds),
      computeNetworkExposures(db, hubId, today, pageIds),
    ]);
    for (const p of ps) positions.set(p.cooperativeId, p);
    for (const [id, e] of es) exposures.set(id, e);
  }
  const items = page.map((r) => {
    const p = positions.get(r.id);
    const e = exposures.get(r.id);
    return {
      id: r.id,
      name: r.name,
      villageCode: r.villageCode ?? '',
      villageName: r.villageName ?? '',
      districtName: r.districtName ?? '',
      // Not taking part without a hub; held when shipping is held; else the organization's status.
      status: !r.hubId ? 'not_participating' : p?.onHold ? 'on_hold' : r.status,
      exposure: e?.exposure ?? 0,
      exposureLimit: e?.exposureLimit ?? 0,
      balanceDue: p?.balanceDue ?? 0,
      overdueAmount: p?.overdueAmount ?? 0,
      onHold: p?.onHold ?? false,
      // Retail sales this month (WIB), against the participation's monthly potential.
      monthSales: monthSales.get(r.id) ?? 0,
      monthlyPotential: potentialOf(r.participationId),
    };
  });
  return { items, ...next };
}

/** One cooperative in the network list: where it stands today. */
export type CooperativeListItem = Awaited<ReturnType<typeof listCooperatives>>['items'][number];
