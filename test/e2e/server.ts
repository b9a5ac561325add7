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
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
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
  const child: ChildProcess = spawn(process.execPath, ['bin/lumbung.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      LUMBUNG_LOG: 'warn',
      ...(opts.now ? { LUMBUNG_NOW: opts.now } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => d.toString().includes('Lumbung') && resolve();
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
