import fp from 'fastify-plugin';
import { auditEventRow } from '../../core/audit/index.ts';
import { SAFE_METHODS, operationOf } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The organization a state change belongs to, for the audit log. */
    auditOrgId?: string;
    auditTarget?: { type: string; id: string };
    /** What the operation adds to the audit event's detail (e.g. a reversal's reason). */
    auditDetail?: Record<string, unknown>;
  }
}

/**
 * The audit trail: every successful state change of a signed-in caller —
 * who, when, which operation on what, request id and address — written in
 * groups by the app's AuditWriter (flushed when the server closes).
 */
export const auditPlugin = fp(
  async (app) => {
    const { audit, clock } = app.deps;
    app.decorateRequest('auditOrgId', undefined);
    app.decorateRequest('auditTarget', undefined);
    app.decorateRequest('auditDetail', undefined);
    app.addHook('onClose', () => audit.flush());
    app.addHook('onResponse', async (request, reply) => {
      if (SAFE_METHODS.includes(request.method) || reply.statusCode >= 400 || !request.auth) return;
      const orgId = request.auditOrgId ?? request.auth.memberships[0]?.orgId;
      if (!orgId) return;
      const params: unknown = request.params;
      const paramId =
        params && typeof params === 'object' && 'id' in params && typeof params.id === 'string'
          ? params.id
          : undefined;
      audit.add(
        auditEventRow(
          {
            clock,
            actor: { userId: request.auth.id, role: request.auth.memberships[0]?.role ?? '' },
            requestId: request.id,
            address: request.ip,
          },
          {
            orgId,
            action: operationOf(request) ?? request.routeOptions.url ?? request.url,
            targetType: request.auditTarget?.type ?? 'request',
            targetId: request.auditTarget?.id ?? paramId ?? request.id,
            detail: {
              method: request.method,
              path: request.url.split('?')[0],
              status: reply.statusCode,
              ...request.auditDetail,
            },
          },
        ),
      );
    });
  },
  { name: 'lumbung-audit', dependencies: ['lumbung-session'] },
);
