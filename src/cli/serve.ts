import { loadConfig } from '../config.ts';
import { startJobRunner, type JobRunner } from '../core/jobs/index.ts';
import { startedClock, systemClock } from '../core/shared/clock.ts';
import { buildApp } from '../http/app.ts';
import { openMigrated } from './open.ts';
import { isEmpty, seedDemoWithProgress } from './seed.ts';

/** How long a stop waits for requests in flight: under the 30 s most supervisors allow before SIGKILL. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * `LUMBUNG_JOBS=off`: this process runs no scheduled job (another process on the same database, or
 * a hub admin by hand, does). `LUMBUNG_JOBS_INTERVAL`: seconds between the runner's rounds (default
 * 60; tests use less).
 */
export function jobRunnerConfig(
  env: NodeJS.ProcessEnv = process.env,
): { intervalMs: number } | undefined {
  const jobs = (env.LUMBUNG_JOBS ?? 'on').toLowerCase();
  if (jobs !== 'on' && jobs !== 'off')
    throw new Error(`LUMBUNG_JOBS must be on or off, got ${env.LUMBUNG_JOBS}`);
  if (jobs === 'off') return undefined;
  const seconds = Number(env.LUMBUNG_JOBS_INTERVAL ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(
      `LUMBUNG_JOBS_INTERVAL must be a number of seconds, got ${env.LUMBUNG_JOBS_INTERVAL}`,
    );
  return { intervalMs: seconds * 1000 };
}

/** Serves the product. Production (`serve`) never seeds; demo mode seeds an empty database. */
export async function serveCommand(opts: { demo?: boolean }): Promise<void> {
  const config = loadConfig();
  const jobs = jobRunnerConfig();
  const demo = opts.demo || config.demo;
  const clock = config.now ? startedClock(config.now) : systemClock;
  // On standard error until the app's log exists.
  let warn = (err: Error, message: string) => console.error(`${message}: ${err.message}`);
  const h = await openMigrated({
    backgroundCheckpoints: true,
    // PostgreSQL dropped a pooled session (restart, failover): said, and the pool reconnects on demand.
    onConnectionError: (err) =>
      warn(err, 'database connection lost; new connections are made as needed'),
  });
  if (demo && (await isEmpty(h.db))) await seedDemoWithProgress(h.db, clock);
  const app = await buildApp({
    clock,
    db: h.db,
    engine: h.engine,
    version: config.version,
    metricsToken: config.metricsToken,
    trustProxy: config.trustProxy,
    logLevel: process.env.LUMBUNG_LOG ?? 'info',
  });
  warn = (err, message) => app.log.warn({ err }, message);
  let runner: JobRunner | undefined;
  let stopping = false;
  /**
   * SIGTERM/SIGINT: take no new connection, let the requests in flight finish (their answers close
   * their connections; anything later is refused with 503), flush the audit trail (the app's onClose),
   * close the database, exit 0. A second signal, or requests still running after SHUTDOWN_GRACE_MS,
   * end it at once with exit 1.
   */
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn(`${signal} again: stopping without waiting`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal}: finishing the requests in flight, then stopping`);
    let forced = false;
    const deadline = setTimeout(() => {
      forced = true;
      app.log.warn(
        `requests still running after ${SHUTDOWN_GRACE_MS} ms: closing their connections`,
      );
      app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    deadline.unref();
    // The job runner stops between organizations and records its run, while the requests finish.
    Promise.all([app.close(), runner?.stop()])
      .then(() => h.close())
      .then(
        () => process.exit(forced ? 1 : 0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  if (jobs) runner = startJobRunner(h.db, clock, { ...jobs, log: app.log });
  console.error(
    `Lumbung ${config.version} di http://localhost:${config.port} (${h.engine}${demo ? ', demo' : ''}${jobs ? '' : ', tugas terjadwal mati'}${config.now ? `, jam mulai ${config.now} (LUMBUNG_NOW)` : ''})`,
  );
}
