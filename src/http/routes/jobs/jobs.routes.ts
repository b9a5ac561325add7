import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { forHubs, listJobs, runJobNow } from '../../../core/jobs/index.ts';
import { authorize } from '../../authorize.ts';
import { commandContext } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import { jobsExample, runJobExample } from './jobs.examples.ts';
import { JobList, JobParams, JobRun } from './jobs.schemas.ts';

/**
 * The scheduled jobs (the month end): their last run and next one, and a run
 * by hand. Jobs belong to the installation and act on every hub; a hub admin
 * sees the failures of their own hub.
 */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/jobs',
    {
      schema: {
        operationId: 'listJobs',
        tags: ['jobs'],
        summary:
          'The scheduled jobs (closing the settlement periods, the monthly subsidy run): schedule in WIB, last run and its result, next run, whether one runs now',
        response: { 200: withExample(JobList, jobsExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return { items: await listJobs(deps.db, deps.clock, [hubId]) };
    },
  );

  app.post(
    '/api/v1/jobs/:name/run',
    {
      schema: {
        operationId: 'runJob',
        tags: ['jobs'],
        summary:
          'Run a job now, due or not (as the system actor, recorded with who asked); 409 while another runner holds its lease. The answer is the run, also when it failed',
        params: JobParams,
        response: { 200: withExample(JobRun, runJobExample), ...problems(404, 409) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const { name } = request.params;
      request.auditTarget = { type: 'job', id: name };
      const run = await runJobNow(
        deps.db,
        deps.clock,
        name,
        commandContext(request).actor?.userId,
        {
          log: request.log,
        },
      );
      return forHubs(run, [hubId]);
    },
  );
};
