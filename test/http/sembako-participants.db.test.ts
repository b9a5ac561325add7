import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { createProgramPeriod } from '../../src/core/sembako/index.ts';
import * as nipDirectory from '../../src/db/migrations/2026_12_07_0500_sembako_nip_directory.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';
import { SCAN_PNG, createSembakoProgram, recordAuthorizationOver } from '../helpers/sembako.ts';

const P1 = '198503152010011002'; // Budi, kelurahan of KDKMP A
const P2 = '199001012015032001'; // Siti, kelurahan of KDKMP A
const P3 = '197912312005011003'; // Ahmad, kelurahan of KDKMP B
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const engine of ENGINES) {
  describe(`the program office's participants over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let admin: Record<string, string>;
    let programId: string;
    const packages: Record<string, string> = {};
    const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      f.app.inject({ method, url: `/api/v1/programs/${programId}${url}`, headers: admin, payload });
    const order = (nip: string, month: string) =>
      as('POST', '/orders', { id: randomUUID(), nip, month, packageId: packages[month], qty: 1 });
    const pickup = (o: { id: string; pickupCode: string }, cashCollected?: number) =>
      callAs(f, 'cashierA', 'POST', `/api/v1/programs/${programId}/orders/${o.id}/pickup`, {
        code: o.pickupCode,
        ...(cashCollected === undefined ? {} : { cashCollected }),
      });

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      ({ admin, programId } = await createSembakoProgram(f));
      for (const month of ['2026-03', '2026-04'])
        packages[month] = (
          await f.t.db.transaction().execute((trx) =>
            createProgramPeriod(trx, f.n.ctx, programId, {
              month,
              orderOpensAt: `${month}-01T00:00:00Z`,
              orderClosesAt: `${month}-20T00:00:00Z`,
              packages: [
                {
                  name: 'Paket Gula',
                  items: [{ productId: f.n.gula1.id, qty: 2 }],
                  price: 35_000,
                  sponsorSubsidy: 5_000,
                },
              ],
            }),
          )
        ).packages[0]!.id;
      const roster = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/import`,
        headers: { ...admin, 'content-type': 'text/csv' },
        payload:
          'nip,nama,opd,telepon,kode_kelurahan\n' +
          `${P1},Budi Santoso,Dinas Pendidikan,081234567890,15.71.01.1001\n` +
          `${P2},Siti Aminah,BPKAD,,15.71.01.1001\n` +
          `${P3},Ahmad Fauzi,BPKAD,,15.71.01.1002\n`,
      });
      expect(roster.json()).toMatchObject({ imported: 3 });
    });
    afterAll(() => f.close());

    it('lists participants, searched by NIP or name and by OPD', async () => {
      const nips = async (query: string) =>
        (await as('GET', `/participants${query}`)).json().items.map((p: { nip: string }) => p.nip);
      expect(await nips('')).toEqual([P3, P1, P2]);
      expect(await nips('?q=siti')).toEqual([P2]);
      expect(await nips('?q=1985')).toEqual([P1]);
      expect(await nips(`?opd=BPKAD`)).toEqual([P3, P2]);
      const page = (await as('GET', '/participants?limit=2')).json();
      expect(page.items).toHaveLength(2);
      expect((await as('GET', `/participants?cursor=${page.nextCursor}`)).json().items[0].nip).toBe(
        P2,
      );
      expect((await as('GET', '/participants?q=budi')).json().items[0]).toMatchObject({
        name: 'Budi Santoso',
        opd: 'Dinas Pendidikan',
        activated: false,
        payrollAuthorization: null,
        pickupCooperativeId: f.n.coopA.id,
        open: 0,
      });
    });

    it('keeps the surat kuasa scan byte for byte; a renamed or too large file is refused; without it no order', async () => {
      expect([
        (await order(P1, '2026-03')).statusCode,
        (await order(P1, '2026-03')).json().code,
      ]).toEqual([422, 'PayrollAuthorizationMissing']);
      const fake = await recordAuthorizationOver(f, admin, programId, P1, {
        contentType: 'image/png',
        bytes: Buffer.from('\xff\xd8\xff\xe0 a JPEG renamed .png', 'latin1'),
      });
      expect([fake.statusCode, fake.json().code, fake.json().errors[0].path]).toEqual([
        400,
        'ValidationFailed',
        '/scan',
      ]);
      expect(fake.json().detail).toMatch(/bukan PNG/);
      const big = await recordAuthorizationOver(f, admin, programId, P1, {
        contentType: 'application/pdf',
        bytes: Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]),
      });
      expect([big.statusCode, big.json().code]).toEqual([413, 'PayloadTooLarge']);
      const hub = await recordAuthorizationOver(f, bearer(f.tokens.hubAdmin), programId, P1);
      expect(hub.statusCode).toBe(403);

      const ok = await recordAuthorizationOver(f, admin, programId, P1);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ nip: P1, contentType: 'image/png', size: SCAN_PNG.length });
      const scan = await as('GET', `/participants/${P1}/payroll-authorization/scan`);
      expect(scan.statusCode).toBe(200);
      expect(scan.headers['content-type']).toBe('image/png');
      expect(scan.headers['content-disposition']).toBe(`inline; filename="surat-kuasa-${P1}.png"`);
      expect(Buffer.compare(scan.rawPayload, SCAN_PNG)).toBe(0);
      // A new scan (a PDF) replaces it.
      await recordAuthorizationOver(f, admin, programId, P1, {
        contentType: 'application/pdf',
        bytes: PDF,
      });
      const pdf = await as('GET', `/participants/${P1}/payroll-authorization/scan`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(pdf.rawPayload, PDF)).toBe(0);
      expect((await as('GET', `/participants/${P2}/payroll-authorization/scan`)).statusCode).toBe(
        404,
      );
      expect(
        (await as('GET', '/participants?q=budi')).json().items[0].payrollAuthorization,
      ).toEqual({
        ref: `SK-PG/${P1.slice(-6)}/2026`,
        signedOn: '2026-02-20',
      });
      expect((await order(P1, '2026-03')).statusCode).toBe(201);
    });

    it('a new code for one person: the earlier one stops working; with their phone, a WhatsApp link', async () => {
      const first = (await as('POST', `/participants/${P1}/code`)).json();
      const second = (await as('POST', `/participants/${P1}/code`)).json();
      expect(second.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(second.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=.*K/);
      expect((await as('POST', `/participants/${P2}/code`)).json().whatsappUrl).toBeUndefined();
      const activate = (code: string) =>
        f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/participants/activate',
          payload: { nip: P1, activationCode: code, password: 'rahasia-saya-123' },
        });
      expect((await activate(first.code)).statusCode).toBe(401);
      expect((await activate(second.code)).statusCode).toBe(200);
      expect((await as('GET', '/participants?q=budi')).json().items[0].activated).toBe(true);
      expect((await as('POST', `/participants/198601012010011004/code`)).statusCode).toBe(404);
    });

    it('a roster imported before the NIP directory existed: the migration lists it, and its people activate', async () => {
      // As a database migrated before 2026_12_07_0500 holds it: rosters, no directory.
      await nipDirectory.down(f.t.db);
      await nipDirectory.up(f.t.db);
      const listed = await f.t.db
        .selectFrom('sembakoNipDirectory')
        .select(['nip', 'programId'])
        .orderBy('nip')
        .execute();
      expect(listed).toEqual([P3, P1, P2].map((nip) => ({ nip, programId })));
      const { code } = (await as('POST', `/participants/${P3}/code`)).json();
      const activated = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/activate',
        payload: { nip: P3, activationCode: code, password: 'rahasia-ahmad-123' },
      });
      expect(activated.statusCode).toBe(200);
      expect((await as('GET', '/participants?q=ahmad')).json().items[0].activated).toBe(true);
    });

    it('carry_forward: the failed deduction is carried into April’s file and the participant sees it', async () => {
      const o = (await as('GET', '/participants?q=budi')).json(); // P1 ordered March above
      expect(o.items[0].open).toBe(0);
      const mine = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/my/orders`,
        headers: bearer(
          (
            await f.app.inject({
              method: 'POST',
              url: '/api/v1/auth/participants/login',
              payload: { nip: P1, password: 'rahasia-saya-123' },
            })
          ).json().token,
        ),
      });
      expect((await pickup(mine.json().items[0])).statusCode).toBe(200);
      f.n.clock.set('2026-03-28T03:00:00Z');
      await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods/2026-03/payroll-results`,
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: `nip,jumlah,status\n${P1},0,gagal\n`,
      });
      const file = await as('GET', '/periods/2026-04/payroll-deductions');
      expect(file.body).toBe(
        `nip,nama,opd,jumlah,periode\r\n${P1},Budi Santoso,Dinas Pendidikan,30000,2026-03\r\n`,
      );
      const login = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/login',
        payload: { nip: P1, password: 'rahasia-saya-123' },
      });
      const seen = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/my/deductions`,
        headers: bearer(login.json().token),
      });
      expect(seen.json().items).toEqual([
        {
          month: '2026-03',
          amountDue: 30_000,
          amountDeducted: 0,
          status: 'gagal',
          deductedIn: null,
          carriedTo: '2026-04',
          owedAtPickup: 0,
          collectedInCash: 0,
          open: 30_000,
        },
      ]);
      expect((await as('GET', '/participants?q=budi')).json().items[0].open).toBe(30_000);
    });

    it('collect_at_pickup: the desk shows the cash owed and the pickup records it, books balanced', async () => {
      const set = await as('PATCH', '', { failedDeductionHandling: 'collect_at_pickup' });
      expect(set.json()).toMatchObject({ failedDeductionHandling: 'collect_at_pickup' });
      f.n.clock.set('2026-03-10T03:00:00Z');
      expect((await recordAuthorizationOver(f, admin, programId, P2)).statusCode).toBe(200);
      const march = (await order(P2, '2026-03')).json();
      expect((await pickup(march)).statusCode).toBe(200);
      f.n.clock.set('2026-03-28T03:00:00Z');
      await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods/2026-03/payroll-results`,
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: `nip,jumlah,status\n${P2},0,gagal\n`,
      });
      f.n.clock.set('2026-04-08T03:00:00Z');
      const april = (await order(P2, '2026-04')).json();
      const desk = await callAs(
        f,
        'cashierA',
        'GET',
        `/api/v1/programs/${programId}/pickups?code=${april.pickupCode}`,
      );
      expect(desk.json().cashDue).toEqual([{ month: '2026-03', amount: 30_000 }]);
      const refused = await pickup(april);
      expect([refused.statusCode, refused.json().errors[0].path]).toEqual([400, '/cashCollected']);
      expect(refused.json().detail).toMatch(/tunai Rp 30\.000/);
      const done = await pickup(april, 30_000);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().cashCollected).toBe(30_000);
      const rec = (await as('GET', '/periods/2026-03/reconciliation')).json();
      expect(rec.opdOpen.find((o: { opd: string }) => o.opd === 'BPKAD')).toMatchObject({
        collected: 30_000,
        open: 0,
      });
      const tb = await callAs(
        f,
        'managerA',
        'GET',
        `/api/v1/orgs/${f.n.coopA.id}/ledger/trial-balance`,
      );
      expect(tb.json().totalDebit).toBe(tb.json().totalCredit);
      expect((await verifyDatabase(f.t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
