import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, hashPassword } from '../../src/core/access/index.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.ts';
import { buildNetwork } from '../helpers/network.ts';
import { PASSWORD } from '../helpers/http.ts';

/**
 * The login limiter as an office sees it: many people signing in from one
 * address (a NAT, a proxy) are never locked out by each other's successes;
 * wrong passwords lock the account they were tried on, and many wrong
 * passwords from one address lock that address.
 */
for (const engine of ENGINES) {
  describe(`sign-in throttling on ${engine}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    /** The same server behind one trusted proxy (TRUST_PROXY=1), and trusting one address. */
    let proxied: FastifyInstance;
    let listed: FastifyInstance;
    const USERS = ['kantor1', 'kantor2', 'kantor3', 'kantor4', 'kantor5', 'kantor6'] as const;
    const email = (u: (typeof USERS)[number]) => `${u}@uji.test`;

    const login = (
      server: FastifyInstance,
      address: string,
      mail: string,
      password: string,
      headers: Record<string, string> = {},
    ) =>
      server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: address,
        headers,
        payload: { email: mail, password },
      });

    /** `n` wrong passwords from one address, each on a different unknown e-mail (no account lock). */
    async function failMany(
      server: FastifyInstance,
      address: string,
      n: number,
      headers: (i: number) => Record<string, string> = () => ({}),
    ) {
      for (let i = 0; i < n; i++) {
        const r = await login(server, address, `tamu${i}-${address}@uji.test`, 'salah', headers(i));
        expect(r.statusCode).toBe(401);
      }
    }

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      const n = await buildNetwork(t.db);
      const passwordHash = await hashPassword(PASSWORD);
      for (const u of USERS)
        await createUser(
          t.db,
          {
            email: email(u),
            name: u,
            passwordHash,
            memberships: [{ orgId: n.hub.id, role: 'hub_staff' }],
          },
          n.clock,
        );
      app = await buildApp({ db: t.db, engine, version: 'test', clock: n.clock });
      const behind = (TRUST_PROXY: string) =>
        buildApp({
          db: t.db,
          engine,
          version: 'test',
          clock: n.clock,
          trustProxy: loadConfig({ TRUST_PROXY }).trustProxy,
        });
      proxied = await behind('1');
      listed = await behind('10.0.0.8, 192.0.2.0/24');
    });
    afterAll(async () => {
      await app.close();
      await proxied.close();
      await listed.close();
      await t.close();
    });

    it('60 successful sign-ins from one address all succeed', async () => {
      for (let i = 0; i < 60; i++) {
        const r = await login(app, '10.0.0.1', email(i % 2 ? 'kantor1' : 'kantor2'), PASSWORD);
        expect({ i, status: r.statusCode }).toEqual({ i, status: 200 });
      }
    });

    it('6 wrong passwords lock that e-mail only: another user at the same address still signs in', async () => {
      for (let i = 0; i < 5; i++)
        expect((await login(app, '10.0.0.2', email('kantor3'), 'salah')).statusCode).toBe(401);
      const sixth = await login(app, '10.0.0.2', email('kantor3'), 'salah');
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().code).toBe('TooManyRequests');
      // The account is locked wherever its owner is, even with the right password...
      expect((await login(app, '10.0.0.2', email('kantor3'), PASSWORD)).statusCode).toBe(429);
      expect((await login(app, '10.0.0.99', email('kantor3'), PASSWORD)).statusCode).toBe(429);
      // ...and its colleague at the same desk is not.
      expect((await login(app, '10.0.0.2', email('kantor4'), PASSWORD)).statusCode).toBe(200);
    });

    it('a burst of 30 parallel guesses on one account gets at most 5 checked; the rest wait (429)', async () => {
      const res = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          login(app, '10.9.9.9', 'paralel@uji.test', `salah-paralel-${i}`),
        ),
      );
      const checked = res.filter((r) => r.statusCode !== 429);
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(res.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(25);
      for (const r of checked) expect(r.json().code).not.toBe('TooManyRequests');
    });

    it('the per-address cap trips on 50 failures, never on successes', async () => {
      for (let i = 0; i < 10; i++)
        expect((await login(app, '10.0.0.3', email('kantor5'), PASSWORD)).statusCode).toBe(200);
      await failMany(app, '10.0.0.3', 49);
      expect((await login(app, '10.0.0.3', email('kantor5'), PASSWORD)).statusCode).toBe(200);
      await failMany(app, '10.0.0.3', 1);
      const capped = await login(app, '10.0.0.3', email('kantor5'), PASSWORD);
      expect(capped.statusCode).toBe(429);
      expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
      // The account itself is not locked: from elsewhere it signs in.
      expect((await login(app, '10.0.0.4', email('kantor5'), PASSWORD)).statusCode).toBe(200);
    });

    it('without TRUST_PROXY, X-Forwarded-For changes neither the address nor the limiter key', async () => {
      const forwarded = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });
      await failMany(app, '10.0.0.5', 50, forwarded);
      const r = await login(app, '10.0.0.5', email('kantor6'), PASSWORD, forwarded(200));
      expect(r.statusCode).toBe(429);
      const ok = await login(app, '10.0.0.6', email('kantor6'), PASSWORD, forwarded(201));
      expect(ok.statusCode).toBe(200);
      expect(await auditedAddress(app, ok)).toBe('10.0.0.6');
    });

    it('with TRUST_PROXY=1 the client named by the proxy is the address', async () => {
      const client = { 'x-forwarded-for': '203.0.113.7' };
      await failMany(proxied, '10.0.0.7', 50, () => client);
      expect(
        (await login(proxied, '10.0.0.7', email('kantor6'), PASSWORD, client)).statusCode,
      ).toBe(429);
      // Another client behind the same proxy is not affected by that one's failures.
      const other = await login(proxied, '10.0.0.7', email('kantor6'), PASSWORD, {
        'x-forwarded-for': '203.0.113.8',
      });
      expect(other.statusCode).toBe(200);
      expect(await auditedAddress(proxied, other)).toBe('203.0.113.8');
    });

    it('with TRUST_PROXY naming the proxy, only that proxy is believed', async () => {
      const client = { 'x-forwarded-for': '203.0.113.9' };
      const viaProxy = await login(listed, '10.0.0.8', email('kantor1'), PASSWORD, client);
      expect(await auditedAddress(listed, viaProxy)).toBe('203.0.113.9');
      const direct = await login(listed, '10.0.0.9', email('kantor1'), PASSWORD, client);
      expect(await auditedAddress(listed, direct)).toBe('10.0.0.9');
    });

    /** The address the audit trail recorded for this (successful) sign-in. */
    async function auditedAddress(server: FastifyInstance, signIn: { headers: object }) {
      const requestId = String((signIn.headers as Record<string, unknown>)['x-request-id']);
      await server.deps.audit.flush();
      const row = await t.db
        .selectFrom('auditEvent')
        .select(['action', 'address'])
        .where('requestId', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row.action).toBe('login');
      return row.address;
    }
  });
}
