/**
 * Input and output hardening (issue 17, findings 2, 5, 6, 7, 8 and part of 9), over HTTP on each
 * engine: NUL bytes refused before any SQL, formula cells escaped in the files the product writes,
 * an over-long roster refused whole, CSV bodies read only where files are taken, every error
 * problem+json, `no-store` on the API, and a pickup-code lookup that does not say which codes exist.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.ts';
import { PASSWORD, bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import {
  createGulaPeriod,
  createSembakoProgram,
  recordAuthorizationOver,
} from '../helpers/sembako.ts';

const P1 = '198503152010011002';
const P2 = '199001012015032001';
const FORMULA_NAME = '=HYPERLINK("http://contoh.test/?x=1","Klik")';
const FORMULA_OPD = '+1';

/** The parts of a problem that must not differ between two answers (the request id does). */
function problemOf(res: LightMyRequestResponse) {
  const { requestId: _ignored, ...rest } = res.json<Record<string, unknown>>();
  return { status: res.statusCode, type: res.headers['content-type'], ...rest };
}

/** An 8 MB body that counts how much of it the server pulled. */
function countingBody(size: number) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const counter = { pulled: 0 };
  const stream = new Readable({
    read() {
      if (counter.pulled >= size) return void this.push(null);
      counter.pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, counter };
}

for (const engine of ENGINES) {
  describe(`input and output hardening on ${engine}`, () => {
    let f: HttpFixture;
    let admin: Record<string, string>;
    let programId: string;
    let packageId: string;

    const count = async (table: 'sale' | 'authToken' | 'sembakoParticipant') =>
      Number(
        (
          await f.t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const importRoster = (payload: string | Readable, headers: Record<string, string> = {}) =>
      f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/import`,
        headers: { ...admin, 'content-type': 'text/csv; charset=utf-8', ...headers },
        payload,
      });

    /** The program admin records the participant's surat kuasa and orders a package for them, to be picked up at its KDKMP. */
    const placeOrder = async (nip: string) => {
      expect((await recordAuthorizationOver(f, admin, programId, nip)).statusCode).toBe(200);
      const res = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: admin,
        payload: { id: randomUUID(), nip, month: '2026-03', packageId, qty: 1 },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; pickupCode: string; pickupCooperativeId: string }>();
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      ({ admin, programId } = await createSembakoProgram(f));
      // The period is set-up here, not under test: through the core.
      packageId = await createGulaPeriod(f, programId);
    });
    afterAll(() => f.close());

    describe('a NUL byte (U+0000) in any text is refused as ValidationFailed, nothing written', () => {
      const expectNulRefused = (res: LightMyRequestResponse, path: string) => {
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'ValidationFailed', status: 400 });
        expect(res.json().errors).toEqual([{ path, message: expect.stringContaining('NUL') }]);
      };

      it('in the login e-mail', async () => {
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `${f.emails.hubAdmin}\u0000`, password: PASSWORD },
        });
        expectNulRefused(res, '/email');
        expect(res.json().detail).toContain('NUL');
        const en = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'accept-language': 'en' },
          payload: { email: `a\u0000b@uji.test`, password: PASSWORD },
        });
        expect(en.json().detail).toMatch(/NUL character/);
      });

      it('inside a page cursor (base64 of a key holding a NUL): the list answers from the start, never 500', async () => {
        const cursor = Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url');
        const res = await f.app.inject({
          method: 'GET',
          url: `/api/v1/cooperatives?cursor=${cursor}`,
          headers: bearer(f.tokens.hubAdmin),
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items.length).toBeGreaterThan(0);
      });

      it('in a query string (?q=a%00b) and in a path parameter', async () => {
        expectNulRefused(
          await f.app.inject({
            method: 'GET',
            url: '/api/v1/cooperatives?q=a%00b',
            headers: bearer(f.tokens.hubAdmin),
          }),
          '/q',
        );
        expectNulRefused(
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/cooperatives/${f.n.coopA.id.slice(0, 10)}%00`,
            headers: bearer(f.tokens.hubAdmin),
          }),
          '/id',
        );
      });

      it("in a sale's memberId: the cashier's batch is refused whole (the device then sends one by one)", async () => {
        const before = await count('sale');
        const res = await f.app.inject({
          method: 'POST',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
          headers: bearer(f.tokens.cashierA),
          payload: {
            sales: [
              {
                id: randomUUID(),
                occurredAt: '2026-03-10T02:00:00Z',
                paymentMethod: 'cash',
                lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_000 }],
              },
              {
                id: randomUUID(),
                occurredAt: '2026-03-10T02:00:00Z',
                paymentMethod: 'payroll',
                memberId: 'anggota\u00001',
                lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_000 }],
              },
            ],
          },
        });
        expectNulRefused(res, '/sales/1/memberId');
        expect(await count('sale')).toBe(before);
      });

      it("in an API token's label", async () => {
        const before = await count('authToken');
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: bearer(f.tokens.managerA),
          payload: { label: 'kasir\u0000depan' },
        });
        expectNulRefused(res, '/label');
        expect(await count('authToken')).toBe(before);
      });

      it('in a roster name: the file is refused whole, with the line named', async () => {
        const before = await count('sembakoParticipant');
        const csv =
          'nip,nama,opd,telepon,kode_kelurahan\r\n' +
          `${P2},Siti Aminah,BPKAD,,15.71.01.1002\r\n` +
          `${P1},Budi\u0000Santoso,BPKAD,,15.71.01.1001\r\n`;
        const res = await importRoster(csv);
        expectNulRefused(res, '/csv');
        expect(res.json().detail).toContain('baris 3');
        const json = await f.app.inject({
          method: 'POST',
          url: `/api/v1/programs/${programId}/participants/import`,
          headers: admin,
          payload: { csv },
        });
        expectNulRefused(json, '/csv');
        expect(await count('sembakoParticipant')).toBe(before);
      });
    });

    describe('the files the product writes escape formula cells', () => {
      let order: { id: string; pickupCode: string };

      it('stores imported text as it is', async () => {
        const csv =
          'nip,nama,opd,telepon,kode_kelurahan\r\n' +
          `${P1},"${FORMULA_NAME.replace(/"/g, '""')}",${FORMULA_OPD},,15.71.01.1001\r\n` +
          `${P2},@SUM(A1),-2+3,,15.71.01.1001\r\n`;
        const res = await importRoster(csv);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ imported: 2, rejected: [] });
        const rows = await f.t.db
          .selectFrom('sembakoParticipant')
          .select(['nip', 'name', 'opd'])
          .where('programId', '=', programId)
          .orderBy('nip')
          .execute();
        expect(rows).toEqual([
          { nip: P1, name: FORMULA_NAME, opd: FORMULA_OPD },
          { nip: P2, name: '@SUM(A1)', opd: '-2+3' },
        ]);
      });

      it('in the activation-code file', async () => {
        const res = await f.app.inject({
          method: 'POST',
          url: `/api/v1/programs/${programId}/participants/activation-codes`,
          headers: admin,
          payload: {},
        });
        expect(res.statusCode, res.body).toBe(200);
        const rows = parse(res.body, { columns: true }) as Record<string, string>[];
        expect(rows.map((r) => [r.nip, r.nama, r.opd])).toEqual([
          [P1, `'${FORMULA_NAME}`, `'${FORMULA_OPD}`],
          [P2, "'@SUM(A1)", "'-2+3"],
        ]);
        expect(rows[0]!.kode_aktivasi).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      });

      it('in the payroll deduction file, CSV and XLSX', async () => {
        order = await placeOrder(P1);
        const pickup = await f.app.inject({
          method: 'POST',
          url: `/api/v1/programs/${programId}/orders/${order.id}/pickup`,
          headers: bearer(f.tokens.cashierA),
          payload: { code: order.pickupCode },
        });
        expect(pickup.statusCode, pickup.body).toBe(200);
        const url = `/api/v1/programs/${programId}/periods/2026-03/payroll-deductions`;
        const csv = await f.app.inject({ method: 'GET', url, headers: admin });
        expect(csv.statusCode, csv.body).toBe(200);
        expect(parse(csv.body, { columns: true })).toEqual([
          {
            nip: P1,
            nama: `'${FORMULA_NAME}`,
            opd: `'${FORMULA_OPD}`,
            jumlah: '30000',
            periode: '2026-03',
          },
        ]);
        const xlsx = await f.app.inject({
          method: 'GET',
          url: `${url}?format=xlsx`,
          headers: admin,
        });
        expect(xlsx.statusCode).toBe(200);
        const sheet = strFromU8(unzipSync(xlsx.rawPayload)['xl/worksheets/sheet1.xml']!);
        const texts = [...sheet.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) =>
          m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
        );
        expect(texts).toContain(`'${FORMULA_NAME}`);
        expect(texts).toContain(`'${FORMULA_OPD}`);
        expect(texts).not.toContain(FORMULA_NAME);
        expect(sheet).toContain('<v>30000</v>'); // amounts stay numbers
      });
    });

    describe('a roster over the row limit is refused whole', () => {
      const roster = (rows: number) =>
        'nip,nama,opd,telepon,kode_kelurahan\n' +
        Array.from(
          { length: rows },
          (_, i) =>
            `19850315201000${String(i % 10_000).padStart(4, '0')},Peserta ${i},BPKAD,,15.71.01.1001\n`,
        ).join('');

      it('50,001 rows: 413 naming the limit and the count, nothing written', async () => {
        const before = await count('sembakoParticipant');
        const res = await importRoster(roster(50_001));
        expect(res.statusCode, res.body.slice(0, 500)).toBe(413);
        expect(res.json()).toMatchObject({ code: 'PayloadTooLarge' });
        expect(res.json().detail).toContain('50.001');
        expect(res.json().detail).toContain('50.000');
        const en = await importRoster(roster(50_001), { 'accept-language': 'en' });
        expect(en.json().detail).toMatch(/50,001 rows.*at most 50,000/);
        expect(await count('sembakoParticipant')).toBe(before);
      });

      it('50,000 rows are read (each row judged on its own)', async () => {
        const res = await importRoster(roster(50_000));
        expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
        // These NIPs are not real (appointment month 00): every row is read and reported.
        expect(res.json().rejected).toHaveLength(50_000);
      });
    });

    describe('CSV bodies are read only by the routes that take files', () => {
      it('login with an 8 MB text/csv body: 415 before the body is read', async () => {
        const { stream, counter } = countingBody(8 * 1_048_576);
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'text/csv', 'content-length': String(8 * 1_048_576) },
          payload: stream,
        });
        expect(res.statusCode, res.body).toBe(415);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('UnsupportedMediaType');
        expect(counter.pulled).toBeLessThan(1_048_576);
        expect(res.headers.connection).toBe('close'); // the rest is not drained either
      });

      it('text/plain and CSV bodies are refused on a JSON route', async () => {
        for (const type of ['text/plain', 'text/csv; charset=utf-8', 'application/csv']) {
          const res = await f.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'content-type': type },
            payload: 'email,password\nx,y\n',
          });
          expect({ type, status: res.statusCode, code: res.json().code }).toEqual({
            type,
            status: 415,
            code: 'UnsupportedMediaType',
          });
        }
      });

      it('the roster route still takes CSV, and says which types it takes', async () => {
        const ok = await importRoster(
          `nip,nama,opd,telepon,kode_kelurahan\n${P2},Siti Aminah,BPKAD,,15.71.01.1001\n`,
        );
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json()).toMatchObject({ updated: 1, rejected: [] });
        const xml = await importRoster('<x/>', { 'content-type': 'application/xml' });
        expect([xml.statusCode, xml.json().code]).toEqual([415, 'UnsupportedMediaType']);
        expect(xml.json().detail).toContain('text/csv');
      });
    });

    describe('every error is problem+json', () => {
      it('a path parameter over the length limit: 400 ValidationFailed, the URL not echoed', async () => {
        const long = 'x'.repeat(150);
        const res = await f.app.inject({
          method: 'POST',
          url: `/api/v1/cooperatives/${long}/sales`,
          headers: bearer(f.tokens.cashierA),
          payload: { sales: [] },
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'ValidationFailed', status: 400 });
        expect(res.json().detail).toContain('100');
        expect(res.json().requestId).toBe(res.headers['x-request-id']);
        expect(res.body).not.toContain(long);
        expect(res.headers['cache-control']).toBe('no-store');
        // A GET may instead reach the web app's fallback for any path (when it is built): then
        // it is the API's 404 for an unknown address, a problem too.
        const get = await f.app.inject({
          method: 'GET',
          url: `/api/v1/cooperatives/${long}`,
          headers: bearer(f.tokens.hubAdmin),
        });
        expect([400, 404]).toContain(get.statusCode);
        expect(get.headers['content-type']).toContain('application/problem+json');
      });

      it('a path parameter with a broken %-escape: the same', async () => {
        const res = await f.app.inject({
          method: 'GET',
          url: '/api/v1/cooperatives/abc%E0%A4%A',
          headers: bearer(f.tokens.hubAdmin),
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('ValidationFailed');
        expect(res.body).not.toContain('abc%E0');
      });
    });

    describe('API answers are not cached', () => {
      it('JSON answers and errors carry Cache-Control: no-store', async () => {
        const answers = {
          health: await f.app.inject({ method: 'GET', url: '/api/health' }),
          list: await f.app.inject({
            method: 'GET',
            url: '/api/v1/cooperatives',
            headers: bearer(f.tokens.hubAdmin),
          }),
          unauthenticated: await f.app.inject({ method: 'GET', url: '/api/v1/cooperatives' }),
          forbidden: await f.app.inject({
            method: 'GET',
            url: `/api/v1/programs/${programId}/directory`,
            headers: bearer(f.tokens.govViewer),
          }),
          unknownRoute: await f.app.inject({ method: 'GET', url: '/api/v1/tidak-ada' }),
          invalid: await f.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: 'x' },
          }),
          payroll: await f.app.inject({
            method: 'GET',
            url: `/api/v1/programs/${programId}/periods/2026-03/payroll-deductions`,
            headers: admin,
          }),
        };
        const statuses = Object.fromEntries(
          Object.entries(answers).map(([k, r]) => [k, [r.statusCode, r.headers['cache-control']]]),
        );
        expect(statuses).toEqual({
          health: [200, 'no-store'],
          list: [200, 'no-store'],
          unauthenticated: [401, 'no-store'],
          forbidden: [403, 'no-store'],
          unknownRoute: [404, 'no-store'],
          invalid: [400, 'no-store'],
          payroll: [200, 'no-store'],
        });
      });

      it.skipIf(!existsSync(new URL('../../web/dist/index.html', import.meta.url)))(
        'not the web app’s files',
        async () => {
          const res = await f.app.inject({ method: 'GET', url: '/' });
          expect(res.statusCode).toBe(200);
          expect(res.headers['cache-control']).not.toBe('no-store');
        },
      );
    });

    describe('a pickup code answers the same whether it is another cooperative’s or unknown', () => {
      it('404 NotFound with the same body', async () => {
        const { pickupCode, pickupCooperativeId } = await placeOrder(P2);
        expect(pickupCooperativeId).toBe(f.n.coopA.id);
        const find = (code: string) =>
          f.app.inject({
            method: 'GET',
            url: `/api/v1/programs/${programId}/pickups?code=${encodeURIComponent(code)}`,
            headers: bearer(f.tokens.managerB),
          });
        const notYours = await find(pickupCode);
        const unknown = await find('ZZZZZZZZZZ');
        expect(problemOf(notYours)).toEqual(problemOf(unknown));
        expect(problemOf(notYours)).toMatchObject({ status: 404, code: 'NotFound' });
        // Its own cooperative still finds it.
        const mine = await f.app.inject({
          method: 'GET',
          url: `/api/v1/programs/${programId}/pickups?code=${encodeURIComponent(pickupCode)}`,
          headers: bearer(f.tokens.cashierA),
        });
        expect(mine.statusCode, mine.body).toBe(200);
      });
    });
  });
}
