import { expect } from 'vitest';
import { createUser, hashPassword, issueToken } from '../../src/core/access/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { PASSWORD, bearer, type HttpFixture } from './http.ts';

/**
 * A Sembako Bahagia program over HTTP: the Pemerintah Kota Jambi as sponsor (its program admin
 * signs in with a bearer token), supplied by the fixture's hub.
 */
export async function createSembakoProgram(f: HttpFixture) {
  const pemkot = await createOrganization(
    f.t.db,
    { kind: 'government', name: 'Pemerintah Kota Jambi', regionCode: '15.71' },
    f.n.clock,
  );
  const u = await createUser(
    f.t.db,
    {
      email: 'program@uji.test',
      name: 'Admin Program',
      passwordHash: await hashPassword(PASSWORD),
      memberships: [{ orgId: pemkot.id, role: 'program_admin' }],
    },
    f.n.clock,
  );
  const admin = bearer((await issueToken(f.t.db, u.id, 'api', f.n.clock)).token);
  const res = await f.app.inject({
    method: 'POST',
    url: '/api/v1/programs',
    headers: admin,
    payload: { name: 'Sembako Bahagia', sponsorOrgId: pemkot.id, hubId: f.n.hub.id },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { admin, programId: res.json<{ id: string }>().id };
}
