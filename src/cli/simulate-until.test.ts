import { describe, expect, it } from 'vitest';
import { fixedClock, todayWib } from '../core/shared/clock.ts';
import { untilClock } from './simulate.ts';

describe('lumbung simulate --until', () => {
  const real = fixedClock('2026-12-07T03:00:00Z'); // 10:00 WIB on 7 December

  it('stands the simulation on the last minute of the day in WIB: the whole day simulated', () => {
    const clock = untilClock('2026-11-30', real);
    expect(clock.now().toISOString()).toBe('2026-11-30T16:59:00.000Z');
    expect(todayWib(clock)).toBe('2026-11-30');
  });

  it('without it, or for today, is the clock as it is (simulated up to now)', () => {
    expect(untilClock(undefined, real)).toBe(real);
    expect(untilClock('2026-12-07', real)).toBe(real);
  });

  it('refuses a day after today and what is not a calendar date, in words', () => {
    expect(() => untilClock('2026-12-08', real)).toThrow(
      '--until must not be after today (2026-12-07)',
    );
    expect(() => untilClock('2026-02-30', real)).toThrow('--until must be a date YYYY-MM-DD');
    expect(() => untilClock('30-11-2026', real)).toThrow('--until must be a date YYYY-MM-DD');
  });
});
