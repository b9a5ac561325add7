import type { FastifyRequest } from 'fastify';
import { loadDeliveryOrder } from '../../../core/consignment/index.ts';
import { authorize } from '../../authorize.ts';

/**
 * The delivery order a request names, once the caller is authorized for its
 * cooperative (to read or to write, as the operation's rule says); `NotFound`
 * for an unknown id. The order is the audit trail's target.
 */
export async function authorizedOrder(request: FastifyRequest, id: string) {
  const order = await loadDeliveryOrder(request.server.deps.db, id);
  await authorize(request, { kind: 'cooperative', id: order.orgId });
  request.auditTarget = { type: 'delivery_order', id };
  return order;
}
