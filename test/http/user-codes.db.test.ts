import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type ManagerActivationCode } from '../../src/core/access/index.ts';
import { createCooperative, listVillagesIn } from '../../src/core/network/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  auditEventsOf,
  bearer,
  buildHttpFixture,
  callAs,
  type HttpFixture,
} from '../helpers/http.ts';
import { cooperativeOfAnotherHub } from '../helpers/other-hub.ts';

const NOW = '2026-03-10T03:00:00Z';
const DAY = 24 * 60 * 60 * 1000;
const CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

interface Created {
  id: string;
  activationCode?: string;
  activationExpiresAt?: string;
  activationUrl?: string;
  whatsappUrl?: string;
}
interface Issued {
  code: string;
  expiresAt: string;
  activationUrl: string;
  whatsappUrl?: string;
}
type ManagerRow = ManagerActivationCode;
interface ListedUser {
  id: string;
  email: string;
  status: string;
}

/**
 * Staff users invited without a password, activated with a one-time code; passwords reset with
 * one; the managers a cooperatives import created, activated with the codes the hub admin prints.
 */
for (const engine of ENGINES) {
  describe(`one-time codes of users over HTTP (${engine})`, () => {
    let f: HttpFixture;
    /** Every code handed out, to look for in the audit log. */
    const handedOut: string[] = [];

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    });
    afterAll(() => f.close());

    const invite = async (by: 'hubAdmin' | 'managerA', body: Record<string, unknown>) => {
      const res = await callAs(f, by, 'POST', '/api/v1/users', body);
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as Created;
      if (created.activationCode) handedOut.push(created.activationCode);
      return created;
    };
    const issue = async (by: 'hubAdmin' | 'managerA', userId: string, purpose: string) => {
      const res = await callAs(f, by, 'POST', `/api/v1/users/${userId}/code`, { purpose });
      if (res.statusCode === 201) handedOut.push((res.json() as Issued).code);
      return res;
    };
    const activate = (email: string, code: string, password: string, lang = 'id') =>
      f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/activate',
        headers: { 'accept-language': lang },
        payload: { email, code, password },
      });
    const login = (email: string, password: string) =>
      f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const me = (token: string) =>
      f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    const statusOf = async (by: 'hubAdmin' | 'managerA', email: string) => {
      const res = await callAs(f, by, 'GET', '/api/v1/users');
      return (res.json() as { items: ListedUser[] }).items.find((u) => u.email === email)?.status;
    };
    const managerCodes = async (body: object) => {
      const res = await callAs(
        f,
        'hubAdmin',
        'POST',
        '/api/v1/cooperatives/activation-codes',
        body,
      );
      if (res.statusCode === 200)
        handedOut.push(...(res.json() as { items: ManagerRow[] }).items.map((r) => r.code));
      return res;
    };

    it('an invited user cannot sign in until its activation code sets a password; then it is signed in and logs in', async () => {
      const email = 'kasir.baru@uji.test';
      const created = await invite('hubAdmin', {
        email,
        name: 'Kasir Baru',
        phone: '0812-3456-7890',
        orgId: f.n.coopA.id,
        role: 'coop_cashier',
      });
      expect(created.activationCode).toMatch(CODE);
      expect(created.activationExpiresAt).toBe(new Date(Date.parse(NOW) + 7 * DAY).toISOString());
      expect(created.activationUrl).toMatch(/\/aktivasi#email=kasir\.baru%40uji\.test&kode=/);
      // The WhatsApp link opens a chat with the phone, the Indonesian message carries the code.
      const wa = new URL(created.whatsappUrl!);
      expect(wa.origin + wa.pathname).toBe('https://wa.me/6281234567890');
      expect(wa.searchParams.get('text')).toContain(`Kode aktivasi: ${created.activationCode}`);
      expect(await statusOf('hubAdmin', email)).toBe('invited');
      expect((await login(email, 'apa-saja-123')).statusCode).toBe(401);

      // Typed in lower case without the dash, as people do.
      const typed = created.activationCode!.toLowerCase().replace('-', '');
      const res = await activate(email, typed, 'kata-sandi-baru-1');
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/lumbung_session=/);
      const session = res.json() as { token: string; user: { memberships: { role: string }[] } };
      expect(session.user.memberships).toEqual([
        expect.objectContaining({ orgId: f.n.coopA.id, role: 'coop_cashier' }),
      ]);
      expect((await me(session.token)).statusCode).toBe(200);
      expect(await statusOf('hubAdmin', email)).toBe('active');
      expect((await login(email, 'kata-sandi-baru-1')).statusCode).toBe(200);

      // Once used, the code is spent.
      const again = await activate(email, created.activationCode!, 'lain-lagi-123');
      expect(again.statusCode).toBe(401);
      expect(again.json().detail).toMatch(/sudah dipakai/);
      expect((await login(email, 'kata-sandi-baru-1')).statusCode).toBe(200);
    });

    it('with a password, createUser creates an active user as before, and hands out no code', async () => {
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/users', {
        email: 'staf.gudang@uji.test',
        name: 'Staf Gudang',
        password: PASSWORD,
        orgId: f.n.hub.id,
        role: 'hub_staff',
      });
      expect(res.statusCode).toBe(201);
      expect(Object.keys(res.json() as object).sort()).toEqual(['email', 'id', 'name']);
      expect((await login('staf.gudang@uji.test', PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a wrong code, a replaced code and an expired one, each with its reason', async () => {
      const email = 'dinas.baru@uji.test';
      const created = await invite('hubAdmin', {
        email,
        name: 'Petugas Dinas',
        orgId: f.dinasId,
        role: 'gov_viewer',
      });
      expect(created.whatsappUrl).toBeUndefined(); // no phone, no link
      const wrong = await activate(email, 'AAAA-BBBB', 'kata-sandi-baru-1');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().detail).toBe('E-mail atau kode aktivasi salah');
      // The code of another e-mail is no code of this one.
      const stranger = await activate(f.emails.cashierA, created.activationCode!, 'x'.repeat(8));
      expect(stranger.statusCode).toBe(401);

      // A new code replaces the one before.
      const next = await issue('hubAdmin', created.id, 'activation');
      expect(next.statusCode, next.body).toBe(201);
      expect((await activate(email, created.activationCode!, 'kata-sandi-1')).statusCode).toBe(401);

      // A week and a minute later the new one has expired.
      f.n.clock.set(new Date(Date.parse(NOW) + 7 * DAY + 60_000).toISOString());
      try {
        const late = await activate(email, (next.json() as Issued).code, 'kata-sandi-1', 'en');
        expect(late.statusCode).toBe(401);
        expect(late.json().detail).toBe(
          'This code has expired; ask your administrator for a new one',
        );
      } finally {
        f.n.clock.set(NOW);
      }
      expect(await statusOf('hubAdmin', email)).toBe('invited');
    });

    it("a reset code sets a new password and ends the user's sessions and API tokens at once", async () => {
      const email = 'lupa.sandi@uji.test';
      const created = await callAs(f, 'hubAdmin', 'POST', '/api/v1/users', {
        email,
        name: 'Lupa Sandi',
        password: PASSWORD,
        orgId: f.n.hub.id,
        role: 'hub_staff',
      });
      const userId = (created.json() as Created).id;
      const session = (await login(email, PASSWORD)).json() as { token: string };
      const apiToken = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: bearer(session.token),
        payload: { label: 'skrip' },
      });
      const { token } = apiToken.json() as { token: string };
      expect((await me(token)).statusCode).toBe(200);

      expect((await issue('hubAdmin', userId, 'activation')).statusCode).toBe(409);
      const reset = await issue('hubAdmin', userId, 'reset');
      expect(reset.statusCode, reset.body).toBe(201);
      const issued = reset.json() as Issued;
      expect(issued.expiresAt).toBe(new Date(Date.parse(NOW) + DAY).toISOString());
      // Until the code is used, nothing changes.
      expect((await me(session.token)).statusCode).toBe(200);

      const res = await activate(email, issued.code, 'sandi-baru-sekali');
      expect(res.statusCode, res.body).toBe(200);
      expect((await me(session.token)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);
      expect((await me((res.json() as { token: string }).token)).statusCode).toBe(200);
      expect((await login(email, PASSWORD)).statusCode).toBe(401);
      expect((await login(email, 'sandi-baru-sekali')).statusCode).toBe(200);
    });

    it('a manager issues codes for its own cashiers only; deactivated users and invitations get none', async () => {
      const invited = await invite('managerA', {
        email: 'kasir.dua@uji.test',
        name: 'Kasir Dua',
        orgId: f.n.coopA.id,
        role: 'coop_cashier',
      });
      expect(invited.activationCode).toMatch(CODE);
      expect(await statusOf('managerA', 'kasir.dua@uji.test')).toBe('invited');
      expect((await issue('managerA', invited.id, 'reset')).statusCode).toBe(409);

      const idOf = async (email: string) =>
        (
          await f.t.db
            .selectFrom('appUser')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
        ).id;
      const cashierA = await idOf(f.emails.cashierA);
      expect((await issue('managerA', cashierA, 'reset')).statusCode).toBe(201);
      // Another cooperative's manager, its own fellow manager role, the hub's admin: not its users.
      expect((await issue('managerA', await idOf(f.emails.managerB), 'reset')).statusCode).toBe(
        403,
      );
      expect((await issue('managerA', await idOf(f.emails.managerA), 'reset')).statusCode).toBe(
        403,
      );
      expect((await issue('managerA', await idOf(f.emails.hubAdmin), 'reset')).statusCode).toBe(
        403,
      );
      expect(
        (await issue('managerA', '01936f6e-7c1a-7000-8000-00000000dead', 'reset')).statusCode,
      ).toBe(404);

      // A deactivated user's codes stop working, and it gets no new one.
      const before = await issue('managerA', invited.id, 'activation');
      const off = await callAs(f, 'managerA', 'PATCH', `/api/v1/users/${invited.id}`, {
        active: false,
      });
      expect(off.statusCode).toBe(200);
      expect((await issue('managerA', invited.id, 'activation')).statusCode).toBe(409);
      const code = (before.json() as Issued).code;
      expect((await activate('kasir.dua@uji.test', code, 'sandi-kasir-dua')).statusCode).toBe(401);
    });

    it("a cooperatives import's managers get printable activation codes from the hub admin and activate with them", async () => {
      const used = new Set(
        (await f.t.db.selectFrom('organization').select('villageCode').execute()).map(
          (o) => o.villageCode,
        ),
      );
      const [v1, v2, v3] = (await listVillagesIn('15.71'))
        .map((v) => v.code)
        .filter((c) => !used.has(c));
      const file = [
        'nama;kode_desa;nama_pengurus;email_pengurus;telepon',
        `KDKMP Impor Satu;${v1};Rina Wati;rina@impor.test;0813 1111 2222`,
        `KDKMP Impor Dua;${v2};Joko Susilo;joko@impor.test;`,
      ].join('\r\n');
      const imported = await f.app.inject({
        method: 'POST',
        url: '/api/v1/cooperatives/import',
        headers: { ...bearer(f.tokens.hubAdmin), 'content-type': 'text/csv' },
        payload: file,
      });
      expect(imported.json()).toMatchObject({ imported: 2, rejected: [] });
      expect((await login('rina@impor.test', 'apa-saja-123')).statusCode).toBe(401);

      // A cooperative of another hub's network and one of another region taking part with no hub
      // yet, each with a manager not activated either: not this hub's.
      const palembang = (await listVillagesIn('16.71'))[0]!.code;
      const { coop: foreign } = await cooperativeOfAnotherHub(f.t.db, f.n.clock, v3!, {
        hub: 'Hub Lain',
        cooperative: 'KDKMP Hub Lain',
      });
      const elsewhere = await createCooperative(
        f.t.db,
        { name: 'KDKMP Palembang', villageCode: palembang },
        f.n.clock,
      );
      for (const [coop, email] of [
        [foreign, 'manajer@lain.test'],
        [elsewhere, 'manajer@palembang.test'],
      ] as const)
        await createUser(
          f.t.db,
          {
            email,
            name: 'Manajer Lain',
            invited: true,
            memberships: [{ orgId: coop.id, role: 'coop_manager' }],
          },
          f.n.clock,
        );

      const all = await managerCodes({});
      expect(all.statusCode, all.body).toBe(200);
      const rows = (all.json() as { items: ManagerRow[] }).items;
      expect(rows.map((r) => r.email)).toEqual(['joko@impor.test', 'rina@impor.test']);
      const rina = rows.find((r) => r.email === 'rina@impor.test')!;
      expect(rina).toMatchObject({
        cooperativeName: 'KDKMP Impor Satu',
        managerName: 'Rina Wati',
        phone: '081311112222',
      });
      expect(rina.villageName).toBeTruthy();
      expect(rina.code).toMatch(CODE);
      expect(rina.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281311112222\?text=/);
      expect(rows.find((r) => r.email === 'joko@impor.test')?.whatsappUrl).toBeUndefined();

      // Only the listed cooperative, with a fresh code: the printed one before stops working.
      const one = await managerCodes({ cooperativeIds: [rina.cooperativeId] });
      const [fresh] = (one.json() as { items: ManagerRow[] }).items;
      expect(fresh).toMatchObject({ email: 'rina@impor.test' });
      expect(fresh!.code).not.toBe(rina.code);
      expect((await activate('rina@impor.test', rina.code, 'sandi-rina-123')).statusCode).toBe(401);
      const res = await activate('rina@impor.test', fresh!.code, 'sandi-rina-123');
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { user: { memberships: unknown[] } }).user.memberships).toEqual([
        expect.objectContaining({ orgId: rina.cooperativeId, role: 'coop_manager' }),
      ]);
      expect((await login('rina@impor.test', 'sandi-rina-123')).statusCode).toBe(200);

      // Activated managers are done; another hub's cooperative is not this hub's to list.
      const left = (await managerCodes({})).json() as { items: ManagerRow[] };
      expect(left.items.map((r) => r.email)).toEqual(['joko@impor.test']);
      for (const other of [foreign, elsewhere])
        expect((await managerCodes({ cooperativeIds: [other.id] })).statusCode).toBe(404);
      // A hub's staff (not admin) issues none.
      const staff = await callAs(
        f,
        'hubStaff',
        'POST',
        '/api/v1/cooperatives/activation-codes',
        {},
      );
      expect(staff.statusCode).toBe(403);
    });

    it('wrong codes lock the e-mail like wrong passwords do', async () => {
      const created = await invite('hubAdmin', {
        email: 'tebak@uji.test',
        name: 'Tebak Kode',
        orgId: f.n.hub.id,
        role: 'hub_staff',
      });
      for (let i = 0; i < 5; i++)
        expect((await activate('tebak@uji.test', 'ZZZZ-ZZZZ', 'sandi-tebak-1')).statusCode).toBe(
          401,
        );
      const locked = await activate('tebak@uji.test', created.activationCode!, 'sandi-tebak-1');
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBeTruthy();
    });

    it('keeps the codes out of the audit log, which records each issue and activation', async () => {
      for (const action of ['createUser', 'issueUserCode', 'exportManagerActivationCodes'])
        await expect.poll(async () => (await auditEventsOf(f, action)).length).toBeGreaterThan(0);
      await expect.poll(async () => (await auditEventsOf(f, 'activateUser')).length).toBe(3);
      const log = JSON.stringify(await f.t.db.selectFrom('auditEvent').selectAll().execute());
      expect(handedOut.length).toBeGreaterThan(8);
      for (const code of handedOut) {
        expect(log).not.toContain(code);
        expect(log).not.toContain(code.replace('-', ''));
      }
      // Only hashes are stored.
      const stored = JSON.stringify(await f.t.db.selectFrom('userCode').selectAll().execute());
      for (const code of handedOut) expect(stored).not.toContain(code);
    });
  });
}
