import type { Kysely } from 'kysely';
import type { ProductTable } from '../src/core/catalog/index.ts';
import { listVillagesIn, type OrganizationTable } from '../src/core/network/index.ts';
import { fixedClock } from '../src/core/shared/clock.ts';
import type { CommandContext } from '../src/core/shared/context.ts';
import type { Database } from '../src/db/database.ts';
import { buildNetwork } from '../src/simulate/network.ts';
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
 * the core commands (src/simulate/network.ts).
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
  const villages = (await listVillagesIn('15')).slice(0, opts.coops);
  if (villages.length < opts.coops) throw new Error(`Jambi has only ${villages.length} villages`);
  const net = await buildNetwork(db, ctx, {
    hub: { name: 'Hub Bench', regionCode: '15.71' },
    ceilings: [
      {
        commodity: 'gula',
        effectiveFrom: '2024-06-26',
        pricePerUnit: 17_500,
        regulationRef: 'Perbadan 12/2024',
      },
    ],
    products: Array.from({ length: opts.products }, (_, i) => ({
      sku: `B-${i}`,
      name: `Gula ${i}`,
      unit: 'pak',
      commodity: 'gula',
      netContent: { value: 1, unit: 'kg' },
      unitCost: 15_000,
      pricesIn: () => ({ consignmentPrice: 16_000 + i, retailPrice: 17_500 }),
    })),
    pricesFrom: '2024-07-01',
    villages,
    startDate: opts.startDate,
    exposureLimit: opts.exposureLimit ?? 1_000_000_000_000,
    agreementNo: (i) => `B/${i}`,
    stock: opts.stock,
    onProgress: (done, total) => progress(`${opts.label}: network`, done, total),
  });
  return { ctx, ...net };
}
