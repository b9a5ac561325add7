import { expect } from 'vitest';
import { createUser, hashPassword, issueToken } from '../../src/core/access/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { recordPayrollAuthorization } from '../../src/core/sembako/index.ts';
import type { CommandContext } from '../../src/core/shared/context.ts';
import type { Db } from '../../src/db/database.ts';
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

/** A 1 × 1 PNG: the smallest real scan of a surat kuasa. */
export const SCAN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A participant's signed surat kuasa recorded through the command (before their first order). */
export function recordAuthorization(
  db: Db,
  ctx: CommandContext,
  programId: string,
  nip: string,
  scan: { contentType: string; bytes: Uint8Array } = { contentType: 'image/png', bytes: SCAN_PNG },
) {
  return recordPayrollAuthorization(db, ctx, programId, nip, {
    ref: `SK-PG/${nip.slice(-6)}/2026`,
    signedOn: '2026-02-20',
    scan,
  });
}

/** The program admin records a participant's signed surat kuasa potong gaji over HTTP (before their first order). */
export async function recordAuthorizationOver(
  f: HttpFixture,
  admin: Record<string, string>,
  programId: string,
  nip: string,
  scan: { contentType: string; bytes: Buffer } = { contentType: 'image/png', bytes: SCAN_PNG },
) {
  return f.app.inject({
    method: 'PUT',
    url: `/api/v1/programs/${programId}/participants/${nip}/payroll-authorization`,
    headers: admin,
    payload: {
      ref: `SK-PG/${nip.slice(-6)}/2026`,
      signedOn: '2026-02-20',
      scan: { contentType: scan.contentType, base64: scan.bytes.toString('base64') },
    },
  });
}
