import fp from 'fastify-plugin';

/** The API's own answers (JSON, its files and every error), not the reference page under /api/docs. */
export function isApiAnswer(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return (path === '/api' || path.startsWith('/api/')) && !path.startsWith('/api/docs');
}

/**
 * `Cache-Control: no-store` on every answer of the API, errors included: they hold a cooperative's
 * books, participants' names and one-time codes, which no browser or proxy cache should keep. An
 * operation that sets its own Cache-Control keeps it; the web app's static files are not touched.
 */
export const noStorePlugin = fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (isApiAnswer(request.url) && !reply.hasHeader('cache-control'))
        reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'lumbung-no-store' },
);
