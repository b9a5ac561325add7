import fp from 'fastify-plugin';
import { noteOperation, routingContext } from '../../db/partition-probe.ts';

/**
 * Tests only (`npm run test:routing`; registered when `LUMBUNG_ROUTING_REPORT` is set): runs each
 * request inside the routing context of its operationId, so that the database probe
 * (src/db/partition-probe.ts) knows which operation each SQL statement serves.
 */
export const routingProbePlugin = fp(
  async (app) => {
    app.addHook('onRequest', (request, _reply, done) => {
      const operationId = request.routeOptions.schema?.operationId;
      if (!operationId) return done();
      noteOperation(operationId);
      routingContext.run({ operationId }, done);
    });
  },
  { name: 'lumbung-routing-probe' },
);
