import fp from 'fastify-plugin';
import { DomainError } from '../../core/shared/errors.ts';

/**
 * Graceful close (SIGTERM): once `app.close()` has begun, the server takes no new connection and
 * the requests in flight finish. Their answers carry `Connection: close`, so that keep-alive clients
 * let go at once instead of holding the close until their idle timeout; a request that still comes
 * in on an open connection is refused as 503 problem+json before anything runs (the app sets
 * Fastify's `return503OnClosing` off, whose answer is not problem+json).
 */
export const closingPlugin = fp(
  async (app) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async () => {
      if (closing)
        throw new DomainError('ServiceUnavailable', {
          message: 'Server sedang berhenti; kirim lagi sebentar lagi',
          messageEn: 'The server is shutting down; send again shortly',
        });
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
  },
  { name: 'lumbung-closing' },
);
