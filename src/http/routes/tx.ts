import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CommandContext } from '../../core/shared/context.ts';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../core/access/index.ts';
import { authorizeCooperative } from '../access.ts';

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

/**
 * Authorizes the caller to write for the cooperative and runs the command,
 * both in one transaction (one turn at the database per call).
 */
export function runForCooperative<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  coopId: string,
  roles: Role[],
  command: (db: Kysely<Database>, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  return inTransaction(app, async (db) => {
    await authorizeCooperative(db, request, coopId, 'write', roles);
    return command(db, commandContext(app, request));
  });
}
