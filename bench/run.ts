/**
 * `npm run bench`: runs the benchmarks, prints a table and merges the entries
 * into bench/results/latest.json. Not a test: nothing here asserts a time.
 * Usage: npm run bench [-- NAME…] [--engine=sqlite|postgres]
 * Each benchmark runs on every engine it lists, one after the other (SQLite first);
 * `--engine` keeps one. Entries are keyed by name and engine.
 */
import { benchCashierUi } from './cashier-ui.ts';
import { benchDispatchCheck } from './dispatch-check.ts';
import { benchHttpSync } from './http-sync.ts';
import { benchMemberImport } from './member-import.ts';
import { benchSalesPosting } from './sales-posting.ts';
import { benchScaleReport } from './scale-report.ts';
import { benchSembakoImport } from './sembako-import.ts';
import { benchSembakoOrders } from './sembako-orders.ts';
import { benchStockCount } from './stock-count.ts';
import { benchTreasuryForecast } from './treasury-forecast.ts';
import { benchUiWalk } from './ui-walk.ts';
import { fileURLToPath } from 'node:url';
import {
  RESULTS,
  cleanupSqlite,
  printTable,
  say,
  stopPgServer,
  writeResults,
  type BenchEntry,
} from './lib.ts';
import type { Engine } from '../src/db/database.ts';

type Bench = (engine: Engine) => Promise<BenchEntry | BenchEntry[] | undefined>;
const BENCHES: Record<string, { run: Bench; engines: Engine[] }> = {
  'sales-posting': { run: benchSalesPosting, engines: ['sqlite', 'postgres'] },
  'stock-count': { run: benchStockCount, engines: ['sqlite', 'postgres'] },
  'dispatch-check': { run: benchDispatchCheck, engines: ['sqlite', 'postgres'] },
  'http-sync': { run: benchHttpSync, engines: ['sqlite', 'postgres'] },
  'cashier-ui': { run: () => benchCashierUi(), engines: ['sqlite'] },
  'sembako-import': { run: () => benchSembakoImport(), engines: ['sqlite'] },
  'sembako-orders': { run: benchSembakoOrders, engines: ['sqlite', 'postgres'] },
  'treasury-forecast': { run: () => benchTreasuryForecast(), engines: ['sqlite'] },
  'member-import': { run: () => benchMemberImport(), engines: ['sqlite'] },
  'ui-walk': { run: () => benchUiWalk(), engines: ['sqlite'] },
  'scale-report': { run: benchScaleReport, engines: ['sqlite', 'postgres'] },
};

export async function runBenchmarks(args: string[]): Promise<number> {
  const engineArg = args.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
  const names = args.filter((a) => !a.startsWith('-'));
  const chosen = names.length ? names : Object.keys(BENCHES);
  const unknown = chosen.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    say(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const entries: BenchEntry[] = [];
  try {
    for (const name of chosen) {
      for (const engine of BENCHES[name]!.engines.filter((e) => !engineArg || e === engineArg)) {
        say(`▶ ${name} on ${engine}`);
        const e = await BENCHES[name]!.run(engine);
        if (e) entries.push(...(Array.isArray(e) ? e : [e]));
      }
    }
  } finally {
    stopPgServer();
    cleanupSqlite();
  }
  printTable(entries);
  writeResults(entries);
  say(`Results merged into ${fileURLToPath(RESULTS)}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await runBenchmarks(process.argv.slice(2)));
}
