import { getDistricts } from 'idn-area-data';
import { isValidBusinessDate } from '../shared/business-date.ts';
import type { Gender } from './members.table.ts';

/** One reason a NIK is refused, in Indonesian and English. */
export interface NikFailure {
  id: string;
  en: string;
}

/** What a valid NIK says about its holder. */
export interface NikFacts {
  /** The Kemendagri district (kecamatan) code of its first six digits, e.g. `15.71.01`. */
  districtCode: string;
  gender: Gender;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; failures: NikFailure[] };

let districts: Promise<ReadonlySet<string>> | undefined;

/** The official district codes (`15.71.01`), read once from idn-area-data on first use. */
export function loadDistrictCodes(): Promise<ReadonlySet<string>> {
  districts ??= getDistricts().then((all) => new Set(all.map((d) => d.code)));
  return districts;
}

/**
 * Checks a NIK (Nomor Induk Kependudukan) against the rules of the KTP:
 * 16 digits; digits 1–6 a real Kemendagri regency/city (4) and district (2)
 * code (`districts`, as {@link loadDistrictCodes} gives them); digits 7–12
 * the birth date DDMMYY, the day plus 40 for a woman; the two-digit year in
 * the century that puts the date on or before `today` (`YYYY-MM-DD`);
 * digits 13–16 a serial other than 0000. A wrong length or a non-digit is
 * the one reason given; otherwise every rule broken is named.
 */
export function checkNik(nik: string, districts: ReadonlySet<string>, today: string): NikCheck {
  if (!/^\d*$/.test(nik))
    return fail({
      id: 'NIK hanya boleh berisi angka',
      en: 'the NIK must hold digits only',
    });
  if (nik.length !== 16)
    return fail({
      id: `NIK harus 16 digit (ada ${nik.length})`,
      en: `the NIK must be 16 digits long (got ${nik.length})`,
    });
  const failures: NikFailure[] = [];
  const districtCode = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  if (!districts.has(districtCode))
    failures.push({
      id: `kode wilayah ${districtCode} pada NIK tidak dikenal Kemendagri`,
      en: `unknown region code ${districtCode} in the NIK`,
    });
  const birth = birthOf(nik.slice(6, 12), today);
  if (!birth)
    failures.push({
      id: `tanggal lahir pada NIK (${nik.slice(6, 8)}-${nik.slice(8, 10)}-${nik.slice(10, 12)}) tidak mungkin`,
      en: `impossible birth date in the NIK (${nik.slice(6, 8)}-${nik.slice(8, 10)}-${nik.slice(10, 12)})`,
    });
  if (nik.slice(12) === '0000')
    failures.push({
      id: 'nomor urut NIK (digit 13–16) tidak boleh 0000',
      en: 'the serial of the NIK (digits 13–16) must not be 0000',
    });
  if (failures.length || !birth) return { ok: false, failures };
  return { ok: true, facts: { districtCode, ...birth } };
}

function fail(failure: NikFailure): NikCheck {
  return { ok: false, failures: [failure] };
}

/** The gender and birth date of DDMMYY (day + 40 for a woman), or undefined when no such day exists. */
function birthOf(ddmmyy: string, today: string): { gender: Gender; birthDate: string } | undefined {
  const dd = Number(ddmmyy.slice(0, 2));
  const gender: Gender = dd > 40 ? 'P' : 'L';
  const day = String(gender === 'P' ? dd - 40 : dd).padStart(2, '0');
  const rest = `${ddmmyy.slice(2, 4)}-${day}`;
  const yy = ddmmyy.slice(4, 6);
  // The 2000s unless that puts the birth after today; then the 1900s.
  const recent = `20${yy}-${rest}`;
  const birthDate = recent <= today ? recent : `19${yy}-${rest}`;
  return isValidBusinessDate(birthDate) ? { gender, birthDate } : undefined;
}

/** The reasons as one text each: Indonesian, English in parentheses (as the imports report a row). */
export function nikReasons(failures: NikFailure[]): string[] {
  return failures.map((f) => `${f.id} (${f.en})`);
}
