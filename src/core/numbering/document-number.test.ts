import { describe, expect, it } from 'vitest';
import {
  codeFromName,
  formatDocumentNumber,
  issuerCodeOf,
  numberMatches,
  numberSearchPattern,
} from './document-number.ts';

describe('formatDocumentNumber', () => {
  it('writes kind, issuer, year and month of the document, and four digits', () => {
    expect(
      formatDocumentNumber({
        kind: 'SJ',
        issuerCode: 'KANA-JBI',
        date: '2026-12-06',
        sequence: 1,
      }),
    ).toBe('SJ/KANA-JBI/2026/12/0001');
    expect(
      formatDocumentNumber({ kind: 'TK', issuerCode: 'KCJ', date: '2027-01-31', sequence: 482 }),
    ).toBe('TK/KCJ/2027/01/0482');
  });

  it('grows past 9999 instead of cutting the number', () => {
    expect(
      formatDocumentNumber({ kind: 'PB', issuerCode: 'KCJ', date: '2026-03-10', sequence: 12345 }),
    ).toBe('PB/KCJ/2026/03/12345');
  });

  it('refuses parts that cannot make a number', () => {
    const ok = { kind: 'SJ', issuerCode: 'KCJ', date: '2026-03-10', sequence: 1 } as const;
    expect(() => formatDocumentNumber({ ...ok, sequence: 0 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ ...ok, sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ ...ok, date: '10-03-2026' })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ ...ok, issuerCode: 'kana/jbi' })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ ...ok, issuerCode: '' })).toThrow(RangeError);
  });
});

describe('issuer codes', () => {
  it('uses the short code when there is one, in capitals', () => {
    expect(issuerCodeOf({ name: 'Koperasi Kana — Cabang Jambi', shortCode: 'kana-jbi' })).toBe(
      'KANA-JBI',
    );
  });

  it('makes one from the name when there is none', () => {
    expect(issuerCodeOf({ name: 'Koperasi Kana — Cabang Jambi', shortCode: null })).toBe('KCJ');
    expect(issuerCodeOf({ name: 'Koperasi Kana' })).toBe('KANA');
    expect(codeFromName('Koperasi Sejahtera Bersama')).toBe('SB');
    expect(codeFromName('PT Gula Manis Nusantara')).toBe('GMN');
    expect(codeFromName('Koperasi')).toBe('KOPERA');
    expect(codeFromName('Koperasi Café Ñusa')).toBe('CN');
    expect(codeFromName('—')).toBe('ORG');
  });

  it("gives a cooperative without a short code its village code's digits", () => {
    const coop = { name: 'KDKMP Sungai Putri', kind: 'cooperative', villageCode: '15.71.01.1001' };
    expect(issuerCodeOf(coop)).toBe('1571011001');
    expect(issuerCodeOf({ ...coop, shortCode: 'SPT' })).toBe('SPT');
    expect(issuerCodeOf({ ...coop, kind: 'hub' })).toBe('SP');
  });
});

describe('numberSearchPattern', () => {
  it('matches any part of a number, in any case and spacing', () => {
    expect(numberSearchPattern(' sj/kana-jbi/2026/12/0001 ')).toBe('%SJ/KANA-JBI/2026/12/0001%');
    expect(numberSearchPattern('0012')).toBe('%0012%');
    expect(numberSearchPattern('SJ / KCJ')).toBe('%SJ/KCJ%');
  });

  it('gives no filter for blank text, and a pattern that matches nothing for impossible text', () => {
    expect(numberSearchPattern(undefined)).toBeUndefined();
    expect(numberSearchPattern('  ')).toBeUndefined();
    expect(numberSearchPattern('%')).toBe('');
    expect(numberSearchPattern('00_1')).toBe('');
  });
});

describe('numberMatches', () => {
  it('reads the search text as the list queries do', () => {
    const n = 'TK/KANA-JBI/2026/02/0007';
    expect(numberMatches(n, undefined)).toBe(true);
    expect(numberMatches(n, 'tk/kana-jbi/2026/02/0007')).toBe(true);
    expect(numberMatches(n, '02/0007')).toBe(true);
    expect(numberMatches(n, '0008')).toBe(false);
    expect(numberMatches(n, '%')).toBe(false);
    expect(numberMatches(null, '0007')).toBe(false);
  });
});
