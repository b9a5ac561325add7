import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  createReturn,
  createStockCount,
  getCooperativeBalance,
  computeNetworkExposures,
  recordSales,
  sumSalesByCooperative,
  type Exposure,
  type SaleInput,
} from '../../core/consignment/index.ts';
import { findLocationsOfOrgs, findStockAtLocations } from '../../core/inventory/index.ts';
import {
  createCooperative,
  createParticipation,
  findCooperatives,
  findOfficers,
  findParticipation,
  getQrisMerchant,
  QRIS_CRITERIA,
  setQrisMerchant,
  type CreateParticipationInput,
  type QrisMerchantInput,
} from '../../core/network/index.ts';
import {
  findPaymentsOfCooperative,
  getCreditPosition,
  getNetworkPositions,
  recordPayment,
  type CooperativePosition,
  type PaymentInput,
} from '../../core/settlement/index.ts';
import { todayWib } from '../../core/shared/clock.ts';
import { findGrantsOfCooperative } from '../../core/subsidy/index.ts';
import { getCooperativeDashboard, MONTHLY_SALES_POTENTIAL } from '../../core/dashboard/index.ts';
import {
  ALL_ROLES,
  COOP_ROLES,
  HUB_ROLES,
  authOf,
  authorizeCooperative,
  callerHubId,
  viewerRegions,
} from '../access.ts';
import {
  BusinessDate,
  Id,
  Instant,
  List,
  Qty,
  Rupiah,
  SignedRupiah,
  Text,
  Uuid,
  problems,
} from '../schemas.ts';
import { inTransaction, runForCooperative } from './tx.ts';
import type { Role } from '../../core/access/index.ts';
import {
  CooperativeDetail,
  Participation,
  Payment,
  SaleWithLines,
  Statement,
  SubsidyGrant,
} from '../models.ts';
import { PageQuery, decodeCursor, encodeCursor, pageLimit, pageOf } from '../cursor.ts';
import { findSaleLines, findSales } from '../../core/consignment/index.ts';

const READERS = ALL_ROLES.filter((r) => r !== 'program_admin');
/** Who may record a cooperative's payments, returns and counts. */
const DOC_WRITERS: Role[] = ['hub_admin', 'hub_staff', 'coop_manager'];
const CoopId = Type.Object({ id: Id });

const CooperativeItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  districtName: Type.String(),
  status: Type.String(),
  exposure: SignedRupiah,
  exposureLimit: Rupiah,
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  onHold: Type.Boolean(),
  /** Retail sales this month (WIB), against the program's monthly potential. */
  monthSales: Rupiah,
  monthlyPotential: Rupiah,
});

const Balance = Type.Object({
  balanceDue: SignedRupiah,
  overdueAmount: Rupiah,
  exposure: SignedRupiah,
  exposureLimit: Rupiah,
  consignedStockValue: Rupiah,
  inTransitValue: Rupiah,
  onHold: Type.Boolean(),
  aging: Type.Object({
    current: Rupiah,
    d1to30: Rupiah,
    d31to60: Rupiah,
    d61to90: Rupiah,
    d90plus: Rupiah,
  }),
});

