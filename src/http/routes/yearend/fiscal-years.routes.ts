import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  closeFiscalYear,
  distributeShu,
  getFiscalYear,
  listFiscalYears,
} from '../../../core/yearend/index.ts';
import { DomainError } from '../../../core/shared/errors.ts';
import { authorize } from '../../authorize.ts';
import { runForCooperative } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  distributeExample,
  distributionExample,
  fiscalYearExample,
  fiscalYearsExample,
} from './shu.examples.ts';
import {
  CloseBody,
  CooperativeParams,
  DistributeBody,
  emptyBodyAsObject,
  Distribution,
  FiscalYearParams,
  FiscalYears,
  FiscalYearView,
} from './shu.schemas.ts';

/**
 * A cooperative's fiscal years: the list, a closed year's SHU and members'
 * shares, the year-end close (which locks the year) and the distribution of
 * the members' SHU as the RAT decided. The manager closes and distributes.
 */
export const fiscalYearRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/cooperatives/:id/fiscal-years',
    {
      schema: {
        operationId: 'listFiscalYears',
        tags: ['yearend'],
        summary:
          'The years with entries in the cooperative’s books, latest first: open (SHU to date) or closed (SHU and when)',
        params: CooperativeParams,
        response: { 200: withExample(FiscalYears, fiscalYearsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      return { items: await listFiscalYears(deps.db, id) };
    },
  );

  app.get(
    '/api/v1/cooperatives/:id/fiscal-years/:year',
    {
      schema: {
        operationId: 'getFiscalYear',
        tags: ['yearend'],
        summary:
          'A closed year: its SHU, the split, the members’ SHU and the distribution; 404 while open',
        params: FiscalYearParams,
        response: { 200: withExample(FiscalYearView, fiscalYearExample), ...problems(404) },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      await authorize(request, { kind: 'cooperative', id });
      const view = await getFiscalYear(deps.db, id, Number(year));
      if (!view)
        throw new DomainError('NotFound', {
          message: `Tahun buku ${year} belum ditutup`,
          messageEn: `Fiscal year ${year} is not closed`,
        });
      return view;
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/fiscal-years/:year/close',
    {
      schema: {
        operationId: 'closeFiscalYear',
        tags: ['yearend'],
        summary:
          'Close an ended year (409 FiscalYearNotEnded): its SHU split by the year’s rules (422 ShuRulesMissing) and among the members, one closing entry dated 12-31; the year is locked afterwards; again → the same close (200); a later year closed → 409 InvalidState',
        params: FiscalYearParams,
        body: Type.Optional(withExample(CloseBody, {})),
        response: {
          200: FiscalYearView,
          201: withExample(FiscalYearView, fiscalYearExample),
          ...problems(404, 409, 422),
        },
      },
      preValidation: emptyBodyAsObject,
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const { view, created } = await runForCooperative(request, id, (db, ctx) =>
        closeFiscalYear(db, ctx, id, Number(year)),
      );
      request.auditTarget = { type: 'fiscal_year', id: year };
      return reply.code(created ? 201 : 200).send(view);
    },
  );

  app.post(
    '/api/v1/cooperatives/:id/fiscal-years/:year/distribution',
    {
      schema: {
        operationId: 'distributeShu',
        tags: ['yearend'],
        summary:
          'Pay out the members’ SHU of a closed year as the RAT decided: cash, bank, or credited to each member’s simpanan sukarela; dated after the year; once per year (409 AlreadyExists); the same id and body again → 200',
        params: FiscalYearParams,
        body: withExample(DistributeBody, distributeExample),
        response: {
          200: Distribution,
          201: withExample(Distribution, distributionExample),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const { view, created } = await runForCooperative(request, id, (db, ctx) =>
        distributeShu(db, ctx, id, Number(year), request.body),
      );
      request.auditTarget = { type: 'shu_distribution', id: view.id };
      return reply.code(created ? 201 : 200).send(view);
    },
  );
};
