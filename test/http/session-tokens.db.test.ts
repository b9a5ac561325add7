import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  bearer,
  buildHttpFixture,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

interface SignedIn {
  token: string;
  csrfToken: string;
  setCookie: string[];
}

interface TokenItem {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

for (const engine of ENGINES) {
  describe(`sessions, CSRF and API tokens on ${engine}`, () => {
    let f: HttpFixture;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    async function signIn(user: UserKey): Promise<SignedIn> {
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: f.emails[user], password: PASSWORD },
      });
      expect(r.statusCode).toBe(200);
      const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
      return { ...(r.json() as { token: string; csrfToken: string }), setCookie };
    }

    /** A write by cookie (the browser's way): session cookie, CSRF cookie and header. */
    const cookieWrite = (session: string, csrf: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: {
          cookie: `lumbung_session=${session}; lumbung_csrf=${csrf}`,
          'x-csrf-token': csrf,
        },
        payload: { label: 'hp kasir' },
      });

    const createToken = async (auth: Record<string, string>, label: string) => {
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: auth,
        payload: { label },
      });
      expect(r.statusCode).toBe(201);
      return r.json() as { id: string; token: string; expiresAt: string };
    };

    const listTokens = async (auth: Record<string, string>) => {
      const r = await f.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: auth });
      expect(r.statusCode).toBe(200);
      return { text: r.body, items: (r.json() as { items: TokenItem[] }).items };
    };

    const revoke = (auth: Record<string, string>, id: string) =>
      f.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: auth });

    const me = async (auth: Record<string, string>) =>
      (await f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode;

    it("one session's CSRF token is refused with another session's cookie (403); its own passes", async () => {
      const a = await signIn('managerA');
      const b = await signIn('cashierA');
      const a2 = await signIn('managerA');
      const refused = await cookieWrite(b.token, a.csrfToken);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('Forbidden');
      // The same user's other session is another session.
      expect((await cookieWrite(a2.token, a.csrfToken)).statusCode).toBe(403);
      expect((await cookieWrite(a.token, a.csrfToken)).statusCode).toBe(201);
      expect((await cookieWrite(b.token, b.csrfToken)).statusCode).toBe(201);
    });

    it('the login answer gives the CSRF token the web app reads from its cookie', async () => {
      const a = await signIn('managerA');
      const csrf = a.setCookie.find((c) => c.startsWith('lumbung_csrf='))!;
      expect(csrf).toContain(`lumbung_csrf=${a.csrfToken};`);
      expect(csrf).not.toMatch(/HttpOnly/i);
      expect(a.csrfToken).not.toContain(a.token);
    });

    it('a stale CSRF cookie is set again on the next signed-in read, so reloading the page mends it', async () => {
      const a = await signIn('managerA');
      const r = await f.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `lumbung_session=${a.token}; lumbung_csrf=dari-sesi-lama` },
      });
      expect(r.statusCode).toBe(200);
      expect(String(r.headers['set-cookie'])).toContain(`lumbung_csrf=${a.csrfToken};`);
      const fresh = await f.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `lumbung_session=${a.token}; lumbung_csrf=${a.csrfToken}` },
      });
      expect(fresh.headers['set-cookie']).toBeUndefined();
    });

    it('a user lists their own live API tokens, marked current, never the tokens themselves', async () => {
      const phone = await createToken(bearer(f.tokens.managerB), 'HP kasir');
      const books = await createToken(bearer(f.tokens.managerB), 'Integrasi akuntansi');
      const { text, items } = await listTokens(bearer(phone.token));
      expect(items.map((i) => i.label)).toEqual(
        expect.arrayContaining(['HP kasir', 'Integrasi akuntansi']),
      );
      expect(items.find((i) => i.id === phone.id)).toEqual({
        id: phone.id,
        label: 'HP kasir',
        createdAt: expect.any(String),
        expiresAt: phone.expiresAt,
        current: true,
      });
      expect(items.filter((i) => i.current).map((i) => i.id)).toEqual([phone.id]);
      for (const secret of [phone.token, books.token, f.tokens.managerB])
        expect(text).not.toContain(secret);
      // Nobody else sees them.
      const others = await listTokens(bearer(f.tokens.managerA));
      expect(others.items.map((i) => i.id)).not.toContain(phone.id);
      expect(others.items.map((i) => i.id)).not.toContain(books.id);
    });

    it("a revoked token stops working at once; another user's token id is 404 like an unknown one", async () => {
      const owner = bearer(f.tokens.govViewer);
      const device = await createToken(owner, 'Tablet kantor');
      const auth = bearer(device.token);
      expect(await me(auth)).toBe(200); // now cached by the server

      for (const stranger of ['hubAdmin', 'otherGov'] as const) {
        const r = await revoke(bearer(f.tokens[stranger]), device.id);
        expect(r.statusCode).toBe(404);
        expect(r.json().code).toBe('NotFound');
      }
      expect((await revoke(owner, '01936f6e-7c1a-7000-8000-00000000dead')).statusCode).toBe(404);
      expect(await me(auth)).toBe(200);

      expect((await revoke(owner, device.id)).statusCode).toBe(204);
      expect(await me(auth)).toBe(401);
      expect((await listTokens(owner)).items.map((i) => i.id)).not.toContain(device.id);
      // Revoking again changes nothing.
      expect((await revoke(owner, device.id)).statusCode).toBe(204);
      expect(await me(owner)).toBe(200);
    });

    it('a token revoked with the session cookie needs that session’s CSRF token', async () => {
      const a = await signIn('managerA');
      const device = await createToken(bearer(f.tokens.managerA), 'HP lama');
      const cookie = `lumbung_session=${a.token}; lumbung_csrf=${a.csrfToken}`;
      const without = await f.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${device.id}`,
        headers: { cookie },
      });
      expect(without.statusCode).toBe(403);
      const withCsrf = await f.app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/tokens/${device.id}`,
        headers: { cookie, 'x-csrf-token': a.csrfToken },
      });
      expect(withCsrf.statusCode).toBe(204);
      expect(await me(bearer(device.token))).toBe(401);
    });
  });
}
