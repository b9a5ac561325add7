import { describe, expect, it } from 'vitest';
import { dailyAt, monthlyAt } from './schedule.ts';

const next = (s: ReturnType<typeof dailyAt>, iso: string) =>
  s.nextAfter(new Date(iso)).toISOString();

describe('job schedules in WIB', () => {
  it('every day at 00:30 WIB: later the same WIB day, else the next one', () => {
    const s = dailyAt(0, 30);
    // 23:00 WIB on 30 Nov is 16:00 UTC: the next run is 00:30 WIB on 1 Dec (17:30 UTC on 30 Nov).
    expect(next(s, '2026-11-30T16:00:00Z')).toBe('2026-11-30T17:30:00.000Z');
    expect(next(s, '2026-11-30T17:30:00Z')).toBe('2026-12-01T17:30:00.000Z');
    expect(next(s, '2026-11-30T17:29:59Z')).toBe('2026-11-30T17:30:00.000Z');
    expect(s.text).toEqual({
      id: 'Setiap hari pukul 00.30 WIB',
      en: 'Every day at 00:30 WIB',
    });
  });

  it('on the 1st at 01:00 WIB: this month’s 1st if still ahead, else next month’s (across the year end)', () => {
    const s = monthlyAt(1, 0);
    expect(next(s, '2026-11-20T03:00:00Z')).toBe('2026-11-30T18:00:00.000Z');
    // 1 Dec 00:59 WIB: still ahead today.
    expect(next(s, '2026-11-30T17:59:00Z')).toBe('2026-11-30T18:00:00.000Z');
    expect(next(s, '2026-11-30T18:00:00Z')).toBe('2026-12-31T18:00:00.000Z');
    expect(next(s, '2026-12-15T00:00:00Z')).toBe('2026-12-31T18:00:00.000Z');
  });
});
