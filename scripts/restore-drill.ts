/**
 * The restore drill (`npm run test:restore`, in CI): on each engine, a network built through the
 * commands, the server started, cashiers' sales batches (recordSales) written without pause while
 * `lumbung backup` runs, then `lumbung restore` into a fresh database and `lumbung verify`.
 *
 * What it asserts, per engine:
 * - backup, restore and verify all exit 0 (restore migrates and verifies; verify runs again);
 * - the copy is one consistent snapshot: verify passes on it, so every sale in it is complete
 *   (its lines, its stock movements and its journal lines are all there or none is);
 * - no sale acknowledged before the backup began is missing from the restored database;
 * - every restored sale was acknowledged to its cashier by the time the backup had ended (and
 *   its batch answered): before ≤ restored ≤ acknowledged by the end, by id, not only by count;
 * - writes were acknowledged while the backup ran (the drill really ran under load).
 *
 * Usage: npx tsx scripts/restore-drill.ts [--engine=sqlite|postgres]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { freePort, startProcess } from '../bench/lib.ts';
import { buildBenchNetwork, type BenchNetwork } from '../bench/network.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import type { Engine } from '../src/db/database.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

const SALES_PER_BATCH = 20;
const WRITERS = 3;
/** Sales acknowledged before the backup starts, so that it copies a database being written. */
const WARM_UP_SALES = 300;

const ROOT = new URL('..', import.meta.url).pathname;
const say = (text: string) => process.stderr.write(`${text}\n`);
const count = (n: number) => n.toLocaleString('en');

/** Runs `lumbung ARGS` against `databaseUrl`, echoing its output; resolves with its exit code. */
function lumbung(args: string[], databaseUrl: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lumbung.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const echo = (d: Buffer) =>
      process.stderr.write(
        d
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((l) => `    │ ${l}\n`)
          .join(''),
      );
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.once('error', reject);
    child.once('close', resolve);
  });
}

