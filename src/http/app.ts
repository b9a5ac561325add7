import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, Engine } from '../db/database.ts';

export interface AppOptions {
  db: Kysely<Database>;
  engine: Engine;
  version: string;
  logger?: boolean;
}

/** The HTTP server: the API under /api. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1_048_576 });
  app.get('/api/health', async () => ({
    status: 'ok',
    database: opts.engine,
    version: opts.version,
  }));
  return app;
}
