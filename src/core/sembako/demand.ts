import type { Db } from '../../db/database.ts';
import { createDeliveryOrder } from '../consignment/index.ts';
import type { CommandContext } from '../shared/context.ts';
import { loadProgram, notFound } from './program.service.ts';
import {
  findPackageItems,
  findPeriod,
  findSupplyAtCooperatives,
  sumOrdersByCooperative,
} from './sembako.repository.ts';

export interface DemandLine {
  cooperativeId: string;
  productId: string;
  ordered: number;
  pickedUp: number;
  pending: number;
}

/** Units per cooperative and product of the period's orders (not cancelled): ordered, picked up, pending. */
export async function getPeriodDemand(db: Db, programId: string, month: string) {
  const program = await loadProgram(db, programId);
  if (!(await findPeriod(db, program.orgId, programId, month)))
    notFound(`Periode ${month}`, `Period ${month}`);
  const sums = await sumOrdersByCooperative(db, program.orgId, programId, month);
  const items = await findPackageItems(db, program.orgId, [
    ...new Set(sums.map((s) => s.packageId)),
  ]);
  const lines = new Map<string, DemandLine>();
  for (const s of sums) {
    for (const it of items.filter((i) => i.packageId === s.packageId)) {
      const k = `${s.pickupCooperativeId}|${it.productId}`;
      const l = lines.get(k) ?? {
        cooperativeId: s.pickupCooperativeId,
        productId: it.productId,
        ordered: 0,
        pickedUp: 0,
        pending: 0,
      };
      const units = s.qty * it.qty;
      l.ordered += units;
      if (s.status === 'picked_up') l.pickedUp += units;
      else l.pending += units;
      lines.set(k, l);
    }
  }
  return {
    program,
    items: [...lines.values()].sort((a, b) =>
      a.cooperativeId === b.cooperativeId
        ? a.productId < b.productId
          ? -1
          : 1
        : a.cooperativeId < b.cooperativeId
          ? -1
          : 1,
    ),
  };
}

/**
 * Draft delivery orders from the hub covering each cooperative's pending
 * units minus the hub-owned stock already there, in transit, or on draft
 * delivery orders (so asking twice proposes nothing new).
 */
export async function proposeDeliveryOrders(
  db: Db,
  ctx: CommandContext,
  programId: string,
  month: string,
) {
  const { program, items } = await getPeriodDemand(db, programId, month);
  const coopIds = [...new Set(items.map((i) => i.cooperativeId))];
  const supply = await findSupplyAtCooperatives(db, program.hubId, coopIds);
  const created = [];
  for (const coopId of coopIds) {
    const lines = items
      .filter((i) => i.cooperativeId === coopId)
      .map((i) => ({
        productId: i.productId,
        qty: i.pending - Math.max(0, supply.get(`${coopId}|${i.productId}`) ?? 0),
      }))
      .filter((l) => l.qty > 0);
    if (lines.length === 0) continue;
    const d = await createDeliveryOrder(db, ctx, { cooperativeId: coopId, lines });
    created.push({
      id: d.id,
      number: d.number,
      cooperativeId: coopId,
      status: d.status,
      value: d.value,
      lines,
    });
  }
  return created;
}
