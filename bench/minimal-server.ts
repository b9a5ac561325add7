/** The reference for http-sync: a minimal Fastify route that parses the same JSON body and answers. */
import Fastify from 'fastify';

const app = Fastify({ bodyLimit: 1_048_576 });
app.post('/sales', async (request) => {
  const body = request.body as { sales: { id: string }[] };
  return { results: body.sales.map((s) => ({ id: s.id, status: 'created' })) };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