/** Cashiers syncing without pause: every sale whose batch answered `created` is acknowledged. */
function startLoad(port: number, token: string, net: BenchNetwork) {
  const acknowledged: string[] = [];
  let stopping = false;
  let failures = 0;
  const day = new Date(Date.now() - 60_000).toISOString();
  const writer = async (w: number) => {
    for (let batch = 0; !stopping; batch++) {
      const coop = net.coops[(w + batch) % net.coops.length]!;
      const sales = Array.from({ length: SALES_PER_BATCH }, (_, i) => ({
        id: uuidv7(),
        occurredAt: day,
        paymentMethod: 'cash',
        lines: [
          {
            productId: net.products[i % net.products.length]!.id,
            qty: 1 + (i % 3),
            unitPrice: 17_500,
          },
        ],
      }));
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/cooperatives/${coop.id}/sales`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ sales }),
      });
      const body = (await res.json()) as { results?: { id: string; status: string }[] };
      if (res.status !== 200 || !body.results) {
        if (failures++ === 0) say(`  first refused batch: ${res.status} ${JSON.stringify(body)}`);
        continue;
      }
      for (const r of body.results)
        if (r.status === 'created') acknowledged.push(r.id);
        else if (failures++ === 0) say(`  first refused sale: ${JSON.stringify(r)}`);
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return {
    acknowledged,
    failures: () => failures,
    async stop() {
      stopping = true;
      await done;
    },
  };
}

async function drill(engine: Engine, work: string, cluster?: PgCluster): Promise<string> {
  const urlOf = async (name: string) => {
    if (engine === 'sqlite') return `file:${join(work, `${name}.sqlite`)}`;
    const admin = new pg.Client({ connectionString: cluster!.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    return cluster!.url.replace(/\/[^/]*$/, `/${name}`);
  };
  const sourceUrl = await urlOf('drill');
  say(`▶ restore drill on ${engine}`);

  const h = openDatabase(sourceUrl);
  await migrateToLatest(h.db);
  const startDate = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const net = await buildBenchNetwork(h.db, {
    coops: 4,
    products: 3,
    stock: 100_000,
    startDate,
    label: `drill ${engine}`,
  });
  await h.close();
  // The cashiers' device signs in as an operator would set it up: a user made with the command,
  // a bearer token from the login.
  const password = 'drill-password';
  const email = 'drill@hub.test';
  const made = await lumbung(
    [
      'user',
      'create',
      '--email',
      email,
      '--name',
      'Restore drill',
      '--role',
      'hub_staff',
      '--org',
      net.hub.id,
      '--password',
      password,
    ],
    sourceUrl,
  );
  if (made !== 0) throw new Error(`lumbung user create exited with ${made}`);

  const port = await freePort();
  const server = await startProcess(
    ['bin/lumbung.js', 'serve'],
    { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: sourceUrl, LUMBUNG_LOG: 'warn' },
    /localhost:\d+/,
  );
  const backupFile = join(work, engine === 'sqlite' ? 'drill-backup.sqlite' : 'drill-backup.dump');
  let before: Set<string>;
  let byEnd: Set<string>;
  let duringBackup: number;
  let refused: number;
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { token } = (await login.json()) as { token: string };
    if (login.status !== 200 || !token) throw new Error(`login answered ${login.status}`);
    const load = startLoad(port, token, net);
    while (load.acknowledged.length < WARM_UP_SALES) await new Promise((r) => setTimeout(r, 50));
    before = new Set(load.acknowledged);
    say(`  ${count(before.size)} sales acknowledged; lumbung backup starts under load`);
    const backupExit = await lumbung(['backup', '--out', backupFile], sourceUrl);
    const atBackupEnd = load.acknowledged.length;
    await load.stop();
    byEnd = new Set(load.acknowledged);
    duringBackup = atBackupEnd - before.size;
    refused = load.failures();
    if (backupExit !== 0) throw new Error(`lumbung backup exited with ${backupExit}`);
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
  }

  const restoredUrl = await urlOf('drill_restored');
  const restoreExit = await lumbung(['restore', backupFile], restoredUrl);
  if (restoreExit !== 0) throw new Error(`lumbung restore exited with ${restoreExit}`);
  const verifyExit = await lumbung(['verify'], restoredUrl);
  if (verifyExit !== 0) throw new Error(`lumbung verify exited with ${verifyExit}`);

  const r = openDatabase(restoredUrl);
  const restored = (await r.db.selectFrom('sale').select('id').execute()).map((s) => s.id);
  await r.close();
  const restoredSet = new Set(restored);
  const missing = [...before].filter((id) => !restoredSet.has(id));
  const unknown = restored.filter((id) => !byEnd.has(id));
  const problems = [
    ...(refused ? [`${refused} sales or batches refused during the load`] : []),
    ...(duringBackup > 0 ? [] : ['no sale was acknowledged while the backup ran']),
    ...(missing.length
      ? [`${missing.length} sales acknowledged before the backup began are missing`]
      : []),
    ...(unknown.length
      ? [`${unknown.length} restored sales were never acknowledged by the backup's end`]
      : []),
    ...(restoredSet.size === restored.length ? [] : ['a sale is restored twice']),
  ];
  const figures = `${count(before.size)} sales acknowledged before the backup began ≤ ${count(restored.length)} restored ≤ ${count(byEnd.size)} acknowledged by its end (${count(duringBackup)} while it ran); verify passed on the restored database`;
  if (problems.length) throw new Error(`${problems.join('; ')} — ${figures}`);
  return `restore drill (${engine}): PASS — ${figures}`;
}

const engineArg = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
const engines: Engine[] = engineArg ? [engineArg as Engine] : ['sqlite', 'postgres'];
const results: string[] = [];
let failed = false;
for (const engine of engines) {
  const work = mkdtempSync(join(tmpdir(), `lumbung-drill-${engine}-`));
  let cluster: PgCluster | undefined;
  try {
    if (engine === 'postgres') cluster = await startPgCluster();
    results.push(await drill(engine, work, cluster));
  } catch (e) {
    failed = true;
    results.push(`restore drill (${engine}): FAIL — ${(e as Error).message}`);
  } finally {
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
for (const line of results) console.log(line);
process.exit(failed ? 1 : 0);
