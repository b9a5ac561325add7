import type { FastifyRequest } from 'fastify';
import { authorize as decide, isAction, type Grant, type Resource } from '../core/policy/index.ts';
import type { Db } from '../db/database.ts';
import { operationOf } from './plugins/session.ts';

/**
 * The one access check of a handler: the request's operation asks the core
 * policy for the resource (`authorize(db, actor, action, resource)`), and
 * what is granted is the audit trail's organization. Pass the transaction as
 * `db` to decide inside the command's own transaction.
 */
export async function authorize<R extends Resource>(
  request: FastifyRequest,
  resource: R,
  db: Db = request.server.deps.db,
): Promise<Grant<R>> {
  const op = operationOf(request);
  if (op === undefined || !isAction(op))
    throw new Error(`authorize called outside an operation of the policy (${request.url})`);
  const grant = await decide(db, request.auth, op, resource);
  request.auditOrgId = auditOrgOf(resource, grant) ?? request.auditOrgId;
  return grant;
}

function auditOrgOf(resource: Resource, grant: unknown): string | undefined {
  switch (resource.kind) {
    case 'cooperative':
    case 'organization':
      return resource.id;
    case 'hub':
    case 'office':
      return typeof grant === 'string' ? grant : undefined;
    case 'program':
      return (grant as Grant<{ kind: 'program'; id: string }>).orgId;
    case 'participant':
      return (grant as Grant<{ kind: 'participant'; programId: string }>).program.orgId;
    default:
      return undefined;
  }
}
