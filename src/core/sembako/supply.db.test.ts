import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../test/helpers/engines.ts';
import { buildNetwork, type TestNetwork } from '../../../test/helpers/network.ts';
import { createDeliveryOrder } from '../consignment/index.ts';
import { findSupplyAtCooperatives } from './sembako.repository.ts';

// A store that sold past its books (offline sales before the count) holds a negative balance.
// It holds none: it must not take units off what is in transit or on a draft, or the proposal
// of deliveries would propose a draft's units again.
for (const engine of ENGINES) {
  describe(`what is on its way to a cooperative on ${engine}`, () => {
    let t: TestDatabase;
    let n: TestNetwork;
    beforeAll(async () => {
      t = await createTestDatabase(engine);
      n = await buildNetwork(t.db);
    });
    afterAll(() => t?.close());

    it('counts a store sold past its books as holding none, beside transit and drafts', async () => {
      const places = await t.db
        .selectFrom('location')
        .select(['id', 'kind'])
        .where('orgId', '=', n.coopA.id)
        .execute();
      const at = (kind: string) => places.find((p) => p.kind === kind)!.id;
      await t.db
        .insertInto('stockBalance')
        .values([
          {
            orgId: n.coopA.id,
            locationId: at('store'),
            productId: n.gula1.id,
            ownerOrgId: n.hub.id,
            qty: -3,
            value: -45_000,
          },
          {
            orgId: n.coopA.id,
            locationId: at('transit'),
            productId: n.gula1.id,
            ownerOrgId: n.hub.id,
            qty: 2,
            value: 30_000,
          },
        ])
        .execute();
      await t.db.transaction().execute((db) =>
        createDeliveryOrder(db, n.ctx, {
          cooperativeId: n.coopA.id,
          lines: [{ productId: n.gula1.id, qty: 5 }],
        }),
      );
      const supply = await findSupplyAtCooperatives(t.db, n.hub.id, [n.coopA.id]);
      expect(supply.get(`${n.coopA.id}|${n.gula1.id}`)).toBe(7);
    });
  });
}
