/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 and a free port, for
 * tests and benchmarks. As root, initdb/pg_ctl run as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  url: string;
  stop(): void;
  /** Stops the postmaster at once (`pg_ctl stop -m immediate`, as a crash would), keeping the data. */
  crash(): void;
  /** Starts the postmaster again on the same data and port (after `crash`: crash recovery first). */
  start(): void;
}

function findBinDir(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'pg_ctl')))
    return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    const preferred = versions.includes('15')
      ? ['15', ...versions.filter((v) => v !== '15')]
      : versions;
    for (const v of preferred)
      if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Starts a cluster, or throws with the reason it cannot. */
export async function startPgCluster(opts: { fast?: boolean } = {}): Promise<PgCluster> {
  const bin = findBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries (install Debian package postgresql-15)');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(full[0] as string, full[1] as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const base = mkdtempSync(join(tmpdir(), 'lumbung-pg-'));
  chmodSync(base, 0o755);
  const data = join(base, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', base]);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${base}`,
    `-c max_connections=200`,
    `-c shared_buffers=256MB`,
    ...(opts.fast !== false
      ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
      : []),
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(base, 'log'), '-w', '-t', '60', 'start']);
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--locale=C',
    ]);
    start();
  } catch (e) {
    rmSync(base, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`could not start PostgreSQL: ${err.stderr?.toString().trim() || err.message}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
