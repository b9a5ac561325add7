import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentReferenceOf } from '../../src/core/network/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import { ACCOUNT, mt940 } from '../helpers/bank-mt940.ts';
import { bearer, buildHttpFixture, callAs, type HttpFixture } from '../helpers/http.ts';

const refB = paymentReferenceOf('15.71.01.1002');

/**
 * A bank statement file that is broken is refused whole with the reason
 * (its balances, a cut, its encoding, its format, its account) and leaves
 * nothing behind; a good one may come as JSON `{file}` in base64 too.
 */
for (const engine of ENGINES) {
  describe(`bank statement files over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    beforeAll(async () => {
      f = await buildHttpFixture(engine);
    }, 120_000);
    afterAll(() => f.close());

    const upload = (text: string | Buffer, query = '') =>
      f.app.inject({
        method: 'POST',
        url: `/api/v1/bank-statements${query}`,
        headers: { ...bearer(f.tokens.hubAdmin), 'content-type': 'application/octet-stream' },
        payload: Buffer.isBuffer(text) ? text : Buffer.from(text),
      });
    const counts = async () => ({
      statements: (await f.t.db.selectFrom('bankStatement').select('id').execute()).length,
      lines: (await f.t.db.selectFrom('bankLine').select('id').execute()).length,
      payments: (await f.t.db.selectFrom('payment').select('id').execute()).length,
    });

    it('refuses a broken file whole, saying why, and keeps nothing of it', async () => {
      const before = await counts();
      const good = mt940([
        { date: '2026-03-09', mark: 'C', amount: 70_000, ref: 'FT0309A', remark: refB },
      ]);
      const cases: [string | Buffer, string, RegExp][] = [
        [
          good.replace(/:62F:C260309IDR(\d+),00/, ':62F:C260309IDR1,00'),
          '',
          /saldo awal Rp 50\.000\.000,00 .*saldo akhir Rp 1,00/,
        ],
        [good.slice(0, good.indexOf(':62F:')), '', /terpotong/],
        [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]), '', /UTF-16/],
        [Buffer.from([0x3a, 0x32, 0x30, 0x3a, 0xc3, 0x28, 0x0a]), '', /UTF-8/],
        ['Hello, this is no bank statement\n', '', /format tidak dikenali/],
        [good, '?accountNo=999', /rekening 1100012345678, bukan 999/],
      ];
      for (const [file, query, message] of cases) {
        const res = await upload(file, query);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().code).toBe('ValidationFailed');
        expect(res.json().detail ?? res.json().title).toBeDefined();
        expect(JSON.stringify(res.json())).toMatch(message);
      }
      expect(await counts()).toEqual(before);
    });

    it('takes the file as JSON {file} in base64 too, and lists the imports', async () => {
      const file = mt940([{ date: '2026-03-09', mark: 'D', amount: 6_500, remark: 'BIAYA ADM' }]);
      const res = await callAs(f, 'hubAdmin', 'POST', '/api/v1/bank-statements', {
        file: Buffer.from(file).toString('base64'),
      });
      expect(res.statusCode, res.body).toBe(201);
      const list = (await callAs(f, 'hubAdmin', 'GET', '/api/v1/bank-statements')).json().items;
      expect(list[0]).toMatchObject({
        id: res.json().statementId,
        format: 'mt940',
        accountNo: ACCOUNT,
        lines: 1,
        newLines: 1,
      });
      expect(
        (await callAs(f, 'hubAdmin', 'GET', '/api/v1/bank-statements/demo-file')).statusCode,
      ).toBe(404);
    });
  });
}
