import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CommandContext } from '../../core/shared/context.ts';
import type { Database } from '../../db/database.ts';

/** Runs one command in one transaction. */
export function inTransaction<T>(
  app: FastifyInstance,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return app.deps.db.transaction().execute(fn);
}

/** The command context of a request: clock, who, request id, address. */
export function commandContext(app: FastifyInstance, request: FastifyRequest): CommandContext {
  const hubRole =
    request.auth?.memberships.find((m) => m.role === 'hub_admin') ?? request.auth?.memberships[0];
  return {
    clock: app.deps.clock,
    actor: request.auth
      ? { userId: request.auth.id, role: hubRole?.role ?? '', orgId: hubRole?.orgId }
      : undefined,
    requestId: request.id,
    address: request.ip,
  };
}
