import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

/** A village (desa/kelurahan) with its Kemendagri code and the areas above it. */
export interface Village {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
  provinceCode: string;
  provinceName: string;
}

let villages: Promise<Map<string, Village>> | undefined;

async function load(): Promise<Map<string, Village>> {
  const [provs, regs, dists, vills] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const provName = new Map(provs.map((p) => [p.code, p.name]));
  const regName = new Map(regs.map((r) => [r.code, r.name]));
  const distName = new Map(dists.map((d) => [d.code, d.name]));
  const map = new Map<string, Village>();
  for (const v of vills) {
    const districtCode = v.district_code;
    const regencyCode = districtCode.slice(0, 5);
    const provinceCode = districtCode.slice(0, 2);
    map.set(v.code, {
      code: v.code,
      name: v.name,
      districtCode,
      districtName: distName.get(districtCode) ?? '',
      regencyCode,
      regencyName: regName.get(regencyCode) ?? '',
      provinceCode,
      provinceName: provName.get(provinceCode) ?? '',
    });
  }
  return map;
}

/** The official village of a Kemendagri code (e.g. `15.71.01.1001`), or undefined. */
export async function findVillage(code: string): Promise<Village | undefined> {
  villages ??= load();
  return (await villages).get(code);
}

/** Every village under a region code prefix (province `15`, regency `15.71`, district `15.71.01`). */
export async function listVillagesIn(regionCode: string): Promise<Village[]> {
  villages ??= load();
  const prefix = `${regionCode}.`;
  return [...(await villages).values()]
    .filter((v) => v.code.startsWith(prefix))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A Kemendagri region above the village: province (`15`), regency or city (`15.71`), district (`15.71.01`). */
export interface Region {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district';
  provinceCode: string;
  /** The regency or city, for a regency or a district; null for a province. */
  regencyCode: string | null;
}

let regions: Promise<Map<string, Region>> | undefined;

async function loadRegions(): Promise<Map<string, Region>> {
  const [provs, regs, dists] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  const map = new Map<string, Region>();
  for (const p of provs)
    map.set(p.code, {
      code: p.code,
      name: p.name,
      level: 'province',
      provinceCode: p.code,
      regencyCode: null,
    });
  for (const r of regs)
    map.set(r.code, {
      code: r.code,
      name: r.name,
      level: 'regency',
      provinceCode: r.province_code,
      regencyCode: r.code,
    });
  for (const d of dists)
    map.set(d.code, {
      code: d.code,
      name: d.name,
      level: 'district',
      provinceCode: d.regency_code.slice(0, 2),
      regencyCode: d.regency_code,
    });
  return map;
}

/** The official province, regency/city or district of a Kemendagri code, or undefined. */
export async function findRegion(code: string): Promise<Region | undefined> {
  regions ??= loadRegions();
  return (await regions).get(code);
}

/** The official province of a two-digit Kemendagri code (e.g. `15` Jambi), or undefined. */
export async function findProvince(code: string): Promise<Region | undefined> {
  const region = await findRegion(code);
  return region?.level === 'province' ? region : undefined;
}

/** A region one level below another, as a chooser lists it. */
export interface SubRegion {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
}

/**
 * The regions right below `parent` by code (no parent: the provinces; a province: its regencies
 * and cities; a regency: its districts; a district: its villages), or undefined when `parent` is
 * not an official code.
 */
export async function listRegionsUnder(parent?: string): Promise<SubRegion[] | undefined> {
  regions ??= loadRegions();
  const all = await regions;
  const level = parent === undefined ? undefined : all.get(parent)?.level;
  if (parent !== undefined && !level) return undefined;
  if (level === 'district')
    return (await listVillagesIn(parent!)).map((v) => ({
      code: v.code,
      name: v.name,
      level: 'village',
    }));
  const below = { province: 'regency', regency: 'district' } as const;
  const want: SubRegion['level'] = level ? below[level] : 'province';
  return [...all.values()]
    .filter((r) => r.level === want && (!parent || r.code.startsWith(`${parent}.`)))
    .map(({ code, name }): SubRegion => ({ code, name, level: want }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
