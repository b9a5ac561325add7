/** The reference for sembako-orders: a minimal Fastify route that parses the same order body and answers 201. */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const app = Fastify({ bodyLimit: 1_048_576 });
app.post('/orders', async (request, reply) => {
  const body = request.body as { id: string };
  return reply.code(201).send({
    id: body.id,
    pickupCode: randomUUID().slice(0, 10),
    pickupCooperativeId: 'x',
    amountToDeduct: 50_000,
  });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
