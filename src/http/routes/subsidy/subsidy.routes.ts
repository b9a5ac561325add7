import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  findRunsOfHub,
  getSubsidyRun,
  listCooperativeSubsidies,
  markSubsidyPaid,
  markSubsidyRunPaid,
  runMonthlySubsidy,
} from '../../../core/subsidy/index.ts';
import { markReversed } from '../../../core/corrections/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction, runForCooperative } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { CooperativeParams } from '../settlement/settlement.schemas.ts';
import {
  cooperativeSubsidiesExample,
  markSubsidyPaidExample,
  runPaidExample,
  runSubsidyExample,
  subsidyRunExample,
  subsidyRunsExample,
} from './subsidy.examples.ts';
import {
  GrantParams,
  MarkPaidBody,
  MonthParams,
  RunPaidResult,
  RunSubsidyBody,
  SubsidyGrantList,
  SubsidyItem,
  SubsidyRun,
  SubsidyRunList,
  SubsidyRunResult,
} from './subsidy.schemas.ts';

/** The monthly operational subsidy: the hub's runs, a transfer marked paid, a cooperative's decisions. */
export const subsidyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/subsidies/runs',
    {
      schema: {
        operationId: 'runMonthlySubsidy',
        tags: ['subsidy'],
        summary:
          'The monthly operational subsidy run (idempotent per cooperative and month: a later run grants only the participations with no grant for the month yet)',
        body: withExample(RunSubsidyBody, runSubsidyExample),
        response: { 200: SubsidyRunResult, 201: SubsidyRunResult, ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const r = await inTransaction(request, (db) =>
        runMonthlySubsidy(db, commandContext(request), hubId, request.body),
      );
      request.auditTarget = { type: 'subsidy_run', id: r.runId };
      return reply
        .code(r.created ? 201 : 200)
        .send({ runId: r.runId, month: r.month, items: r.items, newGrants: r.newGrants });
    },
  );

  app.get(
    '/api/v1/subsidies/runs',
    {
      schema: {
        operationId: 'listSubsidyRuns',
        tags: ['subsidy'],
        summary: "The hub's monthly subsidy runs, newest first",
        response: { 200: withExample(SubsidyRunList, subsidyRunsExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return { items: await findRunsOfHub(deps.db, hubId) };
    },
  );

  app.get(
    '/api/v1/subsidies/runs/:month',
    {
      schema: {
        operationId: 'getSubsidyRun',
        tags: ['subsidy'],
        summary:
          'One month’s run: every cooperative, eligible or not with the reason, paid out or netted',
        params: MonthParams,
        response: { 200: withExample(SubsidyRun, subsidyRunExample), ...problems(404) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getSubsidyRun(deps.db, hubId, request.params.month);
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/subsidies/:month/paid',
    {
      schema: {
        operationId: 'markSubsidyPaid',
        tags: ['subsidy'],
        summary: 'Record the transfer of an accrued subsidy',
        params: GrantParams,
        body: withExample(MarkPaidBody, markSubsidyPaidExample),
        response: { 200: SubsidyItem, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { id, month } = request.params;
      request.auditTarget = { type: 'subsidy_grant', id: `${id}/${month}` };
      return runForCooperative(request, id, (db, ctx) =>
        markSubsidyPaid(db, ctx, id, { month, ...request.body }),
      );
    },
  );

  app.post(
    '/api/v1/subsidies/runs/:month/paid',
    {
      schema: {
        operationId: 'markSubsidyRunPaid',
        tags: ['subsidy'],
        summary:
          "One transfer batch: every subsidy of the month's run still waiting to be paid out marked paid with the batch's reference and date (as markSubsidyPaid does each); again → nothing new",
        params: MonthParams,
        body: withExample(MarkPaidBody, markSubsidyPaidExample),
        response: { 200: withExample(RunPaidResult, runPaidExample), ...problems(404, 409) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { month } = request.params;
      request.auditTarget = { type: 'subsidy_run', id: month };
      return inTransaction(request, (db) =>
        markSubsidyRunPaid(db, commandContext(request), hubId, { month, ...request.body }),
      );
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/subsidies',
    {
      schema: {
        operationId: 'listCooperativeSubsidies',
        tags: ['subsidy'],
        params: CooperativeParams,
        response: {
          200: withExample(SubsidyGrantList, cooperativeSubsidiesExample),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const items = await listCooperativeSubsidies(deps.db, id);
      return { items: await markReversed(deps.db, 'subsidy_grant', items) };
    },
  );
};
