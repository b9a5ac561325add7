import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  cancelDeliveryOrder,
  checkDispatch,
  createDeliveryOrder,
  createGoodsReceipt,
  dispatchDeliveryOrder,
  findDeliveryOrderById,
  findDeliveryOrderLines,
  receiveDeliveryOrder,
  suggestDeliveryQuantities,
} from '../../core/consignment/index.ts';
import { findProductsByIds } from '../../core/catalog/index.ts';
import { findOrganizationById } from '../../core/network/index.ts';
import { todayWib } from '../../core/shared/clock.ts';
import { renderDeliveryNote } from '../pdf/delivery-note.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { COOP_ROLES, HUB_ROLES, authorizeCooperative, callerHubId } from '../access.ts';
import { BusinessDate, Id, Qty, Rupiah, Text, Uuid, problems } from '../schemas.ts';
import { commandContext, inTransaction } from './tx.ts';
import {
  DeliveryOrderDetail,
  DeliveryOrderListItem,
  DeliverySuggestion,
  DispatchCheck,
  GoodsReceiptSummary,
} from '../models.ts';
import { PageQuery, decodeCursor, pageLimit, pageOf } from '../cursor.ts';
import { findDeliveryOrders, findGoodsReceipts } from '../../core/consignment/index.ts';
import { authOf } from '../access.ts';

const Line = Type.Object({ productId: Id, qty: Qty }, { additionalProperties: false });
const DeliveryOrder = Type.Object({ id: Type.String(), status: Type.String(), value: Rupiah });

