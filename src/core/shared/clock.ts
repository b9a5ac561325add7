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

export function todayWib(clock: Clock): BusinessDate {
  return wibDateOf(clock.now());
}
