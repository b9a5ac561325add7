import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../../core/shared/errors.ts';
import { pingDatabase } from '../../../db/connection.ts';
import { problemResponse, withExample } from '../../schemas.ts';

// The fields stay optional in the schema as the published contract has them; the answer has all three.
const Health = Type.Object({
  status: Type.Optional(Type.String()),
  database: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
});

const Ready = Type.Object({ status: Type.Literal('ready') });

/** Liveness (the process answers) and readiness (its database answers too). */
export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'health',
        tags: ['system'],
        response: {
          200: withExample(Health, { status: 'ok', database: 'sqlite', version: '0.1.0' }),
        },
      },
    },
    async () => ({ status: 'ok', database: deps.engine, version: deps.version }),
  );

  app.get(
    '/api/ready',
    {
      schema: {
        operationId: 'ready',
        tags: ['system'],
        security: [],
        summary:
          'Readiness: 200 when the database answers a trivial query, 503 while it does not (a load balancer sends no traffic then)',
        response: {
          200: withExample(Ready, { status: 'ready' }),
          503: problemResponse(503),
        },
      },
    },
    async (request) => {
      try {
        await pingDatabase(deps.db);
      } catch (err) {
        request.log.warn({ err }, 'not ready: the database does not answer');
        throw new DomainError('ServiceUnavailable', {
          message: 'Basis data tidak menjawab; server belum siap melayani',
          messageEn: 'The database does not answer; the server is not ready',
        });
      }
      return { status: 'ready' as const };
    },
  );
};
