import { describe, expect, it } from 'vitest';
import { contentHash } from './ids.ts';

describe('contentHash', () => {
  // Fingerprints stored with sales: a replay must still find the same value, so these are pinned.
  it('gives the fingerprints already stored for a sale', () => {
    const sale = {
      o: '2026-11-28T03:00:00.000Z',
      l: [{ productId: '0190a0b0-0000-7000-8000-000000000001', qty: 2, unitPrice: 17500 }],
      p: 'cash',
      m: null,
    };
    expect(contentHash(sale)).toBe('n2A4K7qJLciCsAeZBR2_Zae6azvD1L6d');
    expect(contentHash({ m: null, p: 'cash', l: sale.l, o: sale.o })).toBe(
      'n2A4K7qJLciCsAeZBR2_Zae6azvD1L6d',
    );
  });

  it('orders keys, leaves out undefined members and keeps array positions', () => {
    expect(
      contentHash({ z: 1, a: [1, undefined, 'x', { q: undefined, b: [true, null] }], é: 'ü' }),
    ).toBe(contentHash({ é: 'ü', a: [1, undefined, 'x', { b: [true, null] }], z: 1 }));
    expect(contentHash([{ b: 2, a: 1 }, [], {}, '', 0])).toBe('xAMFfOKrUX6Rdpp3rvbey3ZUgVumTxlB');
    expect(contentHash({ l: [1, 2] })).not.toBe(contentHash({ l: [2, 1] }));
  });
});
