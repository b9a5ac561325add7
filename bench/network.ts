import type { Kysely } from 'kysely';
import {
  createCommodityCeiling,
  createProduct,
  type ProductTable,
} from '../src/core/catalog/index.ts';
import {
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  receiveDeliveryOrder,
} from '../src/core/consignment/index.ts';
import {
  createCooperative,
  createOrganization,
  createParticipation,
  listVillagesIn,
  type OrganizationTable,
} from '../src/core/network/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import type { CommandContext } from '../src/core/shared/context.ts';
import type { Database } from '../src/db/database.ts';
import { progress } from './lib.ts';

export interface BenchNetwork {
  ctx: CommandContext & { clock: ReturnType<typeof fixedClock> };
  hub: OrganizationTable;
  coops: OrganizationTable[];
  products: ProductTable[];
}

/**
 * A hub with `coops` KDKMP of Jambi province and `products` sugar products,
 * each cooperative stocked with `stock` units of every product, built through
 * the core commands.
 */
export async function buildBenchNetwork(
  db: Kysely<Database>,
  opts: {
    coops: number;
    products: number;
    stock: number;
    startDate: string;
    exposureLimit?: number;
    label: string;
  },
): Promise<BenchNetwork> {
  const clock = fixedClock(`${opts.startDate}T03:00:00Z`);
  const ctx = { clock, actor: { userId: 'bench', role: 'hub_admin' } };
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);
  const villages = (await listVillagesIn('15')).slice(0, opts.coops);
  if (villages.length < opts.coops) throw new Error(`Jambi has only ${villages.length} villages`);
  const { hub, products } = await tx(async (trx) => {
    await createCommodityCeiling(trx, {
      commodity: 'gula',
      effectiveFrom: '2024-06-26',
      pricePerUnit: 17_500,
      regulationRef: 'Perbadan 12/2024',
    });
    const hub = await createOrganization(
      trx,
      { kind: 'hub', name: 'Hub Bench', regionCode: '15.71' },
      clock,
    );
    const products: ProductTable[] = [];
    for (let i = 0; i < opts.products; i++) {
      products.push(
        await createProduct(
          trx,
          hub.id,
          '15',
          {
            sku: `B-${i}`,
            name: `Gula ${i}`,
            unit: 'pak',
            commodity: 'gula',
            netContent: { value: 1, unit: 'kg' },
            consignmentPrice: 16_000 + i,
            retailPrice: 17_500,
            effectiveFrom: '2024-07-01',
          },
          clock,
        ),
      );
    }
    if (opts.stock > 0)
      await createGoodsReceipt(trx, ctx, hub.id, {
        supplierName: 'PT Bench',
        lines: products.map((p) => ({
          productId: p.id,
          qty: opts.stock * opts.coops * 3,
          unitCost: 15_000,
        })),
      });
    return { hub, products };
  });
  const coops: OrganizationTable[] = [];
  for (const [i, v] of villages.entries()) {
    const coop = await tx(async (trx) => {
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
          agreementNo: `B/${i}`,
          startDate: opts.startDate,
          exposureLimit: opts.exposureLimit ?? 1_000_000_000_000,
        },
        clock,
      );
      return coop;
    });
    if (opts.stock > 0) {
      const d = await tx((trx) =>
        createDeliveryOrder(trx, ctx, {
          cooperativeId: coop.id,
          lines: products.map((p) => ({ productId: p.id, qty: opts.stock })),
        }),
      );
      await tx((trx) => dispatchDeliveryOrder(trx, ctx, d.id));
      await tx((trx) =>
        receiveDeliveryOrder(trx, ctx, d.id, {
          lines: products.map((p) => ({ productId: p.id, qtyReceived: opts.stock })),
        }),
      );
    }
    coops.push(coop);
    progress(`${opts.label}: network`, i + 1, villages.length);
  }
  return { ctx, hub, coops, products };
}
