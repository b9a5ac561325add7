import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { quantity } from '../../web/src/ui/format.ts';
import { demoCooperative } from './demo-cooperative.ts';
import { CashierScreen } from './pages/cooperative.ts';
import { rupiahValue } from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(10);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

describe('the cashier on a phone (usability point 11)', () => {
  it('keeps the total and "finish" in reach, the offline state on top, waiting sales in today, big radios', async () => {
    const { gula } = await demoCooperative(server.url, 'KDKMP Simpang IV Sipin');
    const page = await signIn(browser, server.url, CASHIER, 360);
    // The cashier role lands on the till.
    await page.getByRole('heading', { level: 1, name: 'Kasir' }).waitFor();
    const till = new CashierScreen(page);
    const today = page.getByTestId('today-sales');
    await expect.poll(() => today.textContent()).toMatch(/^Penjualan hari ini: Rp/);
    const before = rupiahValue(/Rp [\d.]+/.exec((await today.textContent())!)![0]);

    // Two lines in the cart: the total and "Selesaikan penjualan" stay on the screen (780 px).
    const names = await page.getByRole('button', { name: /^Tambah / }).allTextContents();
    expect(names.length).toBeGreaterThan(1);
    await till.add(gula.name);
    await page
      .getByRole('button', { name: /^Tambah / })
      .nth(1)
      .click();
    const finish = page.getByRole('button', { name: 'Selesaikan penjualan' });
    const box = (await finish.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(780);
    expect(box.y).toBeGreaterThanOrEqual(0);

    // Touch targets of the payment methods are at least 44 px high.
    for (const label of ['Tunai', 'Transfer']) {
      const radio = (await page.locator('label.radio', { hasText: label }).boundingBox())!;
      expect(radio.height, label).toBeGreaterThanOrEqual(44);
    }

    // Offline: said at the top, above the products; the sale waits and counts in today's sales.
    await page.context().setOffline(true);
    const total = rupiahValue((await till.total().textContent())!);
    await till.pay('Transfer');
    await finish.click();
    await expect.poll(() => till.notice().textContent()).toMatch(/tersimpan/i);
    const offline = page.getByTestId('offline-top');
    await expect.poll(() => offline.isVisible()).toBe(true);
    const products = (await page.getByRole('heading', { name: 'Barang' }).boundingBox())!;
    expect((await offline.boundingBox())!.y).toBeLessThan(products.y);
    await expect
      .poll(async () => rupiahValue(/Rp [\d.]+/.exec((await today.textContent())!)![0]))
      .toBe(before + total);
    expect(await today.textContent()).toMatch(/menunggu sinkron/);
    await screenshot(page, 'cashier-offline');
    await page.context().setOffline(false);
    await expect.poll(() => offline.count()).toBe(0);
    await expect
      .poll(async () => rupiahValue(/Rp [\d.]+/.exec((await today.textContent())!)![0]))
      .toBe(before + total);
  });

  it("shows the store's stock on the tiles and asks before a sale above it or far above the usual (usability point 1)", async () => {
    const { gula, coopId, hubToken } = await demoCooperative(server.url, 'KDKMP Simpang IV Sipin');
    const api = apiOf(server.url);
    const stock = (await api.as(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/dashboard`)).body
      .stock as { productId: string; qty: number }[];
    const held = stock.find((s) => s.productId === gula.id)!.qty;
    const page = await signIn(browser, server.url, CASHIER, 360);
    const till = new CashierScreen(page);
    const tile = page.getByRole('button', { name: `Tambah ${gula.name}` });
    await expect.poll(() => tile.textContent()).toContain(`Stok ${quantity(held)}`);
    await till.add(gula.name);
    await page.getByLabel(`Jumlah ${gula.name}`).fill(String(held + 500));
    await till.pay('Transfer');
    const counts = await page.getByTestId('outbox-counts').textContent();
    await page.getByRole('button', { name: 'Selesaikan penjualan' }).click();
    const ask = page.getByRole('group', { name: 'Periksa penjualan' });
    await expect.poll(() => ask.textContent()).toMatch(/melebihi stok toko/);
    expect(await ask.textContent()).toMatch(/jauh di atas penjualan biasa/);
    // Nothing is recorded until the cashier says yes; the sale is not refused.
    expect(await page.getByTestId('outbox-counts').textContent()).toBe(counts);
    await screenshot(page, 'cashier-above-stock');
    await ask.getByRole('button', { name: 'Ya, simpan penjualan' }).click();
    await expect.poll(() => till.notice().textContent()).toMatch(/tersimpan/i);
  });
});
