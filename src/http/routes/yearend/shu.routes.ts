import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getShuRules, previewShu, setShuRules } from '../../../core/yearend/index.ts';
import { authorize } from '../../authorize.ts';
import { runForCooperative } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { shuResultExample, shuRulesBodyExample, shuRulesExample } from './shu.examples.ts';
import {
  emptyBodyAsObject,
  FiscalYearParams,
  PreviewShuBody,
  ShuResult,
  ShuRules,
  ShuRulesBody,
} from './shu.schemas.ts';

/**
 * A cooperative's SHU split (the AD/ART's percentages for a year) and the
 * simulation of a year's SHU under a split. The manager sets the split; the
 * cooperative's readers (its hub, the office of its region) read it.
 */
export const shuRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/shu-rules/:year',
    {
      schema: {
        operationId: 'getShuRules',
        tags: ['yearend'],
        summary: 'The year’s SHU split (percentages), or 404 when none is set',
        params: FiscalYearParams,
        response: { 200: withExample(ShuRules, shuRulesExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return getShuRules(deps.db, id, Number(year));
    },
  );

  app.put(
    '/api/v1/cooperatives/:id/shu-rules/:year',
    {
      schema: {
        operationId: 'setShuRules',
        tags: ['yearend'],
        summary:
          'Set the year’s SHU split: each key once, percentages with at most 2 decimals adding up to exactly 100, jasa usaha + jasa modal = jasa anggota (422 InvalidShuRules); a closed year keeps its split (409 FiscalYearClosed)',
        params: FiscalYearParams,
        body: withExample(ShuRulesBody, shuRulesBodyExample),
        response: { 200: ShuRules, ...problems(404, 409, 422) },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      const rules = await runForCooperative(request, id, (db, ctx) =>
        setShuRules(db, ctx, id, Number(year), request.body),
      );
      request.auditTarget = { type: 'shu_rule', id: year };
      return rules;
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/fiscal-years/:year/shu-preview',
    {
      schema: {
        operationId: 'previewShu',
        tags: ['yearend'],
        summary:
          'Simulate the year’s SHU split from the books as they are now, by the split given (or the year’s own; 422 ShuRulesMissing), nothing written; a year not yet ended gives an estimate to date (`estimate: true`)',
        params: FiscalYearParams,
        body: Type.Optional(withExample(PreviewShuBody, shuRulesBodyExample)),
        response: { 200: withExample(ShuResult, shuResultExample), ...problems(404, 422) },
      },
      preValidation: emptyBodyAsObject,
    },
    async (request) => {
      const { id, year } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const { allocation, jasaUsahaPercent, jasaModalPercent } = request.body ?? {};
      const rules = allocation
        ? {
            allocation,
            jasaUsahaPercent: jasaUsahaPercent ?? 0,
            jasaModalPercent: jasaModalPercent ?? 0,
          }
        : undefined;
      return previewShu(deps.db, id, Number(year), rules, deps.clock);
    },
  );
};
