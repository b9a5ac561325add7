import type { Db } from '../../db/database.ts';
import { loadCooperativeContext } from '../network/index.ts';
import { agingOf, getCreditPosition, type Aging } from '../settlement/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { computeExposure } from './exposure.ts';

export interface CooperativeBalance {
  balanceDue: number;
  overdueAmount: number;
  exposure: number;
  exposureLimit: number;
  consignedStockValue: number;
  inTransitValue: number;
  onHold: boolean;
  aging: Aging;
}

/** What a cooperative owes, how late, and how exposed the hub is to it, today. */
export async function getCooperativeBalance(
  db: Db,
  clock: Clock,
  coopId: string,
): Promise<CooperativeBalance> {
  const today = todayWib(clock);
  const c = await loadCooperativeContext(db, coopId, { on: today });
  const [exposure, position] = await Promise.all([
    computeExposure(db, c, today),
    getCreditPosition(db, coopId, today, c.participation.graceDays),
  ]);
  return {
    balanceDue: exposure.balanceDue,
    overdueAmount: position.overdueAmount,
    exposure: exposure.exposure,
    exposureLimit: exposure.exposureLimit,
    consignedStockValue: exposure.consignedStockValue,
    inTransitValue: exposure.inTransitValue,
    onHold: position.holdStatements.length > 0,
    aging: agingOf(position, exposure.balanceDue, today),
  };
}
