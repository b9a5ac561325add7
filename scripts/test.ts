/**
 * `npm test`: the whole suite on SQLite, and on PostgreSQL too when a
 * throwaway cluster can be started (LUMBUNG_REQUIRE_PG=1 makes that a must).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

let cluster: PgCluster | undefined;
const env = { ...process.env };
if (!env.LUMBUNG_TEST_PG_URL) {
  try {
    cluster = await startPgCluster();
    env.LUMBUNG_TEST_PG_URL = cluster.url;
    console.log(`PostgreSQL suite: on (throwaway cluster at ${cluster.url})`);
  } catch (e) {
    const reason = (e as Error).message;
    if (env.LUMBUNG_REQUIRE_PG === '1') {
      console.error(`PostgreSQL suite required but cannot run: ${reason}`);
      process.exit(1);
    }
    console.log(`PostgreSQL suite: SKIPPED — ${reason}. Only SQLite is tested in this run.`);
  }
} else {
  console.log(`PostgreSQL suite: on (${env.LUMBUNG_TEST_PG_URL})`);
}
const stop = () => cluster?.stop();
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
const args = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'lumbung-test-'));
const report = join(out, 'report.json');
const res = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ],
  { stdio: 'inherit', env },
);
stop();
// One plain closing line that any CI reads: how many tests passed and failed.
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`,
  );
}
rmSync(out, { recursive: true, force: true });
process.exit(res.status ?? 1);
