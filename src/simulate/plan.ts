import type { Kysely } from 'kysely';
import { createUser, hashPassword } from '../core/access/index.ts';
import { createOrganization, type OrganizationTable, type Village } from '../core/network/index.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Database } from '../db/database.ts';
import { CEILINGS } from '../demo/regulations.ts';
import { DEMO_PASSWORD, PRODUCTS } from '../demo/seed-demo.ts';
import type { NetworkPlan, NetworkProduct } from './network.ts';

/** The simulated users' password (a demo password: never on a production database). */
export const SIMULATION_PASSWORD = DEMO_PASSWORD;
export const SIMULATION_HUB_ADMIN = 'admin@simulasi.demo';
export const SIMULATION_OFFICE = 'dinas@simulasi.demo';
/** The e-mail of the manager of the cooperative in `village` (e.g. `kdkmp.1501012001@simulasi.demo`). */
export const managerEmailOf = (villageCode: string) =>
  `kdkmp.${villageCode.replaceAll('.', '')}@simulasi.demo`;

/** The regulated ceiling per kg or litre of a commodity in a province (the latest rule). */
function ceilingOf(commodity: string, provinceCode: string): number | undefined {
  const rows = CEILINGS.filter(
    (c) =>
      c.commodity === commodity &&
      (c.provinceCodes === null || c.provinceCodes.includes(provinceCode)),
  ).sort(
    (a, b) =>
      a.effectiveFrom.localeCompare(b.effectiveFrom) ||
      Number(a.provinceCodes !== null) - Number(b.provinceCodes !== null),
  );
  return rows.at(-1)?.amount;
}

/** The demo's five products, priced in each province at most at its ceiling. */
export const SIMULATION_PRODUCTS: NetworkProduct[] = PRODUCTS.map((p) => ({
  sku: p.sku,
  name: p.name,
  unit: p.unit,
  commodity: p.commodity,
  netContent: p.net,
  unitCost: p.cost,
  pricesIn(provinceCode: string) {
    const perUnit = ceilingOf(p.commodity, provinceCode);
    const units = p.net.unit === 'g' || p.net.unit === 'ml' ? p.net.value / 1000 : p.net.value;
    const retailPrice =
      perUnit === undefined ? p.retail : Math.min(p.retail, Math.floor(perUnit * units));
    return {
      retailPrice,
      consignmentPrice: Math.min(p.consignment, retailPrice - p.retail + p.consignment),
    };
  },
}));

/** How often each product is in a basket (the demo's weights). */
export const PRODUCT_WEIGHTS = [40, 1.5, 8, 10, 18];

/**
 * The simulated network's plan: a hub in Kota Jambi with the demo's ceilings
 * and products, one KDKMP per village with its manager (password
 * SIMULATION_PASSWORD).
 */
export async function simulationPlan(
  villages: Village[],
  startDate: string,
): Promise<NetworkPlan & { passwordHash: string }> {
  const passwordHash = await hashPassword(SIMULATION_PASSWORD);
  return {
    hub: { name: 'Hub Simulasi Lumbung', regionCode: '15.71', shortCode: 'SIM' },
    ceilings: CEILINGS.flatMap((c) =>
      (c.provinceCodes ?? [undefined]).map((provinceCode) => ({
        commodity: c.commodity,
        provinceCode,
        effectiveFrom: c.effectiveFrom,
        pricePerUnit: c.amount,
        regulationRef: c.regulationRef,
      })),
    ),
    products: SIMULATION_PRODUCTS,
    pricesFrom: startDate,
    villages,
    startDate,
    exposureLimit: 5_000_000_000,
    agreementNo: (i) => `PKS/SIM/${String(i + 1).padStart(5, '0')}`,
    passwordHash,
    async withCooperative(trx, coop, i, clock) {
      await createUser(
        trx,
        {
          email: managerEmailOf(villages[i]!.code),
          name: `Pengurus ${coop.name}`,
          passwordHash,
          memberships: [{ orgId: coop.id, role: 'coop_manager' }],
        },
        clock,
      );
    },
  };
}

/** The hub admin and the cooperative office of the first village's kabupaten, with their users. */
export async function createSimulationStaff(
  db: Kysely<Database>,
  hub: OrganizationTable,
  village: Village,
  passwordHash: string,
  clock: Clock,
): Promise<OrganizationTable> {
  const office = await createOrganization(
    db,
    {
      kind: 'government',
      name: `Dinas Koperasi dan UKM ${village.regencyName}`,
      regionCode: village.regencyCode,
    },
    clock,
  );
  for (const u of [
    { email: SIMULATION_HUB_ADMIN, name: 'Admin Hub Simulasi', orgId: hub.id, role: 'hub_admin' },
    { email: SIMULATION_OFFICE, name: 'Dinas Koperasi', orgId: office.id, role: 'gov_viewer' },
  ] as const)
    await createUser(
      db,
      {
        email: u.email,
        name: u.name,
        passwordHash,
        memberships: [{ orgId: u.orgId, role: u.role }],
      },
      clock,
    );
  return office;
}
