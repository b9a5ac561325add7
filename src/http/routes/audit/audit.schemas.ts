import { Type } from 'typebox';
import { PageQuery } from '../../cursor.ts';
import { BusinessDate, List, Nullable } from '../../schemas.ts';

export const AuditEventsQuery = Type.Object(
  {
    action: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'operationId of the command, e.g. recordPayment',
      }),
    ),
    targetType: Type.Optional(
      Type.String({ maxLength: 100, description: 'document or entity, e.g. payment' }),
    ),
    from: Type.Optional(BusinessDate),
    to: Type.Optional(BusinessDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** One event of the audit trail: who, when, what, request id, address. */
export const AuditEvent = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Nullable(Type.String()),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  detail: Type.Unknown(),
  requestId: Nullable(Type.String()),
  address: Nullable(Type.String()),
});

export const AuditEvents = List(AuditEvent);
