/**
 * The real server (`lumbung serve`) in its own process on a stocked bench network, for the checks
 * that must see a process live, die or stop: the crash test, the shutdown and database-restart tests.
 */
import type { ChildProcess } from 'node:child_process';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createUser, hashPassword, issueToken } from '../src/core/access/index.ts';
import { systemClock } from '../src/core/shared/clock.ts';
import type { Database } from '../src/db/database.ts';
import { freePort, startProcess } from './lib.ts';
import { buildBenchNetwork, type BenchNetwork } from './network.ts';

/** A bench network (see buildBenchNetwork) and a bearer token of a hub staff user who may sync every cooperative's sales. */
export async function buildServedNetwork(
  db: Kysely<Database>,
  opts: Parameters<typeof buildBenchNetwork>[1],
): Promise<{ net: BenchNetwork; token: string }> {
  const net = await buildBenchNetwork(db, opts);
  const user = await createUser(
    db,
    {
      email: `${opts.label}@hub.test`,
      name: opts.label,
      passwordHash: await hashPassword(`${opts.label}-password`),
      memberships: [{ orgId: net.hub.id, role: 'hub_staff' }],
    },
    net.ctx.clock,
  );
  return { net, token: (await issueToken(db, user.id, 'api', systemClock)).token };
}

export interface SaleInput {
  id: string;
  occurredAt: string;
  paymentMethod: 'cash';
  lines: { productId: string; qty: number; unitPrice: number }[];
}

/** The retail price buildBenchNetwork gives every product. */
const RETAIL_PRICE = 17_500;

/** `count` cash sales of one unit each at the retail price, a minute ago, over the network's products. */
export function saleBatch(net: BenchNetwork, count: number): SaleInput[] {
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const productId = net.products[i % net.products.length]!.id;
    return {
      id: uuidv7(),
      occurredAt,
      paymentMethod: 'cash',
      lines: [{ productId, qty: 1, unitPrice: RETAIL_PRICE }],
    };
  });
}

export interface ServedLumbung {
  url: string;
  /** The server process running now (a new one after `restart`). */
  process(): ChildProcess;
  /** Whether that process is still running. */
  alive(): boolean;
  /** SIGKILL (no goodbye); resolves when it is gone. */
  kill(): Promise<void>;
  /** SIGTERM; resolves with its exit code once it is gone. */
  stop(): Promise<number | null>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
}

function exited(c: ChildProcess): Promise<number | null> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve(c.exitCode);
  return new Promise((resolve) => c.once('exit', (code) => resolve(code)));
}

/** `lumbung serve` on `databaseUrl` and a free port of 127.0.0.1; resolves once it listens. */
export async function serveLumbung(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServedLumbung> {
  const port = await freePort();
  const start = () =>
    startProcess(
      ['bin/lumbung.js', 'serve'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        LUMBUNG_LOG: 'warn',
        ...env,
      },
      /localhost:\d+/,
    );
  let child = await start();
  return {
    url: `http://127.0.0.1:${port}`,
    process: () => child,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
    async restart() {
      child = await start();
    },
  };
}
