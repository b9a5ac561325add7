import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { fixedClock } from '../../src/core/shared/clock.ts';

export interface RunningServer {
  url: string;
  /** The SQLite file behind it (`file:…`), to check after the server stops. */
  databaseUrl: string;
  stop(): Promise<void>;
  /** Kills the server process (SIGKILL: no goodbye), keeping its database. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * The real product on a fresh demo database (a short history), in its own process; with `now`, the
 * history ends on that instant and the server's clock starts there (`LUMBUNG_NOW`).
 */
export async function startDemoServer(
  days = 21,
  opts: { now?: string } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-e2e-'));
  const url = `file:${join(dir, 'demo.sqlite')}`;
  const h = openDatabase(url);
  await migrateToLatest(h.db);
  await seedDemo(h.db, { days, ...(opts.now ? { realClock: fixedClock(opts.now) } : {}) });
  await h.close();
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    LUMBUNG_LOG: 'warn',
    ...(opts.now ? { LUMBUNG_NOW: opts.now } : {}),
  };
  let child = await spawnServer(env);
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise((r) => c.once('exit', r));
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: url,
    async stop() {
      child.kill('SIGINT');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await spawnServer(env);
    },
  };
}

async function spawnServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child: ChildProcess = spawn(process.execPath, ['bin/lumbung.js', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => d.toString().includes('Lumbung') && resolve();
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}