export function registerCooperativeRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'listCooperatives',
        tags: ['cooperatives'],
        summary:
          "Cooperatives the caller may see, with this month's sales against the potential, balance, overdue, exposure and hold",
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            districtCode: Type.Optional(Type.String({ maxLength: 20 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: List(CooperativeItem), ...problems() },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const query = request.query as {
        q?: string;
        districtCode?: string;
        limit?: string;
        cursor?: string;
      };
      const limit = Math.min(Math.max(Number(query.limit ?? 100), 1), 200);
      const hubIds = auth.memberships
        .filter((m) => m.orgKind === 'hub' && HUB_ROLES.includes(m.role as never))
        .map((m) => m.orgId);
      const ids = auth.memberships.filter((m) => m.orgKind === 'cooperative').map((m) => m.orgId);
      const regionCodes = await viewerRegions(deps.db, request);
      const rows = await findCooperatives(deps.db, {
        hubIds,
        ids,
        regionCodes,
        q: query.q,
        districtCode: query.districtCode,
        after: ((c) => (c ? { name: c[0], id: c[1] } : undefined))(decodeCursor(query.cursor)),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const today = todayWib(deps.clock);
      const monthSales = new Map(
        (
          await sumSalesByCooperative(
            deps.db,
            page.map((r) => r.id),
            `${today.slice(0, 8)}01`,
            today,
          )
        ).map((s) => [s.orgId, Number(s.salesAmount)]),
      );
      // Balances, overdue, holds and exposure of the whole page in a few bulk reads per hub,
      // by the same rules as one cooperative's balance.
      const hubsOfPage = [...new Set(page.flatMap((r) => (r.hubId ? [r.hubId] : [])))];
      const positions = new Map<string, CooperativePosition>();
      const exposures = new Map<string, Exposure>();
      for (const hubId of hubsOfPage) {
        const [ps, es] = await Promise.all([
          getNetworkPositions(deps.db, hubId, today),
          computeNetworkExposures(deps.db, hubId, today),
        ]);
        for (const p of ps) positions.set(p.cooperativeId, p);
        for (const [id, e] of es) exposures.set(id, e);
      }
      const items = page.map((r) => {
        const p = positions.get(r.id);
        const e = exposures.get(r.id);
        return {
          id: r.id,
          name: r.name,
          villageCode: r.villageCode ?? '',
          villageName: r.villageName ?? '',
          districtName: r.districtName ?? '',
          status: !r.hubId ? 'not_participating' : p?.onHold ? 'on_hold' : r.status,
          exposure: e?.exposure ?? 0,
          exposureLimit: e?.exposureLimit ?? 0,
          balanceDue: p?.balanceDue ?? 0,
          overdueAmount: p?.overdueAmount ?? 0,
          onHold: p?.onHold ?? false,
          monthSales: monthSales.get(r.id) ?? 0,
          monthlyPotential: MONTHLY_SALES_POTENTIAL,
        };
      });
      const last = page[page.length - 1];
      return {
        items,
        ...(rows.length > limit && last ? { nextCursor: encodeCursor([last.name, last.id]) } : {}),
      };
    },
  );

  app.post(
    '/api/v1/cooperatives',
    {
      config: { roles: ['hub_admin'] },
      schema: {
        operationId: 'createCooperative',
        tags: ['cooperatives'],
        summary: 'Register a KDKMP for an official village code (one per village)',
        body: Type.Object(
          {
            name: Text(200),
            villageCode: Type.String({
              pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$',
              examples: ['15.71.01.1001'],
            }),
            legalNumber: Type.Optional(Type.String({ maxLength: 100 })),
            nikKoperasi: Type.Optional(Type.String({ maxLength: 50 })),
            npwp: Type.Optional(Type.String({ maxLength: 30 })),
            bankName: Type.Optional(Type.String({ maxLength: 100 })),
            bankAccountNo: Type.Optional(Type.String({ maxLength: 50 })),
            bankAccountName: Type.Optional(Type.String({ maxLength: 200 })),
            officers: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    role: Type.Union(
                      ['ketua', 'sekretaris', 'bendahara', 'pengawas'].map((r) => Type.Literal(r)),
                    ),
                    name: Text(200),
                    phone: Type.Optional(Type.String({ maxLength: 30 })),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 20 },
              ),
            ),
          },
          {
            additionalProperties: false,
            examples: [{ name: 'KDKMP Simpang IV Sipin', villageCode: '15.71.01.1001' }],
          },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            villageCode: Type.String(),
            villageName: Type.String(),
            districtName: Type.String(),
          }),
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      callerHubId(request, ['hub_admin']);
      const coop = await inTransaction(app, (db) =>
        createCooperative(db, request.body as never, deps.clock),
      );
      request.auditOrgId = coop.id;
      request.auditTarget = { type: 'cooperative', id: coop.id };
      return reply.code(201).send({
        id: coop.id,
        name: coop.name,
        villageCode: coop.villageCode!,
        villageName: coop.villageName!,
        districtName: coop.districtName!,
      });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'getCooperative',
        tags: ['cooperatives'],
        params: CoopId,
        response: { 200: CooperativeDetail, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const coop = await authorizeCooperative(deps.db, request, id, 'read', READERS);
      const [participation, officers] = await Promise.all([
        findParticipation(deps.db, id),
        findOfficers(deps.db, id),
      ]);
      return { ...coop, participation: participation ?? null, officers };
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/participation',
    {
      config: { roles: ['hub_admin'] },
      schema: {
        operationId: 'createParticipation',
        tags: ['cooperatives'],
        summary: "Join the cooperative to the caller hub's Koperasi Manis program",
        params: CoopId,
        body: Type.Object(
          {
            agreementNo: Text(100),
            startDate: BusinessDate,
            endDate: Type.Optional(BusinessDate),
            exposureLimit: Rupiah,
            monthlySubsidy: Type.Optional(Rupiah),
            settlementPeriod: Type.Optional(
              Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]),
            ),
            paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
            subsidyMode: Type.Optional(Type.Union([Type.Literal('payout'), Type.Literal('net')])),
          },
          {
            additionalProperties: false,
            examples: [
              {
                agreementNo: 'PKS/KANA-JBI/001/2026',
                startDate: '2026-01-01',
                exposureLimit: 50_000_000,
              },
            ],
          },
        ),
        response: { 201: Participation, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const hubId = callerHubId(request, ['hub_admin']);
      const { id } = request.params as { id: string };
      request.auditOrgId = id;
      const p = await inTransaction(app, (db) =>
        createParticipation(
          db,
          id,
          { ...(request.body as Omit<CreateParticipationInput, 'hubId'>), hubId },
          deps.clock,
        ),
      );
      request.auditTarget = { type: 'participation', id: p.id };
      return reply.code(201).send(p);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/stock',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'getCooperativeStock',
        tags: ['stock'],
        params: CoopId,
        response: {
          200: List(
            Type.Object({
              productId: Type.String(),
              ownerOrgId: Type.String(),
              qty: Type.Integer(),
              inTransit: Type.Integer(),
            }),
          ),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      const locs = (await findLocationsOfOrgs(deps.db, [id])).filter(
        (l) => l.kind === 'store' || l.kind === 'transit',
      );
      const rows = await findStockAtLocations(deps.db, locs);
      const store = locs.find((l) => l.kind === 'store')!;
      const byKey = new Map<
        string,
        { productId: string; ownerOrgId: string; qty: number; inTransit: number }
      >();
      for (const r of rows) {
        const k = `${r.productId}|${r.ownerOrgId}`;
        const item = byKey.get(k) ?? {
          productId: r.productId,
          ownerOrgId: r.ownerOrgId,
          qty: 0,
          inTransit: 0,
        };
        if (r.locationId === store.id) item.qty += r.qty;
        else item.inTransit += r.qty;
        byKey.set(k, item);
      }
      return { items: [...byKey.values()].filter((i) => i.qty !== 0 || i.inTransit !== 0) };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/balance',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'getCooperativeBalance',
        tags: ['settlement'],
        params: CoopId,
        response: { 200: Balance, ...problems(404, 422) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      return getCooperativeBalance(deps.db, deps.clock, id);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/dashboard',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'getCooperativeDashboard',
        tags: ['cooperatives'],
        summary:
          "A cooperative at a glance in one request: today's and this month's sales against the Rp 200 juta potential, balance and aging, the next amount due, the latest subsidy decision, stock with days of cover (last 28 days' sales), the latest 12 statements",
        params: CoopId,
        response: {
          200: Type.Object({
            today: BusinessDate,
            cooperative: Type.Object({
              id: Type.String(),
              name: Type.String(),
              villageName: Type.Union([Type.String(), Type.Null()]),
              districtName: Type.Union([Type.String(), Type.Null()]),
            }),
            sales: Type.Object({
              today: Rupiah,
              todayCount: Type.Integer(),
              month: Rupiah,
              monthCount: Type.Integer(),
              monthlyPotential: Rupiah,
            }),
            balance: Balance,
            nextDue: Type.Union([
              Type.Object({
                statementId: Type.String(),
                amount: Rupiah,
                dueDate: BusinessDate,
                periodEnd: BusinessDate,
              }),
              Type.Null(),
            ]),
            subsidy: Type.Union([
              Type.Object({
                month: Type.String(),
                amount: Rupiah,
                eligible: Type.Boolean(),
                reason: Type.Union([Type.String(), Type.Null()]),
                mode: Type.String(),
                status: Type.String(),
              }),
              Type.Null(),
            ]),
            stock: Type.Array(
              Type.Object({
                productId: Type.String(),
                sku: Type.String(),
                name: Type.String(),
                unit: Type.String(),
                qty: Type.Integer(),
                inTransit: Type.Integer(),
                sold28Days: Type.Integer(),
                daysOfCover: Type.Union([Type.Integer(), Type.Null()]),
              }),
            ),
            statements: Type.Array(Statement),
          }),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      return getCooperativeDashboard(deps.db, deps.clock, id);
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/statements',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'listStatements',
        tags: ['settlement'],
        params: CoopId,
        response: { 200: List(Statement), ...problems(404, 422) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      const p = await findParticipation(deps.db, id);
      const position = await getCreditPosition(
        deps.db,
        id,
        todayWib(deps.clock),
        p?.graceDays ?? 0,
      );
      return { items: [...position.statements].reverse() };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/payments',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'listPayments',
        tags: ['settlement'],
        params: CoopId,
        response: {
          200: List(
            Type.Object({
              id: Type.String(),
              amount: Rupiah,
              receivedOn: Type.String(),
              method: Type.String(),
              reference: Type.String(),
              statementId: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      return { items: (await findPaymentsOfCooperative(deps.db, id)).reverse() };
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/payments',
    {
      config: { roles: DOC_WRITERS },
      schema: {
        operationId: 'recordPayment',
        tags: ['settlement'],
        summary:
          'A payment from the cooperative to the hub; allocated to the oldest open statement first',
        params: CoopId,
        body: Type.Object(
          {
            id: Uuid,
            amount: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
            receivedOn: Type.Optional(BusinessDate),
            method: Type.Union([
              Type.Literal('cash'),
              Type.Literal('transfer'),
              Type.Literal('qris'),
            ]),
            reference: Type.String({ maxLength: 200 }),
          },
          {
            additionalProperties: false,
            examples: [
              {
                id: '01936f6e-7c1a-7000-8000-000000000001',
                amount: 1_500_000,
                receivedOn: '2026-03-10',
                method: 'transfer',
                reference: 'TRF-0001',
              },
            ],
          },
        ),
        response: {
          200: Payment,
          201: Payment,
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const result = await runForCooperative(app, request, id, DOC_WRITERS, (db, ctx) =>
        recordPayment(db, ctx, id, request.body as PaymentInput),
      );
      request.auditTarget = { type: 'payment', id: result.id };
      const { contentHash: _h, created, ...payment } = result;
      return reply.code(created ? 201 : 200).send(payment);
    },
  );

  const SaleLine = Type.Object(
    { productId: Id, qty: Qty, unitPrice: Rupiah },
    { additionalProperties: false },
  );
  app.post(
    '/api/v1/cooperatives/:id/sales',
    {
      config: { roles: ['hub_admin', 'hub_staff', 'coop_manager', 'coop_cashier'] },
      schema: {
        operationId: 'recordSales',
        tags: ['sales'],
        summary:
          'Up to 500 sales a call, each accepted or rejected on its own; idempotent by sale id',
        params: CoopId,
        body: Type.Object(
          {
            sales: Type.Array(
              Type.Object(
                {
                  id: Uuid,
                  occurredAt: Instant,
                  lines: Type.Array(SaleLine, { minItems: 1, maxItems: 200 }),
                  paymentMethod: Type.Union(
                    ['cash', 'qris', 'transfer', 'payroll'].map((m) => Type.Literal(m)),
                  ),
                  memberId: Type.Optional(Type.String({ maxLength: 64 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                status: Type.String(),
                code: Type.Optional(Type.String()),
                message: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...problems(404, 422),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { sales } = request.body as { sales: SaleInput[] };
      const results = await runForCooperative(
        app,
        request,
        id,
        [...HUB_ROLES, ...COOP_ROLES],
        (db, ctx) => recordSales(db, ctx, id, sales),
      );
      request.auditTarget = {
        type: 'sales',
        id: `${results.filter((r) => r.status === 'created').length} created`,
      };
      return { results };
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/returns',
    {
      config: { roles: DOC_WRITERS },
      schema: {
        operationId: 'createReturn',
        tags: ['stock'],
        summary: 'Goods handed back to the hub',
        params: CoopId,
        body: Type.Object(
          {
            id: Uuid,
            lines: Type.Array(
              Type.Object({ productId: Id, qty: Qty }, { additionalProperties: false }),
              { minItems: 1, maxItems: 200 },
            ),
            reason: Text(500),
            warehouseId: Type.Optional(Id),
            date: Type.Optional(BusinessDate),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String() }),
          201: Type.Object({ id: Type.String() }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const r = await runForCooperative(app, request, id, DOC_WRITERS, (db, ctx) =>
        createReturn(db, ctx, id, request.body as never),
      );
      request.auditTarget = { type: 'return', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id });
    },
  );

  const CountLine = Type.Object({
    productId: Type.String(),
    expected: Type.Integer(),
    counted: Type.Integer(),
    variance: Type.Integer(),
    chargeAmount: Rupiah,
  });
  app.post(
    '/api/v1/cooperatives/:id/stock-counts',
    {
      config: { roles: DOC_WRITERS },
      schema: {
        operationId: 'createStockCount',
        tags: ['stock'],
        summary:
          'A stock count (stok opname): shortages charged at the consignment price, surplus free',
        params: CoopId,
        body: Type.Object(
          {
            id: Uuid,
            countedAt: Instant,
            lines: Type.Array(
              Type.Object(
                { productId: Id, qtyCounted: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), lines: Type.Array(CountLine) }),
          201: Type.Object({ id: Type.String(), lines: Type.Array(CountLine) }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const r = await runForCooperative(app, request, id, DOC_WRITERS, (db, ctx) =>
        createStockCount(db, ctx, id, request.body as never),
      );
      request.auditTarget = { type: 'stock_count', id: r.id };
      return reply.code(r.created ? 201 : 200).send({ id: r.id, lines: r.lines });
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/subsidies',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'listCooperativeSubsidies',
        tags: ['subsidy'],
        params: CoopId,
        response: { 200: List(SubsidyGrant), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      return {
        items: (await findGrantsOfCooperative(deps.db, id))
          .reverse()
          .map((g) => ({ ...g, eligible: g.eligible === 1 })),
      };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/sales',
    {
      config: { roles: READERS },
      schema: {
        operationId: 'listSales',
        tags: ['sales'],
        summary: "The cooperative's sales, newest first, with their lines",
        params: CoopId,
        querystring: Type.Object(
          {
            from: Type.Optional(BusinessDate),
            to: Type.Optional(BusinessDate),
            postingId: Type.Optional(
              Type.String({
                format: 'uuid',
                description:
                  'Only the sales of one posting: the `documentId` of a sales_batch journal entry',
              }),
            ),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: List(SaleWithLines), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', READERS);
      const q = request.query as {
        from?: string;
        to?: string;
        postingId?: string;
        limit?: string;
        cursor?: string;
      };
      const limit = pageLimit(q.limit);
      const c = decodeCursor(q.cursor);
      const rows = await findSales(deps.db, id, {
        from: q.from,
        to: q.to,
        postingId: q.postingId,
        limit: limit + 1,
        before: c ? { date: c[0], id: c[1] } : undefined,
      });
      const page = pageOf(rows, limit, (r) => [r.saleDate, r.id]);
      const lines = await findSaleLines(
        deps.db,
        id,
        page.items.map((s) => s.id),
      );
      return {
        ...page,
        items: page.items.map((s) => ({
          ...s,
          clockSkew: s.clockSkew === 1,
          lines: lines.filter((l) => l.saleId === s.id),
        })),
      };
    },
  );

  // --- QRIS merchant data: what the cashier's dynamic QRIS carries ---
  const QrisMerchantBody = Type.Object(
    {
      nmid: Type.String({
        pattern: '^[A-Za-z0-9]{1,25}$',
        maxLength: 40,
        description: 'National Merchant ID (NMID): letters and digits, stored upper-case',
        examples: ['ID1026157100001'],
      }),
      mcc: Type.String({
        pattern: '^\\d{4}$',
        description: 'Merchant category code (5411: grocery stores)',
        examples: ['5411'],
      }),
      name: Type.String({
        pattern: '^[\\x20-\\x7e]+$',
        minLength: 1,
        maxLength: 25,
        description: 'Merchant name: printable ASCII',
        examples: ['KDKMP Simpang IV Sipin'],
      }),
      city: Type.String({
        pattern: '^[\\x20-\\x7e]+$',
        minLength: 1,
        maxLength: 15,
        description: 'Printable ASCII',
        examples: ['KOTA JAMBI'],
      }),
      postalCode: Type.Optional(
        Type.Union([Type.String({ pattern: '^\\d{5}$', examples: ['36124'] }), Type.Null()]),
      ),
      criteria: Type.Union(
        QRIS_CRITERIA.map((c) => Type.Literal(c)),
        {
          description:
            'Merchant criteria: UMI micro, UKE small, UME medium, UBE large, URE regular',
        },
      ),
    },
    { additionalProperties: false },
  );
  const QrisMerchantResponse = Type.Object({
    cooperativeId: Type.String(),
    nmid: Type.String(),
    mcc: Type.String(),
    name: Type.String(),
    city: Type.String(),
    postalCode: Type.Union([Type.String(), Type.Null()]),
    criteria: Type.Union(QRIS_CRITERIA.map((c) => Type.Literal(c))),
    updatedAt: Instant,
  });
  const QRIS_READERS: Role[] = [...HUB_ROLES, ...COOP_ROLES];
  const QRIS_WRITERS: Role[] = ['hub_admin', 'coop_manager'];

  app.get(
    '/api/v1/cooperatives/:id/qris-merchant',
    {
      config: { roles: QRIS_READERS },
      schema: {
        operationId: 'getQrisMerchant',
        tags: ['sales'],
        summary:
          "The cooperative's QRIS merchant data, for the cashier's dynamic QRIS; 404 NotFound when none is set",
        params: CoopId,
        response: { 200: QrisMerchantResponse, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await authorizeCooperative(deps.db, request, id, 'read', QRIS_READERS);
      return getQrisMerchant(deps.db, id);
    },
  );

  app.put(
    '/api/v1/cooperatives/:id/qris-merchant',
    {
      config: { roles: QRIS_WRITERS },
      schema: {
        operationId: 'setQrisMerchant',
        tags: ['sales'],
        summary: "Sets or replaces the cooperative's QRIS merchant data",
        params: CoopId,
        body: QrisMerchantBody,
        response: { 200: QrisMerchantResponse, ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const merchant = await runForCooperative(app, request, id, QRIS_WRITERS, (db, ctx) =>
        setQrisMerchant(db, ctx, id, request.body as QrisMerchantInput),
      );
      request.auditTarget = { type: 'qris_merchant', id };
      return merchant;
    },
  );
}
