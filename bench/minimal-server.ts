/**
 * The reference for http-sync: a minimal Fastify route that takes the same batch of sales and
 * inserts its sale and sale_line rows into plain tables of the same shape (primary keys only: no
 * foreign keys, checks, stock or books), one transaction per batch, with the driver alone (`pg`
 * multi-row INSERTs, or better-sqlite3 prepared statements) in its own database
 * (REF_DATABASE_URL) on the engine of the measured server.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { openReferenceStore, type RefRow } from './reference-store.ts';

const DDL = [
  `create table sale (
    org_id text not null, id text not null, hub_id text not null, sale_date text not null,
    occurred_at text not null, received_at text not null, clock_skew integer not null default 0,
    payment_method text not null, member_id text, total_amount bigint not null,
    consignment_amount bigint not null, content_hash text not null, statement_id text,
    posting_id text, recorded_by text, member_discrepancy text,
    primary key (org_id, id))`,
  `create table sale_line (
    org_id text not null, sale_date text not null, sale_id text not null, line_no integer not null,
    product_id text not null, qty bigint not null, unit_price bigint not null,
    consignment_price bigint not null, cost_value bigint not null,
    primary key (org_id, sale_date, sale_id, line_no))`,
];
const WIB_MS = 7 * 3_600_000;

interface Batch {
  sales: {
    id: string;
    occurredAt: string;
    paymentMethod: string;
    memberId?: string;
    lines: { productId: string; qty: number; unitPrice: number }[];
  }[];
}

const store = await openReferenceStore(process.env.REF_DATABASE_URL!, DDL);
const app = Fastify({ bodyLimit: 1_048_576 });
app.post<{ Params: { orgId: string }; Body: Batch }>(
  '/cooperatives/:orgId/sales',
  async (request) => {
    const { orgId } = request.params;
    const receivedAt = new Date().toISOString();
    const sales: RefRow[] = [];
    const lines: RefRow[] = [];
    for (const s of request.body.sales) {
      const saleDate = new Date(Date.parse(s.occurredAt) + WIB_MS).toISOString().slice(0, 10);
      let total = 0;
      let consignment = 0;
      s.lines.forEach((l, i) => {
        const consignmentPrice = Math.round(l.unitPrice * 0.9);
        total += l.qty * l.unitPrice;
        consignment += l.qty * consignmentPrice;
        lines.push({
          org_id: orgId,
          sale_date: saleDate,
          sale_id: s.id,
          line_no: i + 1,
          product_id: l.productId,
          qty: l.qty,
          unit_price: l.unitPrice,
          consignment_price: consignmentPrice,
          cost_value: l.qty * 15_000,
        });
      });
      sales.push({
        org_id: orgId,
        id: s.id,
        hub_id: 'hub',
        sale_date: saleDate,
        occurred_at: s.occurredAt,
        received_at: receivedAt,
        clock_skew: 0,
        payment_method: s.paymentMethod,
        member_id: s.memberId ?? null,
        total_amount: total,
        consignment_amount: consignment,
        content_hash: createHash('sha256').update(JSON.stringify(s)).digest('base64url'),
        statement_id: null,
        posting_id: null,
        recorded_by: null,
        member_discrepancy: null,
      });
    }
    await store.insert([
      { table: 'sale', rows: sales },
      { table: 'sale_line', rows: lines },
    ]);
    return { results: request.body.sales.map((s) => ({ id: s.id, status: 'created' })) };
  },
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
