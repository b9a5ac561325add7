import { describe, expect, it } from 'vitest';
import { checkNik, loadDistrictCodes, nikReasons } from './nik.ts';

const TODAY = '2026-12-06';
const districts = await loadDistrictCodes();
const check = (nik: string) => checkNik(nik, districts, TODAY);
const reasons = (nik: string) => {
  const r = check(nik);
  return r.ok ? [] : nikReasons(r.failures);
};

describe('checkNik', () => {
  it('reads a man’s and a woman’s birth date and the district (Telanaipura, Kota Jambi)', () => {
    expect(check('1571011708850003')).toEqual({
      ok: true,
      facts: { districtCode: '15.71.01', gender: 'L', birthDate: '1985-08-17' },
    });
    expect(check('1571015703920001')).toEqual({
      ok: true,
      facts: { districtCode: '15.71.01', gender: 'P', birthDate: '1992-03-17' },
    });
  });

  it('puts a two-digit year in the century that leaves the birth in the past', () => {
    const year = (nik: string) => (check(nik) as { facts: { birthDate: string } }).facts.birthDate;
    expect(year('1571010101050001')).toBe('2005-01-01');
    expect(year('1571010612260001')).toBe('2026-12-06');
    expect(year('1571010712260001')).toBe('1926-12-07');
    expect(year('1571010101300001')).toBe('1930-01-01');
  });

  it('names a wrong length or a non-digit alone', () => {
    expect(reasons('157101170885000')).toEqual([
      'NIK harus 16 digit (ada 15) (the NIK must be 16 digits long (got 15))',
    ]);
    expect(reasons('15710117088500031')).toHaveLength(1);
    expect(reasons('')).toEqual([
      'NIK harus 16 digit (ada 0) (the NIK must be 16 digits long (got 0))',
    ]);
    expect(reasons('1571O11708850003')).toEqual([
      'NIK hanya boleh berisi angka (the NIK must hold digits only)',
    ]);
    expect(reasons('3.20123E+15')[0]).toContain('hanya boleh berisi angka');
  });

  it('refuses a region code Kemendagri does not know', () => {
    expect(reasons('1571991708850003')).toEqual([
      'kode wilayah 15.71.99 pada NIK tidak dikenal Kemendagri (unknown region code 15.71.99 in the NIK)',
    ]);
    expect(reasons('9901011708850003')[0]).toContain('99.01.01');
  });

  it('refuses impossible birth dates: 31 February, month 13, day 0, day 72 for a woman, 29 February of a common year', () => {
    for (const ddmmyy of ['310290', '011390', '000190', '720190', '350190', '290201'])
      expect({ ddmmyy, reasons: reasons(`157101${ddmmyy}0003`) }).toEqual({
        ddmmyy,
        reasons: [
          `tanggal lahir pada NIK (${ddmmyy.slice(0, 2)}-${ddmmyy.slice(2, 4)}-${ddmmyy.slice(4)}) tidak mungkin (impossible birth date in the NIK (${ddmmyy.slice(0, 2)}-${ddmmyy.slice(2, 4)}-${ddmmyy.slice(4)}))`,
        ],
      });
    expect(check('1571012902000003').ok).toBe(true);
    expect(check('1571016902000003')).toMatchObject({
      facts: { gender: 'P', birthDate: '2000-02-29' },
    });
  });

  it('refuses the serial 0000 and names every rule broken at once', () => {
    expect(reasons('1571011708850000')).toEqual([
      'nomor urut NIK (digit 13–16) tidak boleh 0000 (the serial of the NIK (digits 13–16) must not be 0000)',
    ]);
    expect(reasons('1571993102850000')).toHaveLength(3);
  });
});
