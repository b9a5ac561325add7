import { expect } from 'vitest';
import { createUser, hashPassword, issueToken } from '../../src/core/access/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { createProgramPeriod, recordPayrollAuthorization } from '../../src/core/sembako/index.ts';
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

/**
 * March 2026 of a program, through the core (set-up, not under test): ordering 1–20 March, one
 * package "Paket Gula" (2 × gula 1 kg, Rp 35.000, sponsor subsidy Rp 5.000). Its package's id.
 */
export async function createGulaPeriod(f: HttpFixture, programId: string): Promise<string> {
  const period = await f.t.db.transaction().execute((trx) =>
    createProgramPeriod(trx, f.n.ctx, programId, {
      month: '2026-03',
      orderOpensAt: '2026-03-01T00:00:00Z',
      orderClosesAt: '2026-03-20T00:00:00Z',
      packages: [
        {
          name: 'Paket Gula',
          items: [{ productId: f.n.gula1.id, qty: 2 }],
          price: 35_000,
          sponsorSubsidy: 5_000,
        },
      ],
    }),
  );
  return period.packages[0]!.id;
}

/** The participant Budi Santoso (Dinas Pendidikan, kelurahan of KDKMP A) on the roster, with his surat kuasa. */
export async function enrolBudi(
  f: HttpFixture,
  admin: Record<string, string>,
  programId: string,
  nip: string,
) {
  const imported = await f.app.inject({
    method: 'POST',
    url: `/api/v1/programs/${programId}/participants/import`,
    headers: { ...admin, 'content-type': 'text/csv' },
    payload: `nip,nama,opd,telepon,kode_kelurahan\n${nip},Budi Santoso,Dinas Pendidikan,,15.71.01.1001\n`,
  });
  expect(imported.statusCode, imported.body).toBe(200);
  expect((await recordAuthorizationOver(f, admin, programId, nip)).statusCode).toBe(200);
}

/** A participant activates with a fresh code from the program office and signs in: their bearer header. */
export async function signInParticipant(
  f: HttpFixture,
  admin: Record<string, string>,
  programId: string,
  nip: string,
) {
  const code = await f.app.inject({
    method: 'POST',
    url: `/api/v1/programs/${programId}/participants/${nip}/code`,
    headers: admin,
  });
  const password = 'rahasia-saya-123';
  const activated = await f.app.inject({
    method: 'POST',
    url: '/api/v1/auth/participants/activate',
    payload: { nip, activationCode: code.json().code, password },
  });
  expect(activated.statusCode, activated.body).toBe(200);
  const login = await f.app.inject({
    method: 'POST',
    url: '/api/v1/auth/participants/login',
    payload: { nip, password },
  });
  return bearer(login.json().token);
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
