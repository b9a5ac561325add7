import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CommandContext } from '../core/shared/context.ts';
import type { Database } from '../db/database.ts';
import { transactionRunAgain } from '../db/retry.ts';
import { authorize } from './authorize.ts';

/**
 * Runs one command in one transaction, again from the start when PostgreSQL ends it for a
 * deadlock or a serialization failure (it was rolled back whole: nothing of the first run stays).
 */
export function inTransaction<T>(
  request: FastifyRequest,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return transactionRunAgain(request.server.deps.db, fn);
}

/** The command context of a request: clock, who, request id, address. */
export function commandContext(request: FastifyRequest): CommandContext {
  const hubRole =
    request.auth?.memberships.find((m) => m.role === 'hub_admin') ?? request.auth?.memberships[0];
  return {
    clock: request.server.deps.clock,
    actor: request.auth
      ? { userId: request.auth.id, role: hubRole?.role ?? '', orgId: hubRole?.orgId }
      : undefined,
    requestId: request.id,
    address: request.ip,
  };
}

/**
 * Authorizes the caller for the cooperative and runs the command, both in
 * one transaction (one turn at the database per call).
 */
export function runForCooperative<T>(
  request: FastifyRequest,
  coopId: string,
  command: (db: Kysely<Database>, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  return inTransaction(request, async (db) => {
    await authorize(request, { kind: 'cooperative', id: coopId }, db);
    return command(db, commandContext(request));
  });
}
