/**
 * The reference for sembako-orders: a minimal Fastify route that takes the same order body and
 * inserts the order's row into a plain table of sembako_order's shape (primary key only: no
 * participant, package, quota or token checks), with the driver alone (`pg` or better-sqlite3) in
 * its own database (REF_DATABASE_URL) on the engine of the measured server, and answers 201.
 */
import { createHash, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { openReferenceStore } from './reference-store.ts';

const DDL = [
  `create table sembako_order (
    org_id text not null, id text not null, program_id text not null, month text not null,
    nip text not null, package_id text not null, qty integer not null, unit_price bigint not null,
    unit_subsidy bigint not null, pickup_cooperative_id text not null, pickup_code text not null,
    status text not null, content_hash text not null, created_at text not null,
    cancelled_at text, picked_up_at text, pickup_date text, sale_id text,
    primary key (org_id, id))`,
];

interface Order {
  id: string;
  nip: string;
  month: string;
  packageId: string;
  qty: number;
}

const store = await openReferenceStore(process.env.REF_DATABASE_URL!, DDL);
const app = Fastify({ bodyLimit: 1_048_576 });
app.post<{ Params: { programId: string }; Body: Order }>(
  '/programs/:programId/orders',
  async (request, reply) => {
    const o = request.body;
    const pickupCode = randomUUID().slice(0, 10);
    await store.insert([
      {
        table: 'sembako_order',
        rows: [
          {
            org_id: 'program',
            id: o.id,
            program_id: request.params.programId,
            month: o.month,
            nip: o.nip,
            package_id: o.packageId,
            qty: o.qty,
            unit_price: 35_000,
            unit_subsidy: 10_000,
            pickup_cooperative_id: 'x',
            pickup_code: pickupCode,
            status: 'ordered',
            content_hash: createHash('sha256').update(JSON.stringify(o)).digest('base64url'),
            created_at: new Date().toISOString(),
            cancelled_at: null,
            picked_up_at: null,
            pickup_date: null,
            sale_id: null,
          },
        ],
      },
    ]);
    return reply.code(201).send({
      id: o.id,
      pickupCode,
      pickupCooperativeId: 'x',
      amountToDeduct: 25_000 * o.qty,
    });
  },
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
