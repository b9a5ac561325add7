import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  closeSettlementPeriod,
  daysPastDue,
  getNetworkPositions,
} from '../../core/settlement/index.ts';
import {
  findGrantsOfRun,
  findRunsOfHub,
  findSubsidyRun,
  markSubsidyPaid,
  runMonthlySubsidy,
} from '../../core/subsidy/index.ts';
import { findCooperatives } from '../../core/network/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { todayWib } from '../../core/shared/clock.ts';
import { COOP_ROLES, HUB_ROLES, authorizeCooperative, callerHubId } from '../access.ts';
import { BusinessDate, Id, List, Month, Rupiah, Text, problems } from '../schemas.ts';
import { commandContext, inTransaction } from './tx.ts';
import {
  Aging,
  ClosedStatement,
  CooperativeAging,
  NetworkStatement,
  SubsidyGrant,
} from '../models.ts';
import { renderStatementPdf } from '../pdf/statement-pdf.ts';
import { getCreditPosition } from '../../core/settlement/index.ts';

const SubsidyItem = Type.Object({
  cooperativeId: Type.String(),
  amount: Rupiah,
  eligible: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  status: Type.String(),
  activeDays: Type.Integer(),
  daysInMonth: Type.Integer(),
});

export function registerSettlementRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.post(
    '/api/v1/settlements/close',
    {
      config: { roles: ['hub_admin'] },
      schema: {
        operationId: 'closeSettlementPeriod',
        tags: ['settlement'],
        summary:
          'Issue the statements of the period ending periodEnd (idempotent per cooperative and period)',
        body: Type.Object(
          { periodEnd: BusinessDate, cooperativeId: Type.Optional(Id) },
          { additionalProperties: false, examples: [{ periodEnd: '2026-02-28' }] },
        ),
        response: {
          200: Type.Object({
            statements: Type.Array(ClosedStatement),
          }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const hubId = callerHubId(request, ['hub_admin']);
      const body = request.body as { periodEnd: string; cooperativeId?: string };
      request.auditOrgId = hubId;
      if (body.cooperativeId)
        await authorizeCooperative(deps.db, request, body.cooperativeId, 'write', ['hub_admin']);
      const statements = await inTransaction(app, (db) =>
        closeSettlementPeriod(db, commandContext(app, request), hubId, body),
      );
      request.auditTarget = { type: 'settlement_period', id: body.periodEnd };
      const today = todayWib(deps.clock);
      const out = [];
      for (const s of statements) {
        const pos = await getCreditPosition(deps.db, s.orgId, today, 0);
        out.push({
          ...s,
          cooperativeId: s.orgId,
          outstanding: pos.statements.find((x) => x.id === s.id)?.outstanding ?? 0,
        });
      }
      return { statements: out };
    },
  );

  app.post(
    '/api/v1/subsidies/runs',
    {
      config: { roles: ['hub_admin'] },
      schema: {
        operationId: 'runMonthlySubsidy',
        tags: ['subsidy'],
        summary: 'The monthly operational subsidy run (idempotent per month)',
        body: Type.Object(
          { month: Month, date: Type.Optional(BusinessDate) },
          { additionalProperties: false, examples: [{ month: '2026-02' }] },
        ),
        response: {
          200: Type.Object({
            runId: Type.String(),
            month: Type.String(),
            items: Type.Array(SubsidyItem),
          }),
          201: Type.Object({
            runId: Type.String(),
            month: Type.String(),
            items: Type.Array(SubsidyItem),
          }),
          ...problems(404, 422),
        },
      },
    },
    async (request, reply) => {
      const hubId = callerHubId(request, ['hub_admin']);
      request.auditOrgId = hubId;
      const r = await inTransaction(app, (db) =>
        runMonthlySubsidy(db, commandContext(app, request), hubId, request.body as never),
      );
      request.auditTarget = { type: 'subsidy_run', id: r.runId };
      return reply
        .code(r.created ? 201 : 200)
        .send({ runId: r.runId, month: r.month, items: r.items });
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/subsidies/:month/paid',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'markSubsidyPaid',
        tags: ['subsidy'],
        summary: 'Record the transfer of an accrued subsidy',
        params: Type.Object({ id: Id, month: Month }),
        body: Type.Object(
          { reference: Text(200), paidOn: Type.Optional(BusinessDate) },
          { additionalProperties: false },
        ),
        response: { 200: SubsidyItem, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id, month } = request.params as { id: string; month: string };
      await authorizeCooperative(deps.db, request, id, 'write', HUB_ROLES);
      request.auditTarget = { type: 'subsidy_grant', id: `${id}/${month}` };
      return inTransaction(app, (db) =>
        markSubsidyPaid(db, commandContext(app, request), id, {
          month,
          ...(request.body as { reference: string; paidOn?: string }),
        }),
      );
    },
  );

  app.get(
    '/api/v1/subsidies/runs',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'listSubsidyRuns',
        tags: ['subsidy'],
        summary: "The hub's monthly subsidy runs, newest first",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                month: Type.String(),
                runDate: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (request) => ({ items: await findRunsOfHub(deps.db, callerHubId(request)) }),
  );

  app.get(
    '/api/v1/subsidies/runs/:month',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'getSubsidyRun',
        tags: ['subsidy'],
        summary:
          'One month’s run: every cooperative, eligible or not with the reason, paid out or netted',
        params: Type.Object({ month: Month }),
        response: {
          200: Type.Object({
            runId: Type.String(),
            month: Type.String(),
            items: Type.Array(
              Type.Object({ ...SubsidyGrant.properties, cooperativeName: Type.String() }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const hubId = callerHubId(request);
      const { month } = request.params as { month: string };
      const run = await findSubsidyRun(deps.db, hubId, month);
      if (!run)
        throw new DomainError('NotFound', {
          message: `Belum ada proses subsidi untuk ${month}`,
          messageEn: `No subsidy run for ${month}`,
        });
      const grants = await findGrantsOfRun(deps.db, hubId, run.id);
      const names = new Map(
        (await findCooperatives(deps.db, { hubIds: [hubId], limit: 1_000_000 })).map((c) => [
          c.id,
          c.name,
        ]),
      );
      return {
        runId: run.id,
        month,
        items: grants.map((g) => ({
          ...g,
          cooperativeId: g.orgId,
          cooperativeName: names.get(g.orgId) ?? g.orgId,
          eligible: g.eligible === 1,
        })),
      };
    },
  );

  app.get(
    '/api/v1/settlements/aging',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'getNetworkAging',
        tags: ['settlement'],
        summary:
          "Every participating cooperative's balance by days past due (as getCooperativeBalance computes it), with network totals",
        response: {
          200: Type.Object({
            asOf: Type.String(),
            items: Type.Array(CooperativeAging),
            totals: Type.Object({
              balanceDue: Type.Integer(),
              overdueAmount: Rupiah,
              aging: Aging,
            }),
          }),
          ...problems(),
        },
      },
    },
    async (request) => {
      const hubId = callerHubId(request);
      const asOf = todayWib(deps.clock);
      const positions = await getNetworkPositions(deps.db, hubId, asOf);
      const totals = {
        balanceDue: 0,
        overdueAmount: 0,
        aging: { current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 },
      };
      for (const p of positions) {
        totals.balanceDue += p.balanceDue;
        totals.overdueAmount += p.overdueAmount;
        for (const k of Object.keys(totals.aging) as (keyof typeof totals.aging)[])
          totals.aging[k] += p.aging[k];
      }
      return {
        asOf,
        items: positions.map(({ statements: _s, ...p }) => p),
        totals,
      };
    },
  );

  app.get(
    '/api/v1/settlements/statements',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'listNetworkStatements',
        tags: ['settlement'],
        summary:
          "The statements of the hub's cooperatives, newest period first, with what is still outstanding and days past due",
        querystring: Type.Object(
          {
            periodEnd: Type.Optional(BusinessDate),
            cooperativeId: Type.Optional(Id),
            status: Type.Optional(
              Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('paid')], {
                description: 'open: something outstanding; overdue: outstanding past due; paid',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: List(NetworkStatement), ...problems() },
      },
    },
    async (request) => {
      const hubId = callerHubId(request);
      const q = request.query as {
        periodEnd?: string;
        cooperativeId?: string;
        status?: 'open' | 'overdue' | 'paid';
      };
      const asOf = todayWib(deps.clock);
      const items = (await getNetworkPositions(deps.db, hubId, asOf))
        .filter((p) => !q.cooperativeId || p.cooperativeId === q.cooperativeId)
        .flatMap((p) =>
          p.statements.map((s) => ({
            ...s,
            cooperativeId: p.cooperativeId,
            cooperativeName: p.cooperativeName,
            daysPastDue: daysPastDue(s, asOf),
          })),
        )
        .filter((s) => !q.periodEnd || s.periodEnd === q.periodEnd)
        .filter((s) =>
          q.status === 'open'
            ? s.outstanding > 0
            : q.status === 'overdue'
              ? s.daysPastDue > 0
              : q.status === 'paid'
                ? s.outstanding === 0
                : true,
        )
        .sort(
          (a, b) =>
            b.periodEnd.localeCompare(a.periodEnd) ||
            a.cooperativeName.localeCompare(b.cooperativeName),
        );
      return { items };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/statements/:statementId/pdf',
    {
      config: { roles: [...HUB_ROLES, ...COOP_ROLES] },
      schema: {
        operationId: 'getStatementPdf',
        tags: ['settlement'],
        summary:
          "A statement as PDF: the period's numbers and the documents behind them (sales per day and product, counts, payments, netted subsidy)",
        params: Type.Object({ id: Id, statementId: Id }),
        response: {
          200: {
            description: 'The statement (application/pdf)',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { id, statementId } = request.params as { id: string; statementId: string };
      await authorizeCooperative(deps.db, request, id, 'read', [...HUB_ROLES, ...COOP_ROLES]);
      const pdf = await renderStatementPdf(deps.db, deps.clock, id, statementId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tagihan-${pdf.periodEnd}.pdf"`)
        .send(pdf.bytes);
    },
  );
}
