import type { Kysely } from 'kysely';
import {
  createCommodityCeiling,
  createProduct,
  setProductPrices,
  type ProductTable,
} from '../core/catalog/index.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../core/consignment/index.ts';
import {
  createCooperative,
  createOrganization,
  createParticipation,
  type OrganizationTable,
  type Village,
} from '../core/network/index.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { CommandContext } from '../core/shared/context.ts';
import type { Database } from '../db/database.ts';
import { inChunks } from './chunks.ts';

export interface NetworkProduct {
  sku: string;
  name: string;
  unit: string;
  commodity: string;
  netContent: { value: number; unit: 'g' | 'kg' | 'ml' | 'l' };
  /** What the hub pays its supplier for a unit. */
  unitCost: number;
  /** The prices in a province (the hub's first). */
  pricesIn(provinceCode: string): { consignmentPrice: number; retailPrice: number };
}

export interface NetworkPlan {
  hub: { name: string; regionCode: string; shortCode?: string };
  ceilings: {
    commodity: string;
    provinceCode?: string;
    effectiveFrom: string;
    pricePerUnit: number;
    regulationRef: string;
  }[];
  products: NetworkProduct[];
  /** The day the products' prices take effect. */
  pricesFrom: string;
  villages: Village[];
  /** The participations' start date. */
  startDate: string;
  exposureLimit: number;
  agreementNo(index: number): string;
  /** Units of every product each cooperative is stocked with (received), 0: none. */
  stock?: number;
  /** Cooperatives per transaction (default 25). */
  perTransaction?: number;
  /** Transactions of different cooperatives at once (PostgreSQL; default 1). */
  workers?: number;
  /** Runs in the cooperative's transaction after it joined (e.g. to create its users). */
  withCooperative?(
    trx: Kysely<Database>,
    coop: OrganizationTable,
    index: number,
    clock: Clock,
  ): Promise<void>;
  onProgress?(done: number, total: number): void;
}

export interface BuiltNetwork {
  hub: OrganizationTable;
  coops: OrganizationTable[];
  products: ProductTable[];
}

/**
 * A hub, its ceilings and products (priced in every province of the
 * villages), and one KDKMP per village joined to it, optionally stocked, all
 * through the core commands; several cooperatives per transaction.
 */
export async function buildNetwork(
  db: Kysely<Database>,
  ctx: CommandContext,
  plan: NetworkPlan,
): Promise<BuiltNetwork> {
  const { clock } = ctx;
  const provinces = [...new Set(plan.villages.map((v) => v.provinceCode))];
  const { hub, products } = await db.transaction().execute(async (trx) => {
    for (const c of plan.ceilings) await createCommodityCeiling(trx, c);
    const hub = await createOrganization(trx, { kind: 'hub', ...plan.hub }, clock);
    const hubProvince = plan.hub.regionCode.slice(0, 2);
    const products: ProductTable[] = [];
    for (const p of plan.products) {
      const { sku, name, unit, commodity, netContent } = p;
      const product = await createProduct(
        trx,
        hub.id,
        hubProvince,
        {
          sku,
          name,
          unit,
          commodity,
          netContent,
          ...p.pricesIn(hubProvince),
          effectiveFrom: plan.pricesFrom,
        },
        clock,
      );
      for (const prov of provinces.filter((x) => x !== hubProvince))
        await setProductPrices(
          trx,
          product.id,
          prov,
          { ...p.pricesIn(prov), effectiveFrom: plan.pricesFrom },
          clock,
        );
      products.push(product);
    }
    const stock = plan.stock ?? 0;
    if (stock > 0)
      await createGoodsReceipt(trx, ctx, hub.id, {
        supplierName: 'PT Simulasi Pangan',
        lines: products.map((p, i) => ({
          productId: p.id,
          qty: stock * plan.villages.length * 3,
          unitCost: plan.products[i]!.unitCost,
        })),
      });
    return { hub, products };
  });
  const indexes = plan.villages.map((_, i) => i);
  const chunkOpts = { per: plan.perTransaction ?? 25, workers: plan.workers ?? 1 };
  const coops = await inChunks(
    db,
    indexes,
    chunkOpts,
    (_, done) => plan.onProgress?.(done, indexes.length),
    async (trx, i) => {
      const v = plan.villages[i]!;
      const coop = await createCooperative(
        trx,
        { name: `KDKMP ${v.name}`, villageCode: v.code },
        clock,
      );
      await createParticipation(
        trx,
        coop.id,
        {
          hubId: hub.id,
          agreementNo: plan.agreementNo(i),
          startDate: plan.startDate,
          exposureLimit: plan.exposureLimit,
        },
        clock,
      );
      await plan.withCooperative?.(trx, coop, i, clock);
      if (plan.stock) await stockCooperative(trx, ctx, coop.id, products, plan.stock);
      return coop;
    },
  );
  return { hub, coops, products };
}

/** A delivery order of `qty` units of every product to the cooperative, dispatched and received in full. */
async function stockCooperative(
  trx: Kysely<Database>,
  ctx: CommandContext,
  cooperativeId: string,
  products: ProductTable[],
  qty: number,
) {
  const d = await createDeliveryOrder(trx, ctx, {
    cooperativeId,
    lines: products.map((p) => ({ productId: p.id, qty })),
  });
  await dispatchDeliveryOrder(trx, ctx, d.id);
  await receiveDeliveryOrder(trx, ctx, d.id, {
    lines: products.map((p) => ({ productId: p.id, qtyReceived: qty })),
  });
}
