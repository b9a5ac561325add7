import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { createDeliveryOrder, listDeliveryOrders } from '../consignment/index.ts';
import { createOrganization, findOrganizationById, paymentReferenceOf } from '../network/index.ts';
import { closeSettlementPeriod, recordPayment } from '../settlement/index.ts';
import { isDomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { allocateDocumentNumber, findSequences, issuerCodeOf } from './index.ts';

/** The place of a number in its year: `SJ/KCJ/2026/03/0007` → 7. */
const seq = (number: string) => Number(number.split('/').at(-1));

for (const engine of ENGINES) {
  describe(`document numbers on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    let code = '';

    beforeAll(async () => {
      t = await createTestDatabase(engine, { poolSize: 25 });
      n = await buildNetwork(t.db);
      code = issuerCodeOf(n.hub);
    });
    afterAll(() => t.close());

    const tx = <T>(fn: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);
    const order = (input: { id?: string; date?: string; coopId?: string } = {}) =>
      tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          id: input.id,
          cooperativeId: input.coopId ?? n.coopA.id,
          date: input.date,
          lines: [{ productId: n.gula1.id, qty: 1 }],
        }),
      );

    it("numbers the hub's surat jalan one after another across its cooperatives, in the month of each date", async () => {
      const id = newId();
      const a = await order({ id, date: '2026-02-27' });
      const b = await order({ coopId: n.coopB.id });
      const c = await order({ date: '2026-03-01' });
      expect([a.number, b.number, c.number]).toEqual([
        `SJ/${code}/2026/02/0001`,
        `SJ/${code}/2026/03/0002`,
        `SJ/${code}/2026/03/0003`,
      ]);
      // A replay answers the first number and takes none.
      expect(await order({ id, date: '2026-02-27' })).toMatchObject({
        number: a.number,
        created: false,
      });
      expect(seq((await order()).number)).toBe(4);
    });

    it('a creation rolled back in its transaction, or refused by its checks, takes no number', async () => {
      await expect(
        tx(async (db) => {
          const o = await createDeliveryOrder(db, n.ctx, {
            cooperativeId: n.coopA.id,
            lines: [{ productId: n.gula1.id, qty: 1 }],
          });
          expect(seq(o.number)).toBe(5);
          throw new Error('refused after the insert');
        }),
      ).rejects.toThrow('refused after the insert');
      const refused = await tx((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: 'no-such-product', qty: 1 }],
        }),
      ).catch((e: unknown) => (isDomainError(e) ? e.code : 'crash'));
      expect(refused).toBe('ValidationFailed');
      expect((await order()).number).toBe(`SJ/${code}/2026/03/0005`);
      const listed = await listDeliveryOrders(t.db, { hubId: n.hub.id }, { limit: 50 });
      expect(listed.items.map((o) => seq(o.number)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    });

    it('finds a surat jalan by its number, whole or in part, in any case', async () => {
      const target = `SJ/${code}/2026/03/0003`;
      for (const q of [target, target.toLowerCase(), '03/0003', ' 0003 ']) {
        const page = await listDeliveryOrders(t.db, { hubId: n.hub.id, q }, { limit: 50 });
        expect(page.items.map((o) => o.number)).toEqual([target]);
      }
      const none = await listDeliveryOrders(t.db, { hubId: n.hub.id, q: '0%' }, { limit: 50 });
      expect(none.items).toEqual([]);
    });

    it('counts statements and payment receipts apart, each from 0001 in its own sequence', async () => {
      const statements = await tx((db) =>
        closeSettlementPeriod(db, n.ctx, n.hub.id, { periodEnd: '2026-02-28' }),
      );
      expect(statements.map((s) => s.number).sort()).toEqual([
        `TK/${code}/2026/02/0001`,
        `TK/${code}/2026/02/0002`,
      ]);
      const pay = (reference: string) =>
        tx((db) =>
          recordPayment(db, n.ctx, n.coopA.id, {
            id: newId(),
            amount: 10_000,
            method: 'transfer',
            reference,
          }),
        );
      await expect(
        tx(async (db) => {
          await recordPayment(db, n.ctx, n.coopB.id, {
            id: newId(),
            amount: 5_000,
            method: 'cash',
            reference: '',
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect((await pay('TRF-1')).number).toBe(`PB/${code}/2026/03/0001`);
      expect((await pay('TRF-2')).number).toBe(`PB/${code}/2026/03/0002`);
    });

    it('another hub counts its own documents, under its short code', async () => {
      const other = await createOrganization(
        t.db,
        { kind: 'hub', name: 'Koperasi Maju — Cabang Palembang', shortCode: 'MAJU-PLG' },
        n.clock,
      );
      const number = await tx((db) =>
        allocateDocumentNumber(db, { issuerId: other.id, kind: 'SJ', date: '2026-03-10' }),
      );
      expect(number).toBe('SJ/MAJU-PLG/2026/03/0001');
    });

    it('concurrent creations get distinct, consecutive numbers', async () => {
      const before = await findSequences(t.db, n.hub.id);
      const last = before.find((s) => s.kind === 'SJ' && s.year === 2026)!.lastNumber;
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => order({ coopId: i % 2 ? n.coopA.id : n.coopB.id })),
      );
      const numbers = created.map((o) => seq(o.number)).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => last + 1 + i));
      expect(
        (await findSequences(t.db, n.hub.id)).find((s) => s.kind === 'SJ' && s.year === 2026),
      ).toMatchObject({ lastNumber: last + 20 });
    });

    it('a new year starts again at 0001; a late document of the old year continues its count', async () => {
      const sequences = await findSequences(t.db, n.hub.id);
      const last = sequences.find((s) => s.kind === 'SJ' && s.year === 2026)!.lastNumber;
      n.clock.set('2027-01-04T03:00:00Z');
      try {
        const late = await order({ date: '2026-12-31' });
        const first = await order();
        const second = await order({ date: '2027-01-02' });
        expect(late.number).toBe(`SJ/${code}/2026/12/${String(last + 1).padStart(4, '0')}`);
        expect(first.number).toBe(`SJ/${code}/2027/01/0001`);
        expect(second.number).toBe(`SJ/${code}/2027/01/0002`);
      } finally {
        n.clock.set('2026-03-10T03:00:00Z');
      }
    });

    it('gives every cooperative its own payment reference, which the database keeps unique', async () => {
      const a = (await findOrganizationById(t.db, n.coopA.id))!;
      const b = (await findOrganizationById(t.db, n.coopB.id))!;
      expect(a.paymentReference).toBe(paymentReferenceOf('15.71.01.1001'));
      expect(b.paymentReference).toBe(paymentReferenceOf('15.71.01.1002'));
      expect(a.paymentReference).not.toBe(b.paymentReference);
      await expect(
        t.db
          .updateTable('organization')
          .set({ paymentReference: a.paymentReference })
          .where('id', '=', n.coopB.id)
          .execute(),
      ).rejects.toThrow(/unique/i);
    });
  });
}
