import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';
import type { Engine } from '../../src/db/database.ts';
import { freePort } from './server.ts';

/** `lumbung serve` as an operator starts it for real: no demo, on an empty database. */
export interface EmptyServer {
  engine: Engine;
  url: string;
  databaseUrl: string;
  /** The line the server printed on starting (`Lumbung … (sqlite)`: no `demo` in it). */
  readonly banner: string;
  /** `lumbung <args>` on the same database; its exit code and output. */
  lumbung(
    args: string[],
    env?: Record<string, string>,
  ): Promise<{ code: number | null; output: string }>;
  stop(): Promise<void>;
}

/** The environment of every command: the database named, the demo off whatever the caller's shell says. */
function baseEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LUMBUNG_LOG: 'warn' };
  delete env.LUMBUNG_DEMO;
  delete env.LUMBUNG_NOW;
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lumbung.js', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** A PostgreSQL database for the run: a throwaway cluster, or a new database in LUMBUNG_TEST_PG_URL's. */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  let cluster: PgCluster | undefined;
  const serverUrl = process.env.LUMBUNG_TEST_PG_URL ?? (cluster = await startPgCluster()).url;
  const name = `golive_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: serverUrl.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      if (cluster) return cluster.stop();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Starts `lumbung serve` (never `--demo`) in its own process on a new, empty database of `engine`:
 * a SQLite file, or a PostgreSQL database (throws with the reason when none can be started).
 */
export async function startEmptyServer(engine: Engine): Promise<EmptyServer> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-golive-'));
    databaseUrl = `file:${join(dir, 'lumbung.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await postgresDatabase();
    databaseUrl = db.url;
    cleanup = db.drop;
  }
  const port = await freePort();
  const env = { ...baseEnv(databaseUrl), PORT: String(port), HOST: '127.0.0.1' };
  const child: ChildProcess = spawn(process.execPath, ['bin/lumbung.js', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('Lumbung')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  return {
    engine,
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    get banner() {
      return log.split('\n').find((l) => l.includes('Lumbung')) ?? '';
    },
    lumbung: (args, extra = {}) => run(args, { ...baseEnv(databaseUrl), ...extra }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      await cleanup();
    },
  };
}