export function registerDocumentRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.post(
    '/api/v1/goods-receipts',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'createGoodsReceipt',
        tags: ['documents'],
        summary: 'Goods from a supplier into a hub warehouse (moving-average cost)',
        body: Type.Object(
          {
            id: Type.Optional(Uuid),
            warehouseId: Type.Optional(Id),
            supplierName: Text(200),
            date: Type.Optional(BusinessDate),
            lines: Type.Array(
              Type.Object(
                { productId: Id, qty: Qty, unitCost: Rupiah },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), totalCost: Rupiah }),
          201: Type.Object({ id: Type.String(), totalCost: Rupiah }),
          ...problems(409, 422),
        },
      },
    },
    async (request, reply) => {
      const hubId = callerHubId(request);
      request.auditOrgId = hubId;
      const r = await inTransaction(app, (db) =>
        createGoodsReceipt(db, commandContext(app, request), hubId, request.body as never),
      );
      request.auditTarget = { type: 'goods_receipt', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id, totalCost: r.totalCost });
    },
  );

  app.post(
    '/api/v1/delivery-orders',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'createDeliveryOrder',
        tags: ['documents'],
        summary: 'A draft delivery order (surat jalan) valued at consignment prices',
        body: Type.Object(
          {
            id: Type.Optional(Uuid),
            cooperativeId: Id,
            warehouseId: Type.Optional(Id),
            date: Type.Optional(BusinessDate),
            lines: Type.Array(Line, { minItems: 1, maxItems: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeliveryOrder, 201: DeliveryOrder, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as { cooperativeId: string };
      await authorizeCooperative(deps.db, request, body.cooperativeId, 'write', HUB_ROLES);
      const r = await inTransaction(app, (db) =>
        createDeliveryOrder(db, commandContext(app, request), request.body as never),
      );
      request.auditTarget = { type: 'delivery_order', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id, status: r.status, value: r.value });
    },
  );

  const loadForCaller = async (
    request: Parameters<typeof authorizeCooperative>[1],
    id: string,
    mode: 'read' | 'write',
    roles: typeof HUB_ROLES,
  ) => {
    const order = await findDeliveryOrderById(deps.db, id);
    if (!order)
      throw new DomainError('NotFound', {
        message: 'Surat jalan tidak ditemukan',
        messageEn: 'Delivery order not found',
      });
    await authorizeCooperative(deps.db, request, order.orgId, mode, roles);
    request.auditTarget = { type: 'delivery_order', id };
    return order;
  };

  app.get(
    '/api/v1/delivery-orders/:id',
    {
      config: { roles: [...HUB_ROLES, ...COOP_ROLES, 'gov_viewer'] },
      schema: {
        operationId: 'getDeliveryOrder',
        tags: ['documents'],
        params: Type.Object({ id: Id }),
        response: { 200: DeliveryOrderDetail, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const order = await loadForCaller(request, id, 'read', [
        ...HUB_ROLES,
        ...COOP_ROLES,
        'gov_viewer',
      ]);
      const { contentHash: _h, ...rest } = order;
      return {
        ...rest,
        cooperativeId: order.orgId,
        lines: await findDeliveryOrderLines(deps.db, order.orgId, id),
      };
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/dispatch',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'dispatchDeliveryOrder',
        tags: ['documents'],
        summary:
          'Send a draft: refused past the exposure limit or on shipping hold unless a hub admin overrides with a reason',
        params: Type.Object({ id: Id }),
        body: Type.Optional(
          Type.Object(
            {
              override: Type.Optional(
                Type.Object({ reason: Text(500) }, { additionalProperties: false }),
              ),
              date: Type.Optional(BusinessDate),
            },
            { additionalProperties: false },
          ),
        ),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String() }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadForCaller(request, id, 'write', HUB_ROLES);
      return inTransaction(app, (db) =>
        dispatchDeliveryOrder(db, commandContext(app, request), id, (request.body ?? {}) as never),
      );
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/receive',
    {
      config: { roles: [...HUB_ROLES, 'coop_manager'] },
      schema: {
        operationId: 'receiveDeliveryOrder',
        tags: ['documents'],
        summary: 'The cooperative receives the goods line by line; shortages are the hub’s loss',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                {
                  productId: Id,
                  qtyReceived: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
            date: Type.Optional(BusinessDate),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String() }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadForCaller(request, id, 'write', [...HUB_ROLES, 'coop_manager']);
      return inTransaction(app, (db) =>
        receiveDeliveryOrder(db, commandContext(app, request), id, request.body as never),
      );
    },
  );

  app.post(
    '/api/v1/delivery-orders/:id/cancel',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'cancelDeliveryOrder',
        tags: ['documents'],
        summary: 'Cancel a draft',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String() }),
          ...problems(404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadForCaller(request, id, 'write', HUB_ROLES);
      return inTransaction(app, (db) => cancelDeliveryOrder(db, commandContext(app, request), id));
    },
  );

  app.get(
    '/api/v1/delivery-orders',
    {
      config: { roles: [...HUB_ROLES, ...COOP_ROLES, 'gov_viewer'] },
      schema: {
        operationId: 'listDeliveryOrders',
        tags: ['documents'],
        summary: 'Delivery orders the caller may see, newest first',
        querystring: Type.Object(
          {
            cooperativeId: Type.Optional(Id),
            status: Type.Optional(
              Type.Union(
                ['draft', 'dispatched', 'received', 'cancelled'].map((x) => Type.Literal(x)),
              ),
            ),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(DeliveryOrderListItem),
            nextCursor: Type.Optional(Type.String()),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const q = request.query as {
        cooperativeId?: string;
        status?: string;
        limit?: string;
        cursor?: string;
      };
      const auth = authOf(request);
      const limit = pageLimit(q.limit);
      const c = decodeCursor(q.cursor);
      const before = c ? { date: c[0], id: c[1] } : undefined;
      let filter: { coopIds?: string[]; hubId?: string };
      if (q.cooperativeId) {
        await authorizeCooperative(deps.db, request, q.cooperativeId, 'read', [
          ...HUB_ROLES,
          ...COOP_ROLES,
          'gov_viewer',
        ]);
        filter = { coopIds: [q.cooperativeId] };
      } else if (
        auth.memberships.some((m) => m.orgKind === 'hub' && HUB_ROLES.includes(m.role as never))
      ) {
        filter = { hubId: callerHubId(request) };
      } else {
        filter = {
          coopIds: auth.memberships.filter((m) => m.orgKind === 'cooperative').map((m) => m.orgId),
        };
      }
      const rows = await findDeliveryOrders(deps.db, {
        ...filter,
        status: q.status,
        limit: limit + 1,
        before,
      });
      const page = pageOf(rows, limit, (r) => [r.orderDate, r.id]);
      return { ...page, items: page.items.map((r) => ({ ...r, cooperativeId: r.orgId })) };
    },
  );

  app.get(
    '/api/v1/goods-receipts',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'listGoodsReceipts',
        tags: ['documents'],
        summary: "The hub's goods receipts, newest first",
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(GoodsReceiptSummary),
            nextCursor: Type.Optional(Type.String()),
          }),
          ...problems(),
        },
      },
    },
    async (request) => {
      const q = request.query as { limit?: string; cursor?: string };
      const limit = pageLimit(q.limit);
      const c = decodeCursor(q.cursor);
      const rows = await findGoodsReceipts(deps.db, callerHubId(request), {
        limit: limit + 1,
        before: c ? { date: c[0], id: c[1] } : undefined,
      });
      return pageOf(rows, limit, (r) => [r.receiptDate, r.id]);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/delivery-suggestion',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'suggestDeliveryQuantities',
        tags: ['documents'],
        summary:
          "Suggested quantities for the cooperative's next delivery: 28 days of sales scaled to 14 days of cover, less its stock and goods in transit",
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({ items: Type.Array(DeliverySuggestion) }),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', HUB_ROLES);
      return { items: await suggestDeliveryQuantities(deps.db, id, todayWib(deps.clock)) };
    },
  );

  app.get(
    '/api/v1/delivery-orders/:id/dispatch-check',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'checkDispatch',
        tags: ['documents'],
        summary:
          'What dispatching a draft would meet today (exposure against the limit, shipping hold, warehouse stock), by the rule the dispatch enforces',
        params: Type.Object({ id: Id }),
        response: { 200: DispatchCheck, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadForCaller(request, id, 'read', HUB_ROLES);
      return checkDispatch(deps.db, deps.clock, id);
    },
  );

  app.get(
    '/api/v1/delivery-orders/:id/surat-jalan.pdf',
    {
      config: { roles: [...HUB_ROLES, ...COOP_ROLES] },
      schema: {
        operationId: 'getDeliveryNotePdf',
        tags: ['documents'],
        summary:
          'The surat jalan (delivery note) of a dispatched or received order as PDF: lines, total quantity, signature boxes',
        params: Type.Object({ id: Id }),
        response: {
          200: {
            description: 'The delivery note, application/pdf',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const order = await loadForCaller(request, id, 'read', [...HUB_ROLES, ...COOP_ROLES]);
      if (order.status !== 'dispatched' && order.status !== 'received')
        throw new DomainError('InvalidState', {
          message: 'Surat jalan dicetak setelah barang dikirim',
          messageEn: 'The delivery note is printed once the goods are dispatched',
        });
      const [lines, coop, hub] = await Promise.all([
        findDeliveryOrderLines(deps.db, order.orgId, id),
        findOrganizationById(deps.db, order.orgId),
        findOrganizationById(deps.db, order.hubId),
      ]);
      const products = new Map(
        (
          await findProductsByIds(
            deps.db,
            lines.map((l) => l.productId),
          )
        ).map((p) => [p.id, p]),
      );
      const pdf = await renderDeliveryNote({
        number: id,
        hubName: hub?.name ?? '',
        cooperativeName: coop?.name ?? '',
        villageName: coop?.villageName ?? null,
        districtName: coop?.districtName ?? null,
        orderDate: order.orderDate,
        dispatchedOn: order.dispatchedOn ?? order.orderDate,
        receivedOn: order.receivedOn,
        overrideReason: order.overrideReason,
        lines: lines.map((l) => ({
          sku: products.get(l.productId)?.sku ?? '',
          name: products.get(l.productId)?.name ?? l.productId,
          unit: products.get(l.productId)?.unit ?? '',
          qty: l.qty,
          qtyReceived: l.qtyReceived,
        })),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="surat-jalan-${id}.pdf"`)
        .send(pdf);
    },
  );
}
