import type { Kysely } from 'kysely';
import {
  COOP,
  postDepreciation,
  recordJournalEntry,
  registerFixedAsset,
} from '../core/ledger/index.ts';
import {
  closeFiscalYear,
  distributeShu,
  setShuRules,
  type ShuRulesInput,
} from '../core/yearend/index.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../core/shared/business-date.ts';
import type { CommandContext } from '../core/shared/context.ts';
import { newId } from '../core/shared/ids.ts';
import type { Database } from '../db/database.ts';
import { seededRandom } from './random.ts';
import type { PilotCoop } from './seed-pilot-history.ts';

/** The demo's AD/ART split of SHU (percent of the year's SHU; jasa usaha + jasa modal = jasa anggota). */
export const DEMO_SHU_RULES: ShuRulesInput = {
  allocation: [
    { key: 'cadangan', percent: 40 },
    { key: 'jasa_anggota', percent: 40 },
    { key: 'pengurus', percent: 5 },
    { key: 'karyawan', percent: 5 },
    { key: 'pendidikan', percent: 5 },
    { key: 'sosial', percent: 5 },
  ],
  jasaUsahaPercent: 25,
  jasaModalPercent: 15,
};

/** The year the pilots have closed, and the day of their RAT that approved it. */
export const DEMO_CLOSED_YEAR = 2025;
export const DEMO_RAT_DATE = '2026-03-14';
/** The pilots' equipment, bought in their first month from the members' pokok in Kas. */
const ASSET = { name: 'Etalase kaca dan lemari pendingin', cost: 4_800_000, months: 48 };
const ASSET_BOUGHT_ON = '2025-01-15';

/**
 * A pilot's running costs of a month, paid on its last day: the shop
 * keeper's wage by bank transfer (the first month, before any subsidy had
 * arrived, in cash), the rest in cash.
 */
function expensesOf(p: PilotCoop, date: string, rnd: ReturnType<typeof seededRandom>) {
  const round = (n: number) => Math.round(n / 5_000) * 5_000;
  return [
    {
      account: COOP.bebanGaji,
      memo: 'Gaji penjaga toko',
      amount: 900_000,
      from: date < '2025-02-01' ? COOP.kas : COOP.bank,
    },
    {
      account: COOP.bebanListrik,
      memo: 'Listrik toko (token PLN)',
      amount: round(120_000 + rnd.int(0, 60_000) + p.size * 40_000),
      from: COOP.kas,
    },
    { account: COOP.bebanSewa, memo: 'Sewa tempat usaha', amount: 250_000, from: COOP.kas },
    {
      account: COOP.bebanTransportasi,
      memo: 'Transportasi ambil barang dan antar pesanan',
      amount: round(80_000 + rnd.int(0, 80_000)),
      from: COOP.kas,
    },
  ];
}

/**
 * The pilots' books beyond the commands' postings, day by day (inside the
 * day's transaction): the equipment bought in January 2025 and its monthly
 * depreciation, the month's wages, electricity, rent and transport as manual
 * entries, and at the RAT in March 2026 the 2025 year end: the AD/ART split
 * (`DEMO_SHU_RULES`), the close, and for the first pilot its members' SHU
 * credited to their sukarela.
 */
export function demoYearEnd(pilots: readonly PilotCoop[], ctx: CommandContext) {
  const rnd = seededRandom(3101);
  return {
    async day(db: Kysely<Database>, date: string): Promise<void> {
      for (const p of pilots) {
        if (date === ASSET_BOUGHT_ON)
          await registerFixedAsset(db, ctx, p.org.id, {
            id: newId(),
            name: ASSET.name,
            accountCode: COOP.peralatan,
            acquiredOn: date,
            cost: ASSET.cost,
            usefulLifeMonths: ASSET.months,
            paidFromAccount: COOP.kas,
          });
        if (date.endsWith('-01') && date > ASSET_BOUGHT_ON)
          await postDepreciation(db, ctx, { month: addMonths(monthOf(date), -1), orgId: p.org.id });
        if (date === lastDayOfMonth(monthOf(date)))
          for (const e of expensesOf(p, date, rnd))
            await recordJournalEntry(db, ctx, p.org.id, {
              id: newId(),
              date,
              memo: `${e.memo} ${monthOf(date)}`,
              lines: [
                { accountCode: e.account, debit: e.amount, credit: 0 },
                { accountCode: e.from, debit: 0, credit: e.amount },
              ],
            });
        if (date === DEMO_RAT_DATE) {
          await setShuRules(db, ctx, p.org.id, DEMO_CLOSED_YEAR, DEMO_SHU_RULES);
          await closeFiscalYear(db, ctx, p.org.id, DEMO_CLOSED_YEAR);
          if (p === pilots[0])
            await distributeShu(db, ctx, p.org.id, DEMO_CLOSED_YEAR, {
              id: newId(),
              method: 'sukarela',
              date,
            });
        }
      }
    },
  };
}
