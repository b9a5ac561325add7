import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import {
  checkQrisMerchant,
  getQrisMerchant,
  setQrisMerchant,
  type QrisMerchantInput,
} from './index.ts';

const SIPIN: QrisMerchantInput = {
  nmid: ' id1026157100001 ',
  mcc: '5411',
  name: 'KDKMP Simpang IV Sipin',
  city: 'KOTA JAMBI',
  postalCode: '36124',
  criteria: 'UMI',
};

describe('QRIS merchant checks', () => {
  it('normalises the NMID to upper case and drops an empty postal code', () => {
    const { value, errors } = checkQrisMerchant({ ...SIPIN, postalCode: ' ' });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ nmid: 'ID1026157100001', postalCode: null });
  });

  it('names each field that breaks the QRIS rules', () => {
    const { errors } = checkQrisMerchant({
      nmid: 'ID-1026',
      mcc: '541',
      name: 'Koperasi Desa Merah Putih Simpang',
      city: 'Kota Jambi — Sipin',
      postalCode: '3612',
      criteria: 'XXX' as never,
    });
    expect(errors.map((e) => e.path)).toEqual([
      '/nmid',
      '/mcc',
      '/name',
      '/city',
      '/postalCode',
      '/criteria',
    ]);
    expect(checkQrisMerchant({ ...SIPIN, nmid: 'A'.repeat(26) }).errors.map((e) => e.path)).toEqual(
      ['/nmid'],
    );
    expect(checkQrisMerchant({ ...SIPIN, name: '   ' }).errors.map((e) => e.path)).toEqual([
      '/name',
    ]);
  });
});

for (const engine of ENGINES) {
  describe(`QRIS merchant data on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    const tx = <T>(fn: (trx: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(fn);

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
    });
    afterAll(() => t.close());

    it('a cooperative without merchant data answers NotFound', async () => {
      await expect(getQrisMerchant(t.db, n.coopA.id)).rejects.toMatchObject({ code: 'NotFound' });
      await expect(getQrisMerchant(t.db, n.hub.id)).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('sets the data, reads it back, and replaces it on a second set', async () => {
      const set = await tx((db) => setQrisMerchant(db, n.ctx, n.coopA.id, SIPIN));
      expect(set).toMatchObject({ cooperativeId: n.coopA.id, nmid: 'ID1026157100001' });
      expect(await getQrisMerchant(t.db, n.coopA.id)).toEqual(set);
      await tx((db) =>
        setQrisMerchant(db, n.ctx, n.coopA.id, {
          ...SIPIN,
          name: 'KDKMP Sipin',
          postalCode: null,
          criteria: 'UKE',
        }),
      );
      expect(await getQrisMerchant(t.db, n.coopA.id)).toMatchObject({
        name: 'KDKMP Sipin',
        postalCode: null,
        criteria: 'UKE',
      });
      const rows = await t.db.selectFrom('qrisMerchant').selectAll().execute();
      expect(rows).toHaveLength(1);
      // Each cooperative has its own data: B still has none.
      await expect(getQrisMerchant(t.db, n.coopB.id)).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('refuses invalid data and writes nothing', async () => {
      await expect(
        tx((db) => setQrisMerchant(db, n.ctx, n.coopB.id, { ...SIPIN, mcc: '54110' })),
      ).rejects.toMatchObject({ code: 'ValidationFailed', details: [{ path: '/mcc' }] });
      await expect(tx((db) => setQrisMerchant(db, n.ctx, n.hub.id, SIPIN))).rejects.toMatchObject({
        code: 'NotFound',
      });
      await expect(getQrisMerchant(t.db, n.coopB.id)).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('the table itself refuses what the command would (constraints on both engines)', async () => {
      const row = {
        org_id: n.coopB.id,
        nmid: 'ID1026157100002',
        mcc: '5411',
        name: 'KDKMP B',
        city: 'KOTA JAMBI',
        postal_code: null,
        criteria: 'UMI',
        updated_at: '2026-03-10T00:00:00Z',
      };
      const insert = (r: Record<string, unknown>) =>
        sql`insert into qris_merchant (org_id, nmid, mcc, name, city, postal_code, criteria, updated_at)
            values (${r.org_id}, ${r.nmid}, ${r.mcc}, ${r.name}, ${r.city}, ${r.postal_code}, ${r.criteria}, ${r.updated_at})`.execute(
          t.db,
        );
      for (const bad of [
        { mcc: '541' },
        { name: 'x'.repeat(26) },
        { city: 'x'.repeat(16) },
        { postal_code: '123' },
        { criteria: 'ABC' },
        { org_id: 'no-such-org' },
      ])
        await expect(insert({ ...row, ...bad }), JSON.stringify(bad)).rejects.toThrow();
      await insert(row);
      await expect(insert(row)).rejects.toThrow();
    });
  });
}
