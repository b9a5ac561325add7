import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  hashPassword,
  issueToken,
  loadUserToUpdate,
  updateUser,
  type Role,
  type UserListItem,
} from '../../src/core/access/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { DomainError } from '../../src/core/shared/errors.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  bearer,
  buildHttpFixture,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

for (const engine of ENGINES) {
  describe(`updateUser over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let passwordHash: string;

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      passwordHash = await hashPassword(PASSWORD);
    });
    afterAll(() => f.close());

    const idOf = async (key: UserKey) =>
      (
        await f.t.db
          .selectFrom('appUser')
          .select('id')
          .where('email', '=', f.emails[key])
          .executeTakeFirstOrThrow()
      ).id;

    /** A fresh user of the organization, with an API token. */
    async function newUser(email: string, orgId: string, role: Role) {
      const u = await createUser(
        f.t.db,
        { email, name: email, passwordHash, memberships: [{ orgId, role }] },
        f.n.clock,
      );
      const { token } = await issueToken(f.t.db, u.id, 'api', f.n.clock);
      return { id: u.id, email: u.email, token };
    }

    const patch = (by: UserKey | string, id: string, payload: Record<string, unknown>) =>
      f.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: bearer(by in f.tokens ? f.tokens[by as UserKey] : by),
        payload,
      });

    const me = (token: string) =>
      f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });

    const login = (email: string, password = PASSWORD) =>
      f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

    it('a hub admin administers the offices and employers of its own area only', async () => {
      // Kota Palembang (16.71): no region of the hub's, no cooperative of its network.
      const far = await createOrganization(
        f.t.db,
        { kind: 'employer', name: 'Pemerintah Kota Palembang', regionCode: '16.71' },
        f.n.clock,
      );
      const farAdmin = await newUser('admin@palembang.test', far.id, 'program_admin');
      expect((await patch('hubAdmin', farAdmin.id, { active: false })).statusCode).toBe(403);
      expect((await me(farAdmin.token)).statusCode).toBe(200);
      const created = await f.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: bearer(f.tokens.hubAdmin),
        payload: {
          email: 'baru@palembang.test',
          name: 'Baru',
          password: 'rahasia-sekali',
          orgId: far.id,
          role: 'program_admin',
        },
      });
      expect(created.statusCode).toBe(403);
      // Kota Jambi (15.71), the hub's own region: allowed.
      const near = await createOrganization(
        f.t.db,
        { kind: 'employer', name: 'BKPSDM Kota Jambi', regionCode: '15.71' },
        f.n.clock,
      );
      const nearAdmin = await newUser('admin@bkpsdm-jambi.test', near.id, 'program_admin');
      expect((await patch('hubAdmin', nearAdmin.id, { name: 'Admin BKPSDM' })).statusCode).toBe(
        200,
      );
    });

    it('a hub admin renames a cashier: the answer is the user as listUsers shows it', async () => {
      const id = await idOf('cashierA');
      const res = await patch('hubAdmin', id, { name: '  Siti Aminah ' });
      expect(res.statusCode).toBe(200);
      const list = await f.app.inject({
        method: 'GET',
        url: '/api/v1/users',
        headers: bearer(f.tokens.hubAdmin),
      });
      const listed = (list.json() as { items: UserListItem[] }).items.find((u) => u.id === id);
      expect(res.json()).toEqual(listed);
      expect(listed).toMatchObject({ name: 'Siti Aminah', role: 'coop_cashier', disabled: false });
    });

    it("a hub admin changes a role within the organization's kind; another kind's role is 400", async () => {
      const staff = await newUser('staf-dua@uji.test', f.n.hub.id, 'hub_staff');
      const up = await patch('hubAdmin', staff.id, { role: 'hub_admin' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ id: staff.id, role: 'hub_admin', orgId: f.n.hub.id });
      const down = await patch('hubAdmin', staff.id, { role: 'hub_staff' });
      expect(down.json()).toMatchObject({ role: 'hub_staff' });

      const wrong = await patch('hubAdmin', await idOf('cashierA'), { role: 'hub_admin' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'ValidationFailed' });
      const unknownRole = await patch('hubAdmin', staff.id, { role: 'superuser' });
      expect(unknownRole.statusCode).toBe(400);
    });

    it("deactivation ends the user's tokens on the very next request and refuses sign-in as a wrong password; reactivation lets the user sign in again", async () => {
      const kasir = await newUser('kasir-dua@uji.test', f.n.coopA.id, 'coop_cashier');
      const session = await login(kasir.email);
      expect(session.statusCode).toBe(200);
      const sessionToken = (session.json() as { token: string }).token;
      // Both tokens are used, so the server has them in its token cache.
      expect((await me(sessionToken)).statusCode).toBe(200);
      expect((await me(kasir.token)).statusCode).toBe(200);

      const off = await patch('hubAdmin', kasir.id, { active: false });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ id: kasir.id, disabled: true });

      for (const token of [sessionToken, kasir.token]) {
        const res = await me(token);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'Unauthenticated' });
      }
      const live = await f.t.db
        .selectFrom('authToken')
        .select('id')
        .where('userId', '=', kasir.id)
        .where('revokedAt', 'is', null)
        .execute();
      expect(live).toEqual([]);

      // The same answer as a wrong password: a disabled account is not told apart.
      const refused = await login(kasir.email);
      const wrongPassword = await login(f.emails.cashierA, 'bukan-kata-sandinya');
      expect(refused.statusCode).toBe(401);
      const { requestId: _a, ...refusedBody } = refused.json() as Record<string, unknown>;
      const { requestId: _b, ...wrongBody } = wrongPassword.json() as Record<string, unknown>;
      expect(refusedBody).toEqual(wrongBody);

      const on = await patch('hubAdmin', kasir.id, { active: true });
      expect(on.statusCode).toBe(200);
      expect(on.json()).toMatchObject({ disabled: false });
      const again = await login(kasir.email);
      expect(again.statusCode).toBe(200);
      expect((await me((again.json() as { token: string }).token)).statusCode).toBe(200);
      // Tokens revoked by the deactivation stay revoked.
      expect((await me(sessionToken)).statusCode).toBe(401);
      expect((await me(kasir.token)).statusCode).toBe(401);
    });

    it("a cooperative's manager manages its own cashiers only", async () => {
      const kasir = await newUser('kasir-tiga@uji.test', f.n.coopA.id, 'coop_cashier');
      expect((await me(kasir.token)).statusCode).toBe(200);
      const off = await patch('managerA', kasir.id, { active: false, name: 'Kasir Tiga' });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ name: 'Kasir Tiga', disabled: true });
      expect((await me(kasir.token)).statusCode).toBe(401);
      expect((await patch('managerA', kasir.id, { active: true })).statusCode).toBe(200);

      const refusals: [UserKey, string, Record<string, unknown>][] = [
        ['managerB', await idOf('cashierA'), { active: false }], // another cooperative's cashier
        ['managerA', await idOf('hubStaff'), { active: false }], // a hub user
        ['managerA', await idOf('hubAdmin'), { name: 'x' }],
        ['managerA', kasir.id, { role: 'coop_manager' }], // no promotions
        ['managerA', await idOf('managerA'), { name: 'Pengurus A' }], // managers manage cashiers only
      ];
      for (const [by, id, body] of refusals) {
        const res = await patch(by, id, body);
        expect({ by, body, status: res.statusCode, code: res.json().code }).toEqual({
          by,
          body,
          status: 403,
          code: 'Forbidden',
        });
      }
      expect((await me(f.tokens.cashierA)).statusCode).toBe(200);
      expect((await me(f.tokens.hubStaff)).statusCode).toBe(200);
    });

    it('nobody deactivates themselves or changes their own role (409 InvalidState)', async () => {
      for (const [by, body] of [
        ['hubAdmin', { active: false }],
        ['hubAdmin', { role: 'hub_staff' }],
        ['managerA', { active: false }],
      ] as [UserKey, Record<string, unknown>][]) {
        const res = await patch(by, await idOf(by), body);
        expect({ by, body, status: res.statusCode, code: res.json().code }).toEqual({
          by,
          body,
          status: 409,
          code: 'InvalidState',
        });
      }
      const renamed = await patch('hubAdmin', await idOf('hubAdmin'), { name: 'Admin Kana' });
      expect(renamed.statusCode).toBe(200);
      expect((await me(f.tokens.hubAdmin)).statusCode).toBe(200);
    });

    it("the last active admin of a hub is neither deactivated nor demoted (the core's own check)", async () => {
      const target = await loadUserToUpdate(f.t.db, await idOf('hubAdmin'));
      // An actor other than the admin itself: the check does not rest on the self rule.
      const ctx = {
        clock: f.n.clock,
        actor: { userId: await idOf('hubStaff'), role: 'hub_staff' },
      };
      for (const input of [{ active: false }, { role: 'hub_staff' as const }]) {
        const err = await f.t.db
          .transaction()
          .execute((db) => updateUser(db, ctx, target, input))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).code).toBe('InvalidState');
      }
    });

    it('an unknown user is 404; a body with an unknown field is 400', async () => {
      const unknown = await patch('hubAdmin', '01936f6e-7c1a-7000-8000-00000000dead', {
        name: 'x',
      });
      expect(unknown.statusCode).toBe(404);
      const extra = await patch('hubAdmin', await idOf('cashierA'), { disabled: true });
      expect(extra.statusCode).toBe(400);
    });

    // Last: it may deactivate the fixture's admin.
    it('two hub admins deactivating each other at once leave one active admin', async () => {
      const second = await newUser('admin-dua@uji.test', f.n.hub.id, 'hub_admin');
      const first = await idOf('hubAdmin');
      const [a, b] = await Promise.all([
        patch('hubAdmin', second.id, { active: false }),
        patch(second.token, first, { active: false }),
      ]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const active = await f.t.db
        .selectFrom('membership as m')
        .innerJoin('appUser as u', 'u.id', 'm.userId')
        .select('u.id')
        .where('m.orgId', '=', f.n.hub.id)
        .where('m.role', '=', 'hub_admin')
        .where('u.disabled', '=', 0)
        .execute();
      expect(active).toHaveLength(1);
    });
  });
}
