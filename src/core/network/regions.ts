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
