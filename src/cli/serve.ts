import { loadConfig } from '../config.ts';
import { startedClock, systemClock } from '../core/shared/clock.ts';
import { buildApp } from '../http/app.ts';
import { openMigrated } from './open.ts';
import { isEmpty, seedDemoWithProgress } from './seed.ts';

/** Serves the product. Production (`serve`) never seeds; demo mode seeds an empty database. */
export async function serveCommand(opts: { demo?: boolean }): Promise<void> {
  const config = loadConfig();
  const demo = opts.demo || config.demo;
  const clock = config.now ? startedClock(config.now) : systemClock;
  const h = await openMigrated({ backgroundCheckpoints: true });
  if (demo && (await isEmpty(h.db))) await seedDemoWithProgress(h.db, clock);
  const app = await buildApp({
    clock,
    db: h.db,
    engine: h.engine,
    version: config.version,
    logLevel: process.env.LUMBUNG_LOG ?? 'info',
  });
  const shutdown = async () => {
    await app.close();
    await h.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.error(
    `Lumbung ${config.version} di http://localhost:${config.port} (${h.engine}${demo ? ', demo' : ''}${config.now ? `, jam mulai ${config.now} (LUMBUNG_NOW)` : ''})`,
  );
}
