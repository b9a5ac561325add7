import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/core/integrity/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import { createSembakoProgram, recordAuthorizationOver } from '../helpers/sembako.ts';

const P1 = '198503152010011002';
const P2 = '199001012015032001';

for (const engine of ENGINES) {
  describe(`Sembako Bahagia over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let admin: Record<string, string>;
    let programId: string;
    let packageId: string;
    let participant: Record<string, string>;
    let order: {
      id: string;
      pickupCode: string;
      pickupCooperativeId: string;
      amountToDeduct: number;
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      ({ admin, programId } = await createSembakoProgram(f));
    });
    afterAll(() => f.close());

    it('the sponsor’s admin runs the program; the hub admin and another office’s admin are refused', async () => {
      const other = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods`,
        headers: bearer(f.tokens.programAdmin), // program_admin of the Dinas, not of the sponsor
        payload: {
          month: '2026-03',
          orderOpensAt: '2026-03-01T00:00:00Z',
          orderClosesAt: '2026-03-20T00:00:00Z',
          packages: [
            {
              name: 'X',
              items: [{ productId: f.n.gula1.id, qty: 1 }],
              price: 1,
              sponsorSubsidy: 0,
            },
          ],
        },
      });
      expect(other.statusCode).toBe(403);
      const hub = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/import`,
        headers: { ...bearer(f.tokens.hubAdmin), 'content-type': 'text/csv' },
        payload: 'nip,nama,opd,telepon,kode_kelurahan\n',
      });
      expect(hub.statusCode).toBe(403);
      const period = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods`,
        headers: admin,
        payload: {
          month: '2026-03',
          orderOpensAt: '2026-03-01T00:00:00Z',
          orderClosesAt: '2026-03-20T00:00:00Z',
          packages: [
            {
              name: 'Paket Gula & Minyak',
              items: [
                { productId: f.n.gula1.id, qty: 2 },
                { productId: f.n.minyak.id, qty: 2 },
              ],
              price: 65_000,
              sponsorSubsidy: 15_000,
            },
          ],
        },
      });
      expect(period.statusCode, period.body).toBe(201);
      packageId = period.json().packages[0].id;
      const list = await f.app.inject({
        method: 'GET',
        url: '/api/v1/programs',
        headers: bearer(f.tokens.managerA),
      });
      expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['Sembako Bahagia']);
      const dir = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/directory`,
        headers: admin,
      });
      expect(dir.statusCode, dir.body).toBe(200);
      expect(dir.json().products.map((p: { id: string }) => p.id)).toContain(f.n.gula1.id);
      expect(dir.json().cooperatives.map((c: { id: string }) => c.id)).toContain(f.n.coopA.id);
      const stranger = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/directory`,
        headers: bearer(f.tokens.govViewer),
      });
      expect(stranger.statusCode).toBe(403);
    });

    it('imports a text/csv roster (BOM, semicolons) and reports bad rows', async () => {
      const res = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/import`,
        headers: { ...admin, 'content-type': 'text/csv; charset=utf-8' },
        payload:
          '\uFEFFnip;nama;opd;telepon;kode_kelurahan\r\n' +
          `${P1};Budi Santoso;Dinas Pendidikan;081234567890;15.71.01.1001\r\n` +
          `${P2};Siti Aminah;BPKAD;;15.71.01.1002\r\n` +
          '198503152010013002;Salah;BPKAD;;15.71.01.1001\r\n',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ imported: 2, updated: 0, rejected: [{ row: 4 }] });
      const json = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/import`,
        headers: admin,
        payload: { csv: 'nama,nip\nBudi,1\n' },
      });
      expect(json.statusCode).toBe(400);
      expect(json.json().code).toBe('ValidationFailed');
    });

    it('a download gives codes only to those who never had one; reissuing all asks for the confirmed count', async () => {
      const base = `/api/v1/programs/${programId}/participants/activation-codes`;
      const summary = async () =>
        (
          await f.app.inject({ method: 'GET', url: `${base}/summary?opd=BPKAD`, headers: admin })
        ).json();
      const download = (payload: object) =>
        f.app.inject({ method: 'POST', url: base, headers: admin, payload });
      const rows = (csv: string) => csv.trim().split(/\r\n/).slice(1);
      expect(await summary()).toEqual({ notActivated: 1, withoutCode: 1, withCode: 0 });
      const first = await download({ opd: 'BPKAD' });
      expect(first.statusCode, first.body).toBe(200);
      const [row] = rows(first.body);
      expect(row).toMatch(new RegExp(`^${P2},`));
      const oldCode = row!.split(',')[3]!;
      expect(await summary()).toEqual({ notActivated: 1, withoutCode: 0, withCode: 1 });
      // Downloading again hands out nothing new and keeps the code given out valid.
      const again = await download({ opd: 'BPKAD' });
      expect(rows(again.body)).toEqual([]);
      // Reissuing every code needs the count the user confirmed.
      const unconfirmed = await download({ opd: 'BPKAD', reissue: true });
      expect([unconfirmed.statusCode, unconfirmed.json().code]).toEqual([409, 'InvalidState']);
      const reissued = await download({ opd: 'BPKAD', reissue: true, expectedCount: 1 });
      expect(reissued.statusCode).toBe(200);
      const newCode = rows(reissued.body)[0]!.split(',')[3]!;
      expect(newCode).not.toBe(oldCode);
      const stale = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/activate',
        payload: { nip: P2, activationCode: oldCode, password: 'rahasia-saya-123' },
      });
      expect(stale.statusCode).toBe(401);
    });

    it('a participant activates with the exported code, signs in with NIP and orders only for themself', async () => {
      const codes = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/participants/activation-codes`,
        headers: admin,
        payload: { opd: 'Dinas Pendidikan' },
      });
      expect(codes.statusCode).toBe(200);
      expect(codes.headers['content-type']).toContain('text/csv');
      const lines = codes.body.trim().split(/\r\n/);
      expect(lines).toHaveLength(2);
      const code = lines[1]!.split(',')[3]!;
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const wrong = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/activate',
        payload: { nip: P1, activationCode: 'AAAA-AAAA', password: 'rahasia-saya-123' },
      });
      expect(wrong.statusCode).toBe(401);
      const act = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/activate',
        payload: { nip: P1, activationCode: code.toLowerCase(), password: 'rahasia-saya-123' },
      });
      expect(act.statusCode, act.body).toBe(200);
      expect(act.json().user.memberships[0].role).toBe('program_participant');
      const again = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/activate',
        payload: { nip: P1, activationCode: code, password: 'lain-lagi-12345' },
      });
      expect(again.statusCode).toBe(401); // one-time
      const login = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/login',
        payload: { nip: P1, password: 'rahasia-saya-123' },
      });
      expect(login.statusCode).toBe(200);
      expect(String(login.headers['set-cookie'])).toContain('lumbung_session=');
      participant = bearer(login.json().token);

      const forOther = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id: randomUUID(), nip: P2, month: '2026-03', packageId, qty: 1 },
      });
      expect(forOther.statusCode).toBe(403);
      const id = randomUUID();
      // Without the signed surat kuasa potong gaji on file, the first order is refused in words.
      const unauthorized = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id, nip: P1, month: '2026-03', packageId, qty: 1 },
      });
      expect([unauthorized.statusCode, unauthorized.json().code]).toEqual([
        422,
        'PayrollAuthorizationMissing',
      ]);
      expect(unauthorized.json().detail).toMatch(/surat kuasa potong gaji.*kantor program/);
      expect((await recordAuthorizationOver(f, admin, programId, P1)).statusCode).toBe(200);
      const mine = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id, nip: P1, month: '2026-03', packageId, qty: 1 },
      });
      expect(mine.statusCode, mine.body).toBe(201);
      order = mine.json();
      expect(order).toMatchObject({
        id,
        pickupCooperativeId: f.n.coopA.id,
        amountToDeduct: 50_000,
      });
      const replay = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id, nip: P1, month: '2026-03', packageId, qty: 1 },
      });
      expect(replay.statusCode).toBe(200);
      const second = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/orders`,
        headers: participant,
        payload: { id: randomUUID(), nip: P1, month: '2026-03', packageId, qty: 1 },
      });
      expect([second.statusCode, second.json().code]).toEqual([409, 'InvalidState']);
      const my = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/my/orders`,
        headers: participant,
      });
      expect(my.json().items).toMatchObject([
        { id, status: 'ordered', pickupCode: order.pickupCode },
      ]);
      // A participant reads nothing of the program's administration.
      for (const url of [
        `/api/v1/programs/${programId}/periods/2026-03/reconciliation`,
        `/api/v1/programs/${programId}/periods/2026-03/payroll-deductions`,
        '/api/v1/cooperatives',
      ]) {
        const r = await f.app.inject({ method: 'GET', url, headers: participant });
        expect({ url, status: r.statusCode }).toEqual({ url, status: 403 });
      }
      // The program admin's "my" list is not theirs to read.
      expect(
        (
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/programs/${programId}/my/orders`,
            headers: admin,
          })
        ).statusCode,
      ).toBe(403);
    });

    it('only the pickup cooperative’s staff hand the package over, once', async () => {
      const pick = (headers: Record<string, string>, code: string) =>
        f.app.inject({
          method: 'POST',
          url: `/api/v1/programs/${programId}/orders/${order.id}/pickup`,
          headers,
          payload: { code },
        });
      const find = (headers: Record<string, string>, code: string) =>
        f.app.inject({
          method: 'GET',
          url: `/api/v1/programs/${programId}/pickups?code=${encodeURIComponent(code)}`,
          headers,
        });
      // The desk finds the order by its code (typed in lower case with a dash, or the QR payload).
      const typed = `${order.pickupCode.slice(0, 5).toLowerCase()}-${order.pickupCode.slice(5)}`;
      const found = await find(bearer(f.tokens.cashierA), typed);
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json()).toMatchObject({
        id: order.id,
        nip: P1,
        status: 'ordered',
        packageName: 'Paket Gula & Minyak',
        pickupCooperativeId: f.n.coopA.id,
        items: [
          { productId: f.n.gula1.id, qty: 2 },
          { productId: f.n.minyak.id, qty: 2 },
        ],
      });
      expect(found.json().participantName).toBeTruthy();
      const scanned = await find(
        bearer(f.tokens.managerA),
        `lumbung:sembako:${programId}:${order.id}:${order.pickupCode}`,
      );
      expect(scanned.json().id).toBe(order.id);
      // Another cooperative's staff, the participant, and an unknown code learn nothing.
      // Another cooperative's staff get the answer of an unknown code (test/http/hardening.db.test.ts).
      expect((await find(bearer(f.tokens.managerB), order.pickupCode)).statusCode).toBe(404);
      expect((await find(participant, order.pickupCode)).statusCode).toBe(403);
      const unknown = await find(bearer(f.tokens.cashierA), 'ZZZZZZZZZZ');
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NotFound']);
      expect((await pick(bearer(f.tokens.managerB), order.pickupCode)).statusCode).toBe(403);
      expect((await pick(bearer(f.tokens.hubAdmin), order.pickupCode)).statusCode).toBe(403);
      expect((await pick(participant, order.pickupCode)).statusCode).toBe(403);
      const bad = await pick(bearer(f.tokens.cashierA), 'ZZZZZZZZZZ');
      expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, '/code']);
      const ok = await pick(bearer(f.tokens.cashierA), order.pickupCode);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        status: 'picked_up',
        amount: 65_000,
        cooperativeId: f.n.coopA.id,
      });
      const reused = await pick(bearer(f.tokens.cashierA), order.pickupCode);
      expect([reused.statusCode, reused.json().code]).toEqual([409, 'InvalidState']);
      expect((await find(bearer(f.tokens.cashierA), order.pickupCode)).json().status).toBe(
        'picked_up',
      );
      const sale = await f.app.inject({
        method: 'GET',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
        headers: bearer(f.tokens.managerA),
      });
      expect(sale.json().items[0]).toMatchObject({ paymentMethod: 'payroll', totalAmount: 65_000 });
    });

    it('exports the payroll file as CSV and XLSX, imports results, records the sponsor payment and reconciles', async () => {
      const csv = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/periods/2026-03/payroll-deductions?opd=${encodeURIComponent('Dinas Pendidikan')}`,
        headers: admin,
      });
      expect(csv.body).toBe(
        `nip,nama,opd,jumlah,periode\r\n${P1},Budi Santoso,Dinas Pendidikan,50000,2026-03\r\n`,
      );
      const xlsx = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/periods/2026-03/payroll-deductions?format=xlsx`,
        headers: admin,
      });
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const files = unzipSync(new Uint8Array(xlsx.rawPayload));
      expect(Object.keys(files).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ]);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      expect(sheet).toContain(`<t xml:space="preserve">${P1}</t>`);
      expect(sheet).toContain('<c r="D2"><v>50000</v></c>');
      expect(sheet).toContain('Budi Santoso');

      const results = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods/2026-03/payroll-results`,
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: `nip,jumlah,status\n${P1},50000,berhasil\n`,
      });
      expect(results.json()).toMatchObject({ recorded: 1, rejected: 0 });
      f.n.clock.set('2026-04-03T03:00:00Z');
      const pay = {
        id: randomUUID(),
        amount: 65_000,
        receivedOn: '2026-04-02',
        reference: 'SP2D 900/1/BPKAD/2026',
      };
      const paid = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods/2026-03/sponsor-payments`,
        headers: bearer(f.tokens.hubAdmin),
        payload: pay,
      });
      expect(paid.statusCode, paid.body).toBe(201);
      expect(paid.json().shares).toMatchObject([{ cooperativeId: f.n.coopA.id, amount: 65_000 }]);
      const replay = await f.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${programId}/periods/2026-03/sponsor-payments`,
        headers: admin,
        payload: pay,
      });
      expect(replay.statusCode).toBe(200);
      const payments = await f.app.inject({
        method: 'GET',
        url: `/api/v1/cooperatives/${f.n.coopA.id}/payments`,
        headers: bearer(f.tokens.managerA),
      });
      expect(payments.json().items).toMatchObject([{ amount: 65_000, receivedOn: '2026-04-02' }]);
      const rec = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/periods/2026-03/reconciliation`,
        headers: admin,
      });
      expect(rec.json().total).toEqual({
        ordered: 65_000,
        pickedUp: 65_000,
        subsidy: 15_000,
        deducted: 50_000,
        paidBySponsor: 65_000,
        payable: 0,
        collected: 0,
        open: 0,
      });
      // Weeks later the participant signs in again (sessions last 12 hours).
      const relogin = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/participants/login',
        payload: { nip: P1, password: 'rahasia-saya-123' },
      });
      expect(relogin.statusCode, relogin.body).toBe(200);
      participant = bearer(relogin.json().token);
      const mine = await f.app.inject({
        method: 'GET',
        url: `/api/v1/programs/${programId}/my/deductions`,
        headers: participant,
      });
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().items).toEqual([
        {
          month: '2026-03',
          amountDue: 50_000,
          amountDeducted: 50_000,
          status: 'berhasil',
          deductedIn: '2026-03',
          carriedTo: null,
          owedAtPickup: 0,
          collectedInCash: 0,
          open: 0,
        },
      ]);
      expect((await verifyDatabase(f.t.db)).checks.filter((c) => !c.ok)).toEqual([]);
    });
  });
}
