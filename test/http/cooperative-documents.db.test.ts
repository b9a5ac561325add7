import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/shared/ids.ts';
import { consignGula } from '../helpers/consigned-stock.ts';
import { ENGINES } from '../helpers/engines.ts';
import { buildHttpFixture, callAs, type HttpFixture, type UserKey } from '../helpers/http.ts';

interface Listed {
  id: string;
  number: string;
  date: string;
  lines: { productId: string; productName: string; quantity: number }[];
  value?: number;
  reversed: boolean;
  reversalId?: string;
}

/**
 * A cooperative's returns (RTR) and stock counts (SO) can be found again:
 * listed newest first (by date, then client id: UUIDv7) with their lines, searched by number, paged, and
 * marked once reversed. The fixture's clock is 10 March 2026, 10:00 WIB.
 */
for (const engine of ENGINES) {
  describe(`a cooperative's returns and stock counts over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    const coop = () => `/api/v1/cooperatives/${f.n.coopA.id}`;
    const list = async (
      what: 'returns' | 'stock-counts',
      query = '',
      user: UserKey = 'managerA',
    ) => {
      const res = await callAs(f, user, 'GET', `${coop()}/${what}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Listed[]; nextCursor?: string };
    };
    const count = async (qtyCounted: number) => {
      const res = await callAs(f, 'managerA', 'POST', `${coop()}/stock-counts`, {
        id: newId(),
        countedAt: '2026-03-10T02:00:00Z',
        lines: [{ productId: f.n.gula1.id, qtyCounted }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; number: string };
    };

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      await consignGula(f, f.n.coopA.id, 60);
    });
    afterAll(() => f.close());

    it('lists a return with its number, date, product and value at the hub cost', async () => {
      expect((await list('returns')).items).toEqual([]);
      const res = await callAs(f, 'managerA', 'POST', `${coop()}/returns`, {
        id: newId(),
        reason: 'Karung rusak',
        lines: [{ productId: f.n.gula1.id, qty: 2 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const { items } = await list('returns', '', 'cashierA');
      expect(items).toEqual([
        {
          id: res.json().id,
          number: res.json().number,
          date: '2026-03-10',
          lines: [{ productId: f.n.gula1.id, productName: expect.any(String), quantity: 2 }],
          value: 30_000,
          reason: 'Karung rusak',
          reversed: false,
        },
      ]);
      expect(items[0]!.lines[0]!.productName).toMatch(/gula/i);
    });

    it('lists stock counts newest first with each difference, pages them and finds one by number', async () => {
      const first = await count(57); // 58 on hand → 1 short
      const second = await count(58); // 57 on hand → 1 over
      const { items } = await list('stock-counts');
      expect(items.map((c) => [c.number, c.lines[0]!.quantity])).toEqual([
        [second.number, 1],
        [first.number, -1],
      ]);
      expect(items[1]!.value).toBeGreaterThan(0);
      expect(items[0]!.value).toBe(0);

      const page1 = await list('stock-counts', '?limit=1');
      expect(page1.items.map((c) => c.id)).toEqual([second.id]);
      const page2 = await list('stock-counts', `?limit=1&cursor=${page1.nextCursor}`);
      expect(page2.items.map((c) => c.id)).toEqual([first.id]);
      expect(page2.nextCursor).toBeUndefined();

      const tail = first.number.slice(-4).toLowerCase();
      const found = await list(
        'stock-counts',
        `?q=${encodeURIComponent(first.number.toLowerCase())}`,
      );
      expect(found.items.map((c) => c.id)).toEqual([first.id]);
      expect((await list('stock-counts', `?q=${tail}`)).items.map((c) => c.id)).toContain(first.id);
      expect((await list('stock-counts', '?q=XYZ-9999')).items).toEqual([]);
    });

    it('shows a reversed stock count as reversed, with its reversal', async () => {
      const c = await count(57);
      const rev = await callAs(
        f,
        'managerA',
        'POST',
        `/api/v1/documents/stock_count/${c.id}/reverse`,
        {
          id: newId(),
          reason: 'Dihitung dua kali',
        },
      );
      expect(rev.statusCode, rev.body).toBe(201);
      const { items } = await list('stock-counts', `?q=${encodeURIComponent(c.number)}`);
      expect(items).toMatchObject([{ id: c.id, reversed: true, reversalId: rev.json().id }]);
    });

    it("hides one cooperative's documents from another's manager", async () => {
      for (const what of ['returns', 'stock-counts']) {
        const res = await callAs(f, 'managerB', 'GET', `${coop()}/${what}`);
        expect(res.statusCode).toBe(403);
      }
    });
  });
}
