import type { FastifyInstance } from 'fastify';
import { createUser, hashPassword, issueToken, type Role } from '../../src/core/access/index.ts';
import { createGoodsReceipt } from '../../src/core/consignment/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { buildApp } from '../../src/http/app.ts';
import type { Engine } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './engines.ts';
import { buildNetwork, type TestNetwork } from './network.ts';

export const PASSWORD = 'rahasia-uji-123';

export interface HttpFixture {
  t: TestDatabase;
  n: TestNetwork;
  app: FastifyInstance;
  dinasId: string;
  /** Bearer tokens by user key. */
  tokens: Record<UserKey, string>;
  emails: Record<UserKey, string>;
  close(): Promise<void>;
}

export type UserKey =
  | 'hubAdmin'
  | 'hubStaff'
  | 'managerA'
  | 'cashierA'
  | 'managerB'
  | 'govViewer'
  | 'otherGov'
  | 'programAdmin';

/**
 * The small test network behind the real HTTP app, with one user per role
 * (cooperative users of KDKMP A and B) and a bearer token each.
 */
export async function buildHttpFixture(engine: Engine): Promise<HttpFixture> {
  const t = await createTestDatabase(engine);
  const n = await buildNetwork(t.db);
  const dinas = await createOrganization(
    t.db,
    { kind: 'government', name: 'Dinas Koperasi Kota Jambi', regionCode: '15.71' },
    n.clock,
  );
  const other = await createOrganization(
    t.db,
    { kind: 'government', name: 'Dinas Koperasi Kota Sungai Penuh', regionCode: '15.72' },
    n.clock,
  );
  await createGoodsReceipt(t.db, n.ctx, n.hub.id, {
    supplierName: 'PT Uji',
    lines: [
      { productId: n.gula1.id, qty: 1000, unitCost: 15_000 },
      { productId: n.gula50.id, qty: 20, unitCost: 740_000 },
      { productId: n.minyak.id, qty: 500, unitCost: 13_500 },
    ],
  });
  const passwordHash = await hashPassword(PASSWORD);
  const users: Record<UserKey, { orgId: string; role: Role }> = {
    hubAdmin: { orgId: n.hub.id, role: 'hub_admin' },
    hubStaff: { orgId: n.hub.id, role: 'hub_staff' },
    managerA: { orgId: n.coopA.id, role: 'coop_manager' },
    cashierA: { orgId: n.coopA.id, role: 'coop_cashier' },
    managerB: { orgId: n.coopB.id, role: 'coop_manager' },
    govViewer: { orgId: dinas.id, role: 'gov_viewer' },
    otherGov: { orgId: other.id, role: 'gov_viewer' },
    programAdmin: { orgId: dinas.id, role: 'program_admin' },
  };
  const tokens = {} as Record<UserKey, string>;
  const emails = {} as Record<UserKey, string>;
  for (const [key, u] of Object.entries(users) as [UserKey, { orgId: string; role: Role }][]) {
    emails[key] = `${key.toLowerCase()}@uji.test`;
    const user = await createUser(
      t.db,
      { email: emails[key], name: key, passwordHash, memberships: [u] },
      n.clock,
    );
    tokens[key] = (await issueToken(t.db, user.id, 'api', n.clock)).token;
  }
  const app = await buildApp({ db: t.db, engine, version: 'test', clock: n.clock });
  await app.ready();
  return {
    t,
    n,
    app,
    dinasId: dinas.id,
    tokens,
    emails,
    async close() {
      await app.close();
      await t.close();
    },
  };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** The audit rows of one operation (written as each answer completes: poll for them). */
export function auditEventsOf(f: HttpFixture, action: string) {
  return f.t.db.selectFrom('auditEvent').selectAll().where('action', '=', action).execute();
}

/** A request as one of the fixture's users (bearer token). */
export function callAs(
  f: HttpFixture,
  user: UserKey,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return f.app.inject({ method, url, headers: bearer(f.tokens[user]), payload });
}

/** A new user of `orgId` with `role` (the fixture's password) and its bearer token. */
export async function tokenOfNewUser(
  f: HttpFixture,
  email: string,
  membership: { orgId: string; role: Role },
): Promise<string> {
  const user = await createUser(
    f.t.db,
    { email, name: email, passwordHash: await hashPassword(PASSWORD), memberships: [membership] },
    f.n.clock,
  );
  return (await issueToken(f.t.db, user.id, 'api', f.n.clock)).token;
}
