import { fixedClock } from '../src/core/shared/clock.ts';
import { getCashFlowForecast } from '../src/core/treasury/index.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { freshDatabase, progress, round, say, type BenchEntry } from './lib.ts';

/** The demo's "today": fixed, so that every run scores the same 90 days (override: BENCH_FORECAST_NOW). */
const NOW = process.env.BENCH_FORECAST_NOW ?? '2026-12-07T05:00:00Z';

const pct = (v: number | null) => (v === null ? '—' : `${round(v, 1)} %`);
const rp = (v: number) => `Rp ${v.toLocaleString('id-ID')}`;

/**
 * `treasury-forecast`: the demo's 90 days of history (Kota Jambi, 68
 * cooperatives, built through the commands as `lumbung seed --demo` does),
 * then the cash forecast's backtest: the method run as of each past Monday
 * with only what was known then, its first week against the payments that
 * came, beside the naive baseline (the last 4 weeks' average inflow) on the
 * same weeks. Value: the forecast's MAPE; reference: the baseline's; ratio:
 * baseline ÷ forecast (above 1 = the forecast is better). Not tuned on this
 * history: the method has no parameter fitted to it.
 */
export async function benchTreasuryForecast(): Promise<BenchEntry | undefined> {
  const h = await freshDatabase('sqlite', 'treasury_forecast');
  if (!h) return undefined;
  try {
    const clock = fixedClock(NOW);
    await seedDemo(h.db, {
      realClock: clock,
      onProgress: (done, total) => progress('demo history', done, total),
    });
    const hub = await h.db
      .selectFrom('organization')
      .select('id')
      .where('kind', '=', 'hub')
      .executeTakeFirstOrThrow();
    const started = performance.now();
    const f = await getCashFlowForecast(h.db, clock, hub.id);
    const ms = performance.now() - started;
    const b = f.backtest;
    say(
      `  forecast as of ${f.asOf} (${round(ms, 0)} ms with its backtest); receipts counted through ${b.receivedThrough}`,
    );
    say('  week        forecast              baseline              actual');
    for (const p of b.points)
      say(
        `  ${p.weekStart}  ${rp(p.forecast).padEnd(20)}  ${rp(p.baseline).padEnd(20)}  ${rp(p.actual)}`,
      );
    say(
      `  MAPE over ${b.weeks} weeks with money in: forecast ${pct(b.mape)}, baseline ${pct(b.baselineMape)}`,
    );
    // MAPE leaves out the weeks nothing came in; the mean absolute error counts every week run.
    const mae = (key: 'forecast' | 'baseline') =>
      b.points.length
        ? Math.round(
            b.points.reduce((t, p) => t + Math.abs(p[key] - p.actual), 0) / b.points.length,
          )
        : 0;
    say(
      `  mean absolute error over all ${b.points.length} weeks: forecast ${rp(mae('forecast'))}, baseline ${rp(mae('baseline'))}`,
    );
    if (b.mape === null || b.baselineMape === null) return undefined;
    return {
      name: 'treasury-forecast',
      engine: 'sqlite',
      value: round(b.mape, 1),
      unit: '% MAPE',
      reference: round(b.baselineMape, 1),
      referenceName: 'naive baseline: last 4 weeks’ average inflow',
      referenceUnit: '% MAPE',
      ratio: b.mape === 0 ? null : round(b.baselineMape / b.mape, 2),
      target: 'forecast MAPE below the baseline’s (ratio > 1)',
      note: `demo history of 90 days to ${f.asOf}; ${b.weeks} weeks scored, 1 week ahead`,
    };
  } finally {
    await h.close();
  }
}
