import { listRegionsUnder, listVillagesIn, type Village } from '../core/network/index.ts';

/** The province the simulated network starts in: Jambi (its 1,585 villages are "the province"). */
export const HOME_PROVINCE = '15';

/**
 * The simulation's fixed order of villages: the home province's first, then
 * the other provinces' by code; by code within a province, so each kabupaten
 * comes whole before the next and the first N villages cover whole kabupaten
 * (but the last).
 */
export function orderVillages(villages: Village[], home = HOME_PROVINCE): Village[] {
  return [...villages].sort((a, b) => {
    const ah = a.provinceCode === home ? 0 : 1;
    const bh = b.provinceCode === home ? 0 : 1;
    return ah - bh || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

/** The first `n` villages of the simulation's order (throws when Indonesia has fewer). */
export async function simulationVillages(n: number): Promise<Village[]> {
  const home = await listVillagesIn(HOME_PROVINCE);
  const villages =
    n <= home.length ? home.slice(0, n) : orderVillages(await allVillages()).slice(0, n);
  if (villages.length < n) throw new Error(`Indonesia has only ${villages.length} villages`);
  return villages;
}

async function allVillages(): Promise<Village[]> {
  const out: Village[] = [];
  for (const p of (await listRegionsUnder()) ?? []) out.push(...(await listVillagesIn(p.code)));
  return out;
}
