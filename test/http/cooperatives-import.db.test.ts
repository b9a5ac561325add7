import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVillagesIn } from '../../src/core/network/index.ts';
import { writeXlsx } from '../../src/core/shared/xlsx.ts';
import { ENGINES } from '../helpers/engines.ts';
import { PASSWORD, bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';
import { cooperativeOfAnotherHub } from '../helpers/other-hub.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['nama', 'kode_desa', 'nama_pengurus', 'email_pengurus', 'telepon'];

interface ImportAnswer {
  imported: number;
  updated: number;
  rejected: { row: number; errors: string[] }[];
}

/**
 * A hub admin sets up its network from a file: cooperatives by Kemendagri
 * village code, one per village, their chairman and manager; bad rows are
 * reported by their line in the file, an unreadable file is refused whole.
 */
for (const engine of ENGINES) {
  describe(`importCooperatives over HTTP (${engine})`, () => {
    let f: HttpFixture;
    /** Real village codes no cooperative of the test network uses, handed out in turn. */
    let pool: string[];
    const take = (n: number) => pool.splice(0, n);

    const send = (
      body: string | Buffer,
      type = 'text/csv',
      user: 'hubAdmin' | 'hubStaff' = 'hubAdmin',
    ) =>
      f.app.inject({
        method: 'POST',
        url: '/api/v1/cooperatives/import',
        headers: { ...bearer(f.tokens[user]), 'content-type': type },
        payload: body,
      });
    const imported = async (body: string | Buffer, type?: string) => {
      const res = await send(body, type);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ImportAnswer;
    };
    const counts = (a: ImportAnswer) => ({
      imported: a.imported,
      updated: a.updated,
      rows: a.rejected.map((r) => r.row),
    });
    const count = async (table: 'organization' | 'appUser' | 'officer') =>
      Number(
        (
          await f.t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const coopOf = (villageCode: string) =>
      f.t.db
        .selectFrom('organization')
        .selectAll()
        .where('villageCode', '=', villageCode)
        .executeTakeFirst();
    const csv = (rows: string[][], delimiter = ';') =>
      [HEADER, ...rows].map((r) => r.join(delimiter)).join('\r\n') + '\r\n';

    /** 20 rows, three of them bad: an unknown village (line 5), no name (9), a village twice (14). */
    function twentyRows(codes: string[]): string[][] {
      const rows = codes.slice(0, 20).map((code, i) => [`KDKMP Uji ${i + 1}`, code, '', '', '']);
      rows[0] = [
        'KDKMP Uji 1',
        codes[0]!,
        'Siti Aminah',
        'Siti.Aminah@Koperasi.example',
        '0812-3456-7890',
      ];
      rows[2] = ['=SUM(A1:A9)', codes[2]!, '', '', ''];
      rows[3] = ['KDKMP Uji 4', '15.71.99.9999', '', '', ''];
      rows[7] = ['', codes[7]!, '', '', ''];
      rows[12] = ['KDKMP Uji 13', codes[1]!, '', '', ''];
      return rows;
    }

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const used = new Set(
        (await f.t.db.selectFrom('organization').select('villageCode').execute()).map(
          (o) => o.villageCode,
        ),
      );
      pool = (await listVillagesIn('15')).map((v) => v.code).filter((c) => !used.has(c));
    });
    afterAll(() => f.close());

    it('imports 17 of 20 rows and reports the 3 bad ones by their line (header = row 1); the same file again creates nothing', async () => {
      const codes = take(20);
      const file = csv(twentyRows(codes));
      const before = await count('organization');
      const answer = await imported(file);
      expect(counts(answer)).toEqual({ imported: 17, updated: 0, rows: [5, 9, 14] });
      const [unknown, noName, twice] = answer.rejected;
      expect(unknown!.errors.join()).toMatch(
        /15\.71\.99\.9999 tidak dikenal.*unknown Kemendagri village code/,
      );
      expect(noName!.errors).toEqual(['nama wajib diisi (name required)']);
      expect(twice!.errors.join()).toMatch(
        /ganda dalam berkas, sudah di baris 3.*village already on row 3/,
      );
      expect(await count('organization')).toBe(before + 17);
      // Not imported: the bad rows' own villages.
      expect(await coopOf(codes[7]!)).toBeUndefined();
      // A formula-looking name is stored as the text it is.
      expect((await coopOf(codes[2]!))?.name).toBe('=SUM(A1:A9)');
      const first = await coopOf(codes[0]!);
      expect(first).toMatchObject({
        name: 'KDKMP Uji 1',
        kind: 'cooperative',
        villageCode: codes[0],
      });
      expect(first?.villageName).toBeTruthy();

      const users = await count('appUser');
      const officers = await count('officer');
      expect(counts(await imported(file))).toEqual({ imported: 0, updated: 17, rows: [5, 9, 14] });
      expect(await count('organization')).toBe(before + 17);
      expect(await count('appUser')).toBe(users);
      expect(await count('officer')).toBe(officers);
    });

    it('creates the manager of a row with an e-mail: coop_manager of that cooperative, invited (no password signs in until an activation code sets one)', async () => {
      const [code] = take(1);
      const res = await send(
        csv([['KDKMP Manajer', code!, 'Budi Hartono', 'budi.h@koperasi.example', '081298765432']]),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ imported: 1, updated: 0, rejected: [] });
      const coop = await coopOf(code!);
      const user = await f.t.db
        .selectFrom('appUser')
        .selectAll()
        .where('email', '=', 'budi.h@koperasi.example')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ name: 'Budi Hartono', disabled: 0, phone: '081298765432' });
      // No password is set: the stored hash is no argon2 hash, so nothing verifies against it.
      expect(user.passwordHash.startsWith('$argon2')).toBe(false);
      const memberships = await f.t.db
        .selectFrom('membership')
        .selectAll()
        .where('userId', '=', user.id)
        .execute();
      expect(memberships).toEqual([{ userId: user.id, orgId: coop!.id, role: 'coop_manager' }]);
      const officers = await f.t.db
        .selectFrom('officer')
        .selectAll()
        .where('orgId', '=', coop!.id)
        .execute();
      expect(officers).toMatchObject([
        { role: 'ketua', name: 'Budi Hartono', phone: '081298765432' },
      ]);
      for (const password of [PASSWORD, '!', '', 'budi.h@koperasi.example']) {
        const login = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'budi.h@koperasi.example', password },
        });
        expect(login.statusCode, password).not.toBe(200);
      }
      // The same e-mail on another cooperative's row is someone else's: refused.
      const [other] = take(1);
      const taken = await send(
        csv([['KDKMP Lain', other!, 'Budi Hartono', 'BUDI.H@koperasi.example', '']]),
      );
      expect(taken.json()).toMatchObject({ imported: 0, rejected: [{ row: 2 }] });
      expect((taken.json() as ImportAnswer).rejected[0]!.errors.join()).toMatch(/already in use/);
      // Re-imported with a new phone: the chairman is updated, no second user.
      const again = await send(
        csv([['KDKMP Manajer', code!, 'Budi Hartono', 'budi.h@koperasi.example', '081200001111']]),
      );
      expect(again.json()).toEqual({ imported: 0, updated: 1, rejected: [] });
      expect(
        await f.t.db
          .selectFrom('officer')
          .select(['name', 'phone'])
          .where('orgId', '=', coop!.id)
          .execute(),
      ).toEqual([{ name: 'Budi Hartono', phone: '081200001111' }]);
    });

    it('reads comma-separated files too, and refuses another name on a village that has its KDKMP', async () => {
      const [a, b] = take(2);
      const res = await send(
        csv(
          [
            ['KDKMP Koma', a!, '', '', ''],
            ['KDKMP Koma Dua', b!, '', '', ''],
          ],
          ',',
        ),
      );
      expect(res.json()).toEqual({ imported: 2, updated: 0, rejected: [] });
      const clash = await send(
        csv(
          [
            ['  kdkmp   koma ', a!, '', '', ''],
            ['Koperasi Lain', b!, '', '', ''],
          ],
          ',',
        ),
      );
      const answer = clash.json() as ImportAnswer;
      expect(answer).toMatchObject({ imported: 0, updated: 1, rejected: [{ row: 3 }] });
      expect(answer.rejected[0]!.errors.join()).toMatch(/sudah memiliki KDKMP KDKMP Koma Dua/);
      expect((await coopOf(b!))?.name).toBe('KDKMP Koma Dua');
    });

    it('refuses a village whose cooperative takes part with another hub, without naming or changing it', async () => {
      const [v] = take(1);
      const { coop } = await cooperativeOfAnotherHub(f.t.db, f.n.clock, v!, {
        hub: 'Hub Lain',
        cooperative: 'KDKMP Jaringan Lain',
      });
      const answer = await imported(
        csv([['KDKMP Jaringan Lain', v!, 'Penyusup', '', '0812-0000-0000']]),
      );
      expect(counts(answer)).toEqual({ imported: 0, updated: 0, rows: [2] });
      expect(answer.rejected[0]!.errors.join()).toMatch(/jaringan hub lain/);
      expect(answer.rejected[0]!.errors.join()).not.toMatch(/Jaringan Lain/);
      const officers = await f.t.db
        .selectFrom('officer')
        .selectAll()
        .where('orgId', '=', coop.id)
        .execute();
      expect(officers).toEqual([]);
    });

    it('reads an XLSX workbook (written by the export writer), rows numbered as the sheet', async () => {
      const codes = take(3);
      const book = writeXlsx('Koperasi', [
        HEADER,
        ['KDKMP Xlsx 1', codes[0]!, 'Rina', 'rina@koperasi.example', '081211112222'],
        ['KDKMP Xlsx 2', '99.99.99.9999', '', '', ''],
        ['KDKMP Xlsx 3', codes[1]!, '', '', ''],
      ]);
      const res = await send(Buffer.from(book), XLSX);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json() as ImportAnswer;
      expect(answer).toMatchObject({ imported: 2, updated: 0, rejected: [{ row: 3 }] });
      expect((await coopOf(codes[1]!))?.name).toBe('KDKMP Xlsx 3');
      const rina = await f.t.db
        .selectFrom('appUser')
        .select(['disabled', 'passwordHash'])
        .where('email', '=', 'rina@koperasi.example')
        .executeTakeFirst();
      expect(rina).toEqual({ disabled: 0, passwordHash: '!' });
    });

    it('refuses an unreadable file whole, writing nothing', async () => {
      const [code] = take(1);
      const before = await count('organization');
      const good = ['KDKMP Tak Tersimpan', code!, '', '', ''];
      // Binary as CSV (NUL bytes), binary as XLSX (not a zip), a broken zip.
      const binary = Buffer.concat([
        Buffer.from(csv([good])),
        randomBytes(64),
        Buffer.from([0, 0xff]),
      ]);
      const refusals = [
        await send(binary),
        await send(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]), XLSX),
        await send(Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(200)]), XLSX),
        // No `kode_desa` column: a wrong delimiter or another file.
        await send(`nama|kode_desa\nKDKMP Pipa|${code}\n`),
        await send(`nama;desa\nKDKMP Salah;${code}\n`),
      ];
      for (const r of refusals) {
        expect(r.statusCode, r.body).toBe(400);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.json()).toMatchObject({ code: 'ValidationFailed' });
      }
      // Over the row limit (5,000 rows): 413, before anything is read into the database.
      const over = await send(csv(Array.from({ length: 5_001 }, () => good)));
      expect(over.statusCode, over.body).toBe(413);
      // Not a file type the operation takes.
      expect((await send('x', 'application/pdf')).statusCode).toBe(415);
      expect(await count('organization')).toBe(before);
      expect(await coopOf(code!)).toBeUndefined();
    });

    it('is the hub admin’s: hub staff are refused before anything is read', async () => {
      const [code] = take(1);
      const res = await send(csv([['KDKMP Staf', code!, '', '', '']]), 'text/csv', 'hubStaff');
      expect(res.statusCode).toBe(403);
      expect(await coopOf(code!)).toBeUndefined();
    });
  });
}
