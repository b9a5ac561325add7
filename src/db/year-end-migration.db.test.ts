import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/helpers/engines.ts';
import { consignGula } from '../../test/helpers/consigned-stock.ts';
import { buildHttpFixture, callAs, type HttpFixture } from '../../test/helpers/http.ts';
import { insertMember } from '../../test/helpers/savings.ts';
import { verifyDatabase } from '../core/integrity/index.ts';
import { migrations } from './migrations/index.ts';

const BEFORE = '2026_12_06_1730_add_credit_loss_provision';
const YEAR_END_TABLES = [
  'manual_journal_entry',
  'fixed_asset',
  'depreciation',
  'fiscal_year_close',
];

/**
 * The SAK EP chart and the year-end tables leave a database written before
 * them as it was: a small network's sales, savings and payments (only tables
 * older than the year end) have the same trial balances and pass `lumbung
 * verify` with the schema at `2026_12_06_1730_add_credit_loss_provision`
 * (taken back to it) and again at the latest. Today's commands and checks
 * read `fiscal_year_close` (the closed-year lock), so the network is written
 * at the latest schema and the year-end tables are then dropped down to 1730:
 * the older tables hold exactly what the commands wrote.
 */
for (const engine of ENGINES) {
  describe(`a database from before the year end, migrated (${engine})`, () => {
    let f: HttpFixture;
    const migrator = () =>
      new Migrator({ db: f.t.db, provider: { getMigrations: async () => migrations } });
    const trialBalances = async () => {
      const out: Record<string, unknown> = {};
      for (const org of [f.n.hub.id, f.n.coopA.id]) {
        const res = await callAs(f, 'hubAdmin', 'GET', `/api/v1/orgs/${org}/ledger/trial-balance`);
        expect(res.statusCode, res.body).toBe(200);
        out[org] = res.json();
      }
      return out;
    };
    const tables = async () =>
      engine === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table'`.execute(f.t.db)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = current_schema()`.execute(f.t.db)
          ).rows.map((r) => r.name);

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const coop = f.n.coopA.id;
      await consignGula(f, coop, 40);
      const sale = await callAs(f, 'cashierA', 'POST', `/api/v1/cooperatives/${coop}/sales`, {
        sales: [
          {
            id: randomUUID(),
            occurredAt: '2026-03-09T03:00:00Z',
            paymentMethod: 'cash',
            lines: [{ productId: f.n.gula1.id, qty: 12, unitPrice: 17_500 }],
          },
        ],
      });
      expect(sale.statusCode, sale.body).toBe(200);
      const member = await insertMember(f.t.db, coop, {
        memberNo: '0001',
        name: 'Siti Aminah',
        joinedOn: '2026-01-15',
      });
      const rules = await callAs(
        f,
        'managerA',
        'PUT',
        `/api/v1/cooperatives/${coop}/savings-rules`,
        {
          effectiveFrom: '2026-01-01',
          pokok: 100_000,
          wajibMonthly: 10_000,
        },
      );
      expect(rules.statusCode, rules.body).toBe(200);
      const pokok = await callAs(
        f,
        'cashierA',
        'POST',
        `/api/v1/cooperatives/${coop}/members/${member}/savings`,
        { id: randomUUID(), kind: 'pokok', direction: 'deposit', amount: 100_000, method: 'cash' },
      );
      expect(pokok.statusCode, pokok.body).toBe(201);
      const payment = await callAs(f, 'hubAdmin', 'POST', `/api/v1/cooperatives/${coop}/payments`, {
        id: randomUUID(),
        amount: 150_000,
        receivedOn: '2026-03-10',
        method: 'transfer',
        reference: 'TRF-UJI-1',
      });
      expect(payment.statusCode, payment.body).toBe(201);
    });
    afterAll(async () => {
      await f?.close();
    });

    it('verify passes and the trial balances stay the same at 1730 and after migrating to the latest', async () => {
      const failing = async () => (await verifyDatabase(f.t.db)).checks.filter((c) => !c.ok);
      expect(await failing()).toEqual([]);
      const books = await trialBalances();
      expect(Object.values(books).every((b) => (b as { accounts: [] }).accounts.length > 0)).toBe(
        true,
      );

      const down = await migrator().migrateTo(BEFORE);
      if (down.error) throw down.error;
      expect(await tables()).not.toEqual(expect.arrayContaining([YEAR_END_TABLES[0]]));
      expect(await trialBalances()).toEqual(books);

      const up = await migrator().migrateToLatest();
      if (up.error) throw up.error;
      expect(await tables()).toEqual(expect.arrayContaining(YEAR_END_TABLES));
      expect(await failing()).toEqual([]);
      expect(await trialBalances()).toEqual(books);
    });
  });
}
