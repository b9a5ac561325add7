import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withExample } from '../../schemas.ts';

// The fields stay optional in the schema as the published contract has them; the answer has all three.
const Health = Type.Object({
  status: Type.Optional(Type.String()),
  database: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
});

/** Liveness: the process answers; which engine and version it runs. */
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
};
