import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { createOrganization, createParticipation } from '../network/index.ts';
import { newId } from '../shared/ids.ts';
import { readKeptEpoch } from './kept.repository.ts';

/** The clock of `buildNetwork`: 10 March 2026. */
const NOW = new Date('2026-03-10T03:00:00Z');
const MONTH_ENDS = ['2026-01-31', '2026-02-28'];

/**
 * A hub's risk reads a cooperative's statements and credits of every hub it takes part with, so
 * a document of one hub dated in the past forgets the kept views of the cooperative's other hubs
 * too, and only theirs.
 */
for (const engine of ENGINES) {
  describe(`kept views of a cooperative's two hubs, on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let second: string;
    let unrelated: string;
    const keptOf = async (hubId: string) =>
      (
        await t.db
          .selectFrom('positionMonthEnd')
          .select('monthEnd')
          .where('orgId', '=', hubId)
          .orderBy('monthEnd')
          .execute()
      ).map((r) => r.monthEnd);
    /** A payment of `coopId` received by `hubId` on `date`, in the hub's books. */
    const paymentInBooks = (hubId: string, coopId: string, date: string) =>
      postJournalEntries(
        t.db,
        [
          {
            orgId: hubId,
            book: 'hub',
            date,
            docType: 'payment',
            docId: newId(),
            memo: 'Pembayaran',
            lines: [
              { account: HUB.kas, debit: 1_000, credit: 0 },
              {
                account: HUB.piutangKonsinyasi,
                debit: 0,
                credit: 1_000,
                counterpartyOrgId: coopId,
              },
            ],
          },
        ],
        NOW,
      );

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
      const hubs = [];
      for (const name of ['Hub Kedua', 'Hub Lain'])
        hubs.push(await createOrganization(t.db, { kind: 'hub', name, regionCode: '15' }, n.clock));
      [second, unrelated] = hubs.map((h) => h.id) as [string, string];
      // Koperasi A takes part with the second hub too; Koperasi B only with the first.
      await createParticipation(
        t.db,
        n.coopA.id,
        { hubId: second, agreementNo: 'PKS/2/A', startDate: '2026-01-01', exposureLimit: 1 },
        n.clock,
      );
    });
    afterAll(() => t.close());
    beforeEach(async () => {
      await t.db.deleteFrom('positionMonthEnd').execute();
      await t.db
        .insertInto('positionMonthEnd')
        .values(
          [n.hub.id, second, unrelated].flatMap((orgId) =>
            MONTH_ENDS.map((monthEnd) => ({ orgId, monthEnd, positions: '[]', madeAt: 'now' })),
          ),
        )
        .execute();
    });

    it("a past payment to the second hub forgets the first hub's month ends from its date too", async () => {
      const before = await readKeptEpoch(t.db, n.hub.id);
      await paymentInBooks(second, n.coopA.id, '2026-02-10');
      expect(await keptOf(second)).toEqual(['2026-01-31']);
      expect(await keptOf(n.hub.id)).toEqual(['2026-01-31']);
      expect(await readKeptEpoch(t.db, n.hub.id)).toBe(before + 1);
      // A hub the cooperative has nothing to do with keeps everything.
      expect(await keptOf(unrelated)).toEqual(MONTH_ENDS);
    });

    it("a past payment of a cooperative of one hub only forgets that hub's views alone", async () => {
      const before = await readKeptEpoch(t.db, second);
      await paymentInBooks(n.hub.id, n.coopB.id, '2026-01-15');
      expect(await keptOf(n.hub.id)).toEqual([]);
      expect(await keptOf(second)).toEqual(MONTH_ENDS);
      expect(await readKeptEpoch(t.db, second)).toBe(before);
    });

    it('a payment of the last seven days forgets nothing, of either hub', async () => {
      await paymentInBooks(second, n.coopA.id, '2026-03-05');
      for (const hub of [n.hub.id, second, unrelated])
        expect(await keptOf(hub)).toEqual(MONTH_ENDS);
    });
  });
}
