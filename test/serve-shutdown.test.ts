import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchNetwork } from '../bench/network.ts';
import {
  buildServedNetwork,
  saleBatch,
  serveLumbung,
  type ServedLumbung,
} from '../bench/served.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * An HTTP/1.1 client on one socket, by hand: it must send a request's body in two parts and know
 * when the server has the request (its `100 Continue`), which fetch cannot.
 */
class RawClient {
  private buffer = '';
  private waiters: (() => void)[] = [];
  closed = false;
  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(url: string): Promise<RawClient> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const s = connect(Number(port), hostname, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  write(text: string) {
    this.socket.write(text);
  }

  end() {
    this.socket.destroy();
  }

  /** The next response (a `100 Continue` included), or undefined if the server closed the connection first. */
  async next(): Promise<RawResponse | undefined> {
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head >= 0) {
        const [statusLine, ...lines] = this.buffer.slice(0, head).split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [
            l.slice(0, l.indexOf(':')).toLowerCase(),
            l.slice(l.indexOf(':') + 1).trim(),
          ]),
        );
        const length = Number(headers['content-length'] ?? 0);
        if (Buffer.byteLength(this.buffer.slice(head + 4)) >= length) {
          const rest = Buffer.from(this.buffer.slice(head + 4));
          this.buffer = rest.subarray(length).toString();
          return {
            status: Number(statusLine!.split(' ')[1]),
            headers,
            body: rest.subarray(0, length).toString(),
          };
        }
      }
      if (this.closed) return undefined;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** Whether the server still takes new connections. */
function accepts(url: string): Promise<boolean> {
  return RawClient.open(url).then(
    (c) => {
      c.end();
      return true;
    },
    () => false,
  );
}

describe('lumbung serve on SIGTERM', () => {
  let dir: string;
  let databaseUrl: string;
  let server: ServedLumbung;
  let net: BenchNetwork;
  let token: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lumbung-shutdown-'));
    databaseUrl = `file:${join(dir, 'shutdown.sqlite')}`;
    const h = openDatabase(databaseUrl);
    await migrateToLatest(h.db);
    ({ net, token } = await buildServedNetwork(h.db, {
      coops: 1,
      products: 2,
      stock: 1_000,
      startDate: '2026-01-01',
      label: 'shutdown',
    }));
    await h.close();
    server = await serveLumbung(databaseUrl);
  });
  afterAll(async () => {
    if (server?.alive()) await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the request in flight (200, stored, audited), refuses new work, and exits 0', async () => {
    const sales = saleBatch(net, 200);
    const body = JSON.stringify({ sales });
    const half = Math.floor(body.length / 2);
    const request = (length: number) =>
      `POST /api/v1/cooperatives/${net.coops[0]!.id}/sales HTTP/1.1\r\nHost: lumbung\r\n` +
      `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${length}\r\n`;

    // A cashier's batch, half sent: the server has the request (it says 100 Continue) when SIGTERM comes.
    const client = await RawClient.open(server.url);
    client.write(`${request(Buffer.byteLength(body))}Expect: 100-continue\r\n\r\n`);
    expect((await client.next())?.status).toBe(100);
    client.write(body.slice(0, half));
    const exit = server.stop();

    // Closing: no new connection is taken.
    while (await accepts(server.url));

    // The rest of the batch, and one more request behind it on the same connection.
    const late = saleBatch(net, 1);
    const more = JSON.stringify({ sales: late });
    client.write(body.slice(half));
    client.write(`${request(Buffer.byteLength(more))}\r\n${more}`);
    const answered = await client.next();
    expect(answered?.status).toBe(200);
    // It tells the client to let go of the connection (a keep-alive client would otherwise hold the stop).
    expect(answered?.headers.connection).toBe('close');
    const results = (JSON.parse(answered!.body) as { results: { status: string }[] }).results;
    expect(results.filter((r) => r.status === 'created')).toHaveLength(200);
    // The request that came after the stop began is refused as problem+json, or its connection closed
    // unanswered; either way it is not done (below).
    const refused = await client.next();
    if (refused) {
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'ServiceUnavailable' });
    }
    client.end();

    expect(await exit).toBe(0);
    // What was acknowledged is in the database, and so is its audit event (flushed on close).
    const h = openDatabase(databaseUrl);
    try {
      const stored = (ids: string[]) =>
        h.db
          .selectFrom('sale')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', 'in', ids)
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
      expect(await stored(sales.map((s) => s.id))).toBe(200);
      expect(await stored(late.map((s) => s.id))).toBe(0);
      const audited = await h.db
        .selectFrom('auditEvent')
        .select('action')
        .where('requestId', '=', answered!.headers['x-request-id']!)
        .execute();
      expect(audited).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
