import { wibDateOf, type BusinessDate } from './business-date.ts';

/** The only source of "now" in the core; tests replace it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t.getTime()),
    set(next: string) {
      t = new Date(next);
    },
  };
}

/** A clock that starts at `iso` and runs at real speed (browser tests of a chosen day; never production). */
export function startedClock(iso: string, real: Clock = systemClock): Clock {
  const offset = new Date(iso).getTime() - real.now().getTime();
  if (Number.isNaN(offset)) throw new Error(`Not an instant: ${iso}`);
  return { now: () => new Date(real.now().getTime() + offset) };
}

export function todayWib(clock: Clock): BusinessDate {
  return wibDateOf(clock.now());
}
