/** The figures of the ui-walk benchmark (bench/ui-walk.ts): printed per screen, and its entry. */
import { percentile, round, type BenchEntry } from './lib.ts';
import { screenKey } from './ui-walk-screens.ts';

const SCREEN_BUDGET_MS = 1000;
const RECEIPT_BUDGET_MS = 100;
const median = (xs: number[]) => percentile(xs, 50);
const fmt = (xs: number[]) => (xs.length ? `${median(xs)} | ${percentile(xs, 95)}` : '— | —');

/** One screen of one role's menu, and its times to usable content (ms). */
export interface Walked {
  role: string;
  href: string;
  /** How it was opened: `url` (a cold load: the role's first screen) or `menu` (a tap on its entry). */
  how: 'url' | 'menu';
  slow: number[];
  fast: number[];
  /** Runs that never became usable (after three tries): why. */
  failures: string[];
}

export function report(
  walked: Walked[],
  till: { slow: number[]; fast: number[]; asked: number } | undefined,
  opts: { runs: number; days: number; slowdown: number },
): BenchEntry {
  const x = `${opts.slowdown}×`;
  const slow = walked.flatMap((w) => w.slow);
  const fast = walked.flatMap((w) => w.fast);
  const p95 = percentile(slow, 95);
  const misses = walked.filter(
    (w) => percentile(w.slow, 95) >= SCREEN_BUDGET_MS || w.failures.length,
  );
  const missed = misses.map((w) => `${w.role} ${screenKey(w.href)} ${percentile(w.slow, 95)} ms`);
  console.log(
    `\nui-walk: time to usable content at 360 × 780, ms (${opts.runs} runs per screen and speed; demo of ${opts.days} days)`,
  );
  console.log(
    `role | screen | opened by | ${x} median | ${x} p95 | 1× median | 1× p95 | ${x}/1× (medians) | ${x} p95 / 1 s`,
  );
  for (const w of walked)
    console.log(
      `${w.role} | ${screenKey(w.href)} | ${w.how} | ${fmt(w.slow)} | ${fmt(w.fast)} | ${round(median(w.slow) / Math.max(1, median(w.fast)), 1)} | ${round(percentile(w.slow, 95) / SCREEN_BUDGET_MS, 2)}${w.failures.length ? ` | not usable: ${w.failures.join('; ')}` : ''}`,
    );
  console.log(
    `all screens: ${x} p95 ${p95} ms (${round(p95 / SCREEN_BUDGET_MS, 2)} of the 1 s budget), median ${median(slow)} ms; 1× p95 ${percentile(fast, 95)} ms, median ${median(fast)} ms`,
  );
  console.log(`over the 1 s p95 budget: ${missed.join(', ') || 'none'}`);
  const r = till?.slow.length ? till : undefined;
  const receipt = r
    ? `tap-to-receipt (${r.slow.length} cash sales of two lines): ${x} median ${round(median(r.slow), 1)} ms (${round(median(r.slow) / RECEIPT_BUDGET_MS, 2)} of the 100 ms budget), p95 ${round(percentile(r.slow, 95), 1)} ms; 1× median ${round(median(r.fast), 1)} ms, p95 ${round(percentile(r.fast, 95), 1)} ms${r.asked ? `; ${r.asked} sales asked for confirmation, not counted` : ''}`
    : 'tap-to-receipt: not measured';
  console.log(`cashier ${receipt}`);
  return {
    name: 'ui-walk',
    engine: 'http',
    value: p95,
    unit: `ms to usable content, p95 over every role's menu screens (360 px, ${x} CPU slowdown)`,
    reference: percentile(fast, 95),
    referenceName: 'the same screens without the slowdown',
    referenceUnit: 'ms',
    ratio: round(percentile(fast, 95) / Math.max(1, p95), 2),
    p99Ms: percentile(slow, 99),
    target: 'each screen p95 < 1 s; tap-to-receipt median < 100 ms',
    note: `${walked.length} screens, ${opts.runs} runs each; over budget: ${missed.join(', ') || 'none'}; ${receipt}`,
  };
}
