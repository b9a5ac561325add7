import { createHash, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../src/core/access/index.ts';
import { createOrganization } from '../src/core/network/index.ts';
import {
  createProgram,
  createProgramPeriod,
  importParticipants,
  toCsv,
} from '../src/core/sembako/index.ts';
import { systemClock } from '../src/core/shared/clock.ts';
import { insertMany } from '../src/db/batch.ts';
import { demoRoster } from '../src/demo/seed-sembako.ts';
import { recordDemoAuthorization } from '../src/demo/surat-kuasa.ts';
import type { Engine } from '../src/db/database.ts';
import {
  emptyDatabase,
  freshDatabase,
  round,
  say,
  type BenchEntry,
  freePort,
  startProcess,
} from './lib.ts';
import { buildBenchNetwork } from './network.ts';

const CONNECTIONS = 50;
/** Participants, each placing one order (BENCH_SEMBAKO_PARTICIPANTS, for a toy run). */
const ORDERS = Number(process.env.BENCH_SEMBAKO_PARTICIPANTS ?? 17_000);

/**
 * Runs the load; `seconds` runs from the start to the last answer (autocannon's own duration
 * ends on its next one-second tick after the last request, which would round the rate down).
 */
function run(opts: autocannon.Options): Promise<autocannon.Result & { seconds: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let last = start;
    const instance = autocannon(opts, (err, res) =>
      err ? reject(err) : resolve({ ...res, seconds: (last - start) / 1000 }),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
}

/**
 * `sembako-orders`: 17,000 participants each place their order (placeOrder,
 * their own bearer token) over HTTP from 50 concurrent connections against a
 * Lumbung server on `engine` in its own process; next to the raw reference
 * (bench/sembako-minimal-server.ts: a minimal Fastify route inserting the
 * order's row with the driver alone, same engine, a database of its own).
 */
export async function benchSembakoOrders(engine: Engine): Promise<BenchEntry | undefined> {
  const h = await freshDatabase(engine, 'sembako-orders');
  const refUrl = await emptyDatabase(engine, 'sembako_ref');
  if (!h || !refUrl) return undefined;
  const net = await buildBenchNetwork(h.db, {
    coops: 50,
    products: 2,
    stock: 1_000,
    startDate: '2026-01-01',
    label: 'sembako-orders',
  });
  const now = systemClock.now();
  const ctx = { clock: systemClock, actor: { userId: 'bench', role: 'program_admin' } };
  const pemkot = await createOrganization(
    h.db,
    { kind: 'government', name: 'Pemerintah Provinsi Jambi', regionCode: '15' },
    systemClock,
  );
  const program = await createProgram(h.db, ctx, {
    name: 'Sembako Bahagia',
    sponsorOrgId: pemkot.id,
    hubId: net.hub.id,
  });
  const month = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
  const period = await createProgramPeriod(h.db, ctx, program.id, {
    month,
    orderOpensAt: new Date(now.getTime() - 3600_000).toISOString(),
    orderClosesAt: new Date(now.getTime() + 86_400_000).toISOString(),
    packages: [
      {
        name: 'Paket Gula',
        items: [{ productId: net.products[0]!.id, qty: 2 }],
        price: 35_000,
        sponsorSubsidy: 10_000,
      },
    ],
  });
  const packageId = period.packages[0]!.id;
  const roster = demoRoster(
    ORDERS,
    net.coops.map((c) => c.villageCode!),
    1700,
  );
  await h.db.transaction().execute(async (trx) => {
    await importParticipants(
      trx,
      ctx,
      program.id,
      toCsv(
        ['nip', 'nama', 'opd', 'telepon', 'kode_kelurahan'],
        roster.map((r) => [r.nip, r.name, r.opd, r.phone, r.village]),
      ),
    );
    // Orders need the participant's surat kuasa on file: one recorded each, through the command.
    const signedOn = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    for (const r of roster)
      await recordDemoAuthorization(trx, ctx, program, r, `800/${r.nip}/SK-PG`, signedOn);
  });
  // One account and session token per participant, written directly (argon2 17,000 times would take minutes).
  const passwordHash = await hashPassword('bench-password');
  const tokens = roster.map(() => randomBytes(32).toString('base64url'));
  const userIds = roster.map(() => uuidv7());
  const iso = now.toISOString();
  const expires = new Date(now.getTime() + 86_400_000).toISOString();
  await h.db.transaction().execute(async (trx) => {
    await insertMany(
      trx,
      'appUser',
      roster.map((r, i) => ({
        id: userIds[i]!,
        email: `${r.nip}@asn.invalid`,
        name: r.name,
        passwordHash,
        locale: 'id',
        disabled: 0,
        createdAt: iso,
      })),
    );
    await insertMany(
      trx,
      'authToken',
      tokens.map((t, i) => ({
        id: uuidv7(),
        tokenHash: createHash('sha256').update(t).digest('base64url'),
        userId: userIds[i]!,
        kind: 'session' as const,
        label: null,
        createdAt: iso,
        expiresAt: expires,
        revokedAt: null,
      })),
    );
    for (const [i, r] of roster.entries())
      await trx
        .updateTable('sembakoParticipant')
        .set({ userId: userIds[i]!, activatedAt: iso })
        .where('orgId', '=', program.orgId)
        .where('programId', '=', program.id)
        .where('nip', '=', r.nip)
        .execute();
  });
  const url = h.url;
  await h.close();

  const port = await freePort();
  const server = await startProcess(
    ['bin/lumbung.js', 'serve'],
    { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, LUMBUNG_LOG: 'warn' },
    /localhost:\d+/,
  );
  let next = 0;
  let bad = 0;
  let result: Awaited<ReturnType<typeof run>>;
  try {
    say(`  sembako-orders: ${ORDERS} placeOrder calls, ${CONNECTIONS} connections`);
    result = await run({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      amount: ORDERS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = next++ % ORDERS;
            return {
              ...req,
              path: `/api/v1/programs/${program.id}/orders`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
              body: JSON.stringify({ id: uuidv7(), nip: roster[i]!.nip, month, packageId, qty: 1 }),
            };
          },
          onResponse: (status, body) => {
            if (status !== 201 && bad++ === 0)
              say(`  sembako-orders: first refusal ${status}: ${String(body).slice(0, 300)}`);
          },
        },
      ],
    });
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
  }
  const refPort = await freePort();
  const ref = await startProcess(
    ['--import', 'tsx', 'bench/sembako-minimal-server.ts'],
    { PORT: String(refPort), REF_DATABASE_URL: refUrl },
    /ready/,
  );
  let refResult: Awaited<ReturnType<typeof run>>;
  try {
    let j = 0;
    refResult = await run({
      url: `http://127.0.0.1:${refPort}`,
      connections: CONNECTIONS,
      amount: ORDERS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/programs/${program.id}/orders`,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[j % ORDERS]}`,
            },
            body: JSON.stringify({
              id: uuidv7(),
              nip: roster[j++ % ORDERS]!.nip,
              month,
              packageId,
              qty: 1,
            }),
          }),
        },
      ],
    });
  } finally {
    const gone = new Promise((r) => ref.once('exit', r));
    ref.kill();
    await gone;
  }
  const ok = result['2xx'];
  const perS = round(ok / result.seconds, 0);
  const refPerS = round(refResult['2xx'] / refResult.seconds, 0);
  say(
    `  sembako-orders/${engine}: ${ok} orders ok, ${result.non2xx} non-2xx, ${result.errors} errors in ${round(result.seconds, 2)} s, ${perS} orders/s; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; reference ${refResult['2xx']} ok, ${refResult.non2xx} non-2xx, ${refPerS} orders/s, p99 ${refResult.latency.p99} ms`,
  );
  return {
    name: 'sembako-orders',
    engine,
    value: perS,
    unit: 'orders/s',
    p99Ms: result.latency.p99,
    reference: refPerS,
    referenceName: `minimal Fastify + ${engine === 'postgres' ? 'pg' : 'better-sqlite3'} insert of the order row, same body and load`,
    referenceUnit: 'orders/s',
    referenceP99Ms: refResult.latency.p99,
    ratio: round(perS / refPerS, 3),
    target: '≥ 1,000 orders/s and p99 < 250 ms',
    note: `${ORDERS} placeOrder calls by ${ORDERS} participants (own tokens), ${CONNECTIONS} connections; ${result.non2xx} non-2xx, ${result.errors} errors; p50 ${result.latency.p50} ms. Reference: ${refResult['2xx']} orders, ${refResult.non2xx} non-2xx, p50 ${refResult.latency.p50} ms, p99 ${refResult.latency.p99} ms`,
  };
}
