import type { Browser, Page } from 'playwright-core';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarehouseStock } from '../../src/http/routes/network/warehouse-stock.schemas.ts';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

type StockLine = Static<typeof WarehouseStock>['items'][number];

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(20), launchChromium()]);
}, 300_000);
afterAll(() => Promise.all([browser?.close(), server?.stop()]));

/** A quantity as the screens write it: thousands separated by a dot. */
const qty = (n: number) => new Intl.NumberFormat('id-ID').format(n);

/** The stock of a product at a warehouse, as the API reports it. */
async function stockOf(token: string, warehouseId: string, productId: string) {
  const r = await apiOf(server.url).as(token, 'GET', `/api/v1/hub/warehouses/${warehouseId}/stock`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const items = r.body.items as StockLine[];
  return {
    items,
    line: items.find((i) => i.productId === productId) ?? {
      onHand: 0,
      inTransit: 0,
      reserved: 0,
    },
  };
}

/** The row of a product in a warehouse's section of the screen. */
function rowOf(page: Page, warehouse: string, product: string) {
  return page
    .getByRole('region', { name: warehouse })
    .getByRole('row')
    .filter({ hasText: product });
}

describe("the warehouse staff's stock on hand (usability point 14)", () => {
  it('lands on "Stok gudang": each product with the quantities the movements give', async () => {
    const page = await signIn(browser, server.url, 'gudang@kana.demo', 360);
    await page.setViewportSize({ width: 360, height: 780 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Stok gudang');

    const api = apiOf(server.url);
    const staff = await api.tokenOf('gudang@kana.demo');
    const admin = await api.tokenOf('admin@kana.demo');
    const warehouses = (await api.as(staff, 'GET', '/api/v1/hub/warehouses')).body.items as {
      id: string;
      name: string;
    }[];
    const warehouse = warehouses[0]!;
    const products = (await api.as(staff, 'GET', '/api/v1/products')).body.items as {
      id: string;
      name: string;
    }[];
    const product = products[0]!;
    const before = (await stockOf(staff, warehouse.id, product.id)).line;

    // A goods receipt of 40 units, then a delivery of 15: a draft reserves them, the dispatch
    // takes them out of the warehouse and puts them on the way.
    const receipt = await api.as(staff, 'POST', '/api/v1/goods-receipts', {
      warehouseId: warehouse.id,
      supplierName: 'PT Uji Stok Gudang',
      lines: [{ productId: product.id, qty: 40, unitCost: 10_000 }],
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const coops = (await api.as(admin, 'GET', '/api/v1/cooperatives?limit=200')).body.items as {
      id: string;
    }[];
    const order = await api.as(staff, 'POST', '/api/v1/delivery-orders', {
      cooperativeId: coops[0]!.id,
      warehouseId: warehouse.id,
      lines: [{ productId: product.id, qty: 15 }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const drafted = (await stockOf(staff, warehouse.id, product.id)).line;
    expect(drafted.onHand).toBe(before.onHand + 40);
    expect(drafted.reserved).toBe(before.reserved + 15);
    const sent = await api.as(admin, 'POST', `/api/v1/delivery-orders/${order.body.id}/dispatch`, {
      override: { reason: 'Uji stok gudang' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const { items, line: after } = await stockOf(staff, warehouse.id, product.id);
    expect(after.onHand).toBe(before.onHand + 40 - 15);
    expect(after.inTransit).toBe(before.inTransit + 15);
    expect(after.reserved).toBe(before.reserved);

    // The screen shows every product of the warehouse with the API's figures.
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Stok gudang');
    await expect.poll(() => rowOf(page, warehouse.name, product.name).count()).toBe(1);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      // Each figure under its column's label (the label a phone shows before the value).
      const cell = (label: string) =>
        rowOf(page, warehouse.name, i.name).locator(`td[data-label="${label}"]`).textContent();
      expect(await cell('Di gudang'), i.name).toBe(`${qty(i.onHand)} ${i.unit}`);
      expect(await cell('Dalam perjalanan'), i.name).toBe(`${qty(i.inTransit)} ${i.unit}`);
      expect(await cell('Dipesan (draf)'), i.name).toBe(`${qty(i.reserved)} ${i.unit}`);
    }
    // The documents behind the figures are one tap away.
    const section = page.getByRole('region', { name: warehouse.name });
    expect(
      await section.getByRole('link', { name: 'Penerimaan gudang' }).getAttribute('href'),
    ).toBe('/gudang/penerimaan');
    expect(await section.getByRole('link', { name: 'Surat jalan' }).getAttribute('href')).toBe(
      '/pengiriman',
    );
    await screenshot(page, 'warehouse-stock');

    // The hub admin keeps the network as home, and reaches the stock from the menu.
    const home = await signIn(browser, server.url, 'admin@kana.demo', 360);
    expect(await home.getByRole('heading', { level: 1 }).textContent()).not.toBe('Stok gudang');
    expect(await home.getByRole('link', { name: 'Stok gudang' }).first().getAttribute('href')).toBe(
      '/gudang/stok',
    );
  });
});
