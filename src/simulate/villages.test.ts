import { describe, expect, it } from 'vitest';
import { simulationVillages } from './villages.ts';

describe('the simulation villages', () => {
  it('takes Jambi first, then the other provinces, each kabupaten whole before the next', async () => {
    const all = await simulationVillages(83_000);
    expect(new Set(all.map((v) => v.code)).size).toBe(83_000);
    expect(all.slice(0, 1_585).every((v) => v.provinceCode === '15')).toBe(true);
    expect(all[1_585]!.provinceCode).not.toBe('15');
    const seen = new Set<string>();
    for (const [i, v] of all.entries()) {
      if (i > 0 && all[i - 1]!.regencyCode !== v.regencyCode) {
        expect(seen.has(v.regencyCode)).toBe(false);
        seen.add(all[i - 1]!.regencyCode);
      }
    }
    expect((await simulationVillages(5)).map((v) => v.code)).toEqual(
      all.slice(0, 5).map((v) => v.code),
    );
  });
});
