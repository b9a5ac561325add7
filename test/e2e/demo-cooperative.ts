import { v7 as uuidv7 } from 'uuid';
import { apiOf } from './browser.ts';

/** A demo cooperative and the sugar it sells, found through the hub admin's API. */
export interface DemoCooperative {
  hubToken: string;
  coopId: string;
  gula: { id: string; name: string; retailPrice: number; consignmentPrice: number };
}

/** The demo cooperative named `name` and the gula 1 kg pack, with a hub admin's token. */
export async function demoCooperative(base: string, name: string): Promise<DemoCooperative> {
  const api = apiOf(base);
  const hubToken = await api.tokenOf('admin@kana.demo');
  const { body: coops } = await api.as(hubToken, 'GET', '/api/v1/cooperatives?limit=200');
  const { body: products } = await api.as(hubToken, 'GET', '/api/v1/products');
  return {
    hubToken,
    coopId: coops.items.find((c: { name: string }) => c.name === name).id,
    gula: products.items.find(
      (p: { commodity: string; name: string }) => p.commodity === 'gula' && /1 ?kg/i.test(p.name),
    ),
  };
}

/** A cash sale of `qty` packs of gula at its retail price, made now through the API; its id. */
export async function cashSale(
  base: string,
  token: string,
  coopId: string,
  gula: DemoCooperative['gula'],
  qty: number,
): Promise<string> {
  const id = uuidv7();
  const { body } = await apiOf(base).as(token, 'POST', `/api/v1/cooperatives/${coopId}/sales`, {
    sales: [
      {
        id,
        occurredAt: new Date().toISOString(),
        paymentMethod: 'cash',
        lines: [{ productId: gula.id, qty, unitPrice: gula.retailPrice }],
      },
    ],
  });
  if (body.results?.[0]?.status !== 'created') throw new Error(JSON.stringify(body));
  return id;
}
