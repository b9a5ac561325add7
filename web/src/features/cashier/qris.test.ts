import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, dynamicQris, hasValidCrc, parseTlv } from './qris.ts';

const KOPERASI = {
  nmid: 'ID1025123456789',
  mcc: '5411',
  name: 'KDKMP Simpang IV Sipin',
  city: 'KOTA JAMBI',
  postalCode: '36124',
  criteria: 'UMI' as const,
};

describe('QRIS payload', () => {
  it('CRC-16/CCITT-FALSE matches the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse('')).toBe('FFFF');
  });

  it('builds a dynamic merchant-presented payload with every field at its length', () => {
    const p = dynamicQris(KOPERASI, 35_000);
    expect(p).toBe(
      '000201' +
        '010212' +
        '5144' +
        '0014ID.CO.QRIS.WWW' +
        '0215ID1025123456789' +
        '0303UMI' +
        '52045411' +
        '5303360' +
        '540535000' +
        '5802ID' +
        '5922KDKMP Simpang IV Sipin' +
        '6010KOTA JAMBI' +
        '610536124' +
        '6304' +
        crc16CcittFalse(p.slice(0, -4)),
    );
    const f = parseTlv(p);
    expect([...f.keys()]).toEqual([
      '00',
      '01',
      '51',
      '52',
      '53',
      '54',
      '58',
      '59',
      '60',
      '61',
      '63',
    ]);
    expect(parseTlv(f.get('51')!).get('00')).toBe('ID.CO.QRIS.WWW');
    expect(f.get('54')).toBe('35000');
    expect(hasValidCrc(p)).toBe(true);
  });

  it('a changed amount or a changed CRC no longer verifies', () => {
    const p = dynamicQris(KOPERASI, 35_000);
    expect(hasValidCrc(p.replace('540535000', '540536000'))).toBe(false);
    expect(hasValidCrc(`${p.slice(0, -1)}${p.endsWith('0') ? '1' : '0'}`)).toBe(false);
  });

  it('cuts long names to 25 and cities to 15 characters, drops non-ASCII, refuses bad input', () => {
    const p = dynamicQris(
      {
        ...KOPERASI,
        name: 'Koperasi Desa Merah Putih Kelurahan Sipin',
        city: 'Kota Jambi — Provinsi Jambi',
      },
      1,
    );
    const f = parseTlv(p);
    expect(f.get('59')).toBe('Koperasi Desa Merah Putih');
    expect(f.get('60')).toBe('Kota Jambi  Pro');
    expect(() => dynamicQris(KOPERASI, 0)).toThrow();
    expect(() => dynamicQris(KOPERASI, 1.5)).toThrow();
    expect(() => dynamicQris({ ...KOPERASI, mcc: '54' }, 10)).toThrow();
  });
});
