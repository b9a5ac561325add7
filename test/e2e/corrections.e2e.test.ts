/**
 * Corrections beyond "Batalkan", in the browser at 360 px: the manager finds the cooperative's
 * returns and stock counts by number and reverses a count; refunds one unit of a sale to its buyer
 * (the stock and the sale's refunded amount move); the hub admin corrects a delivery receipt by a
 * unit found later.
 */
import type { Browser } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, SHOTS, signIn } from './browser.ts';
import { cashSale, demoCooperative, type DemoCooperative } from './demo-cooperative.ts';
import { CooperativeScreens } from './pages/cooperative.ts';
import { ReceiptCorrectionDialog, RefundDialog, StockDocumentsTab } from './pages/corrections.ts';
import { Shell } from './pages/pages.ts';
import { ReversalDialog } from './pages/reversal.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

let server: RunningServer;
let browser: Browser;
let hubToken: string;
let managerToken: string;
let cashierToken: string;
let coopId: string;
let gula: DemoCooperative['gula'];

const apiAs = (token: string, method: string, path: string, body?: unknown) =>
  apiOf(server.url).as(token, method, path, body);
const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const rupiah = (n: number) => `Rp ${idr.format(n)}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sugar in the cooperative's store, as the server says. */
async function gulaInStore(): Promise<number> {
  const stock = await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/stock`);
  return (stock.body.items as { productId: string; qty: number }[])
    .filter((s) => s.productId === gula.id)
    .reduce((t, s) => t + s.qty, 0);
}

/** A dialog fills the phone's screen: its shot is the viewport. */
async function shootDialog(page: import('playwright-core').Page, name: string) {
  expect(await new Shell(page).horizontalOverflow(), name).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}${name}-${page.viewportSize()!.width}.png` });
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  ({ hubToken, coopId, gula } = await demoCooperative(server.url, 'KDKMP Simpang IV Sipin'));
  managerToken = await apiOf(server.url).tokenOf(MANAGER);
  cashierToken = await apiOf(server.url).tokenOf(CASHIER);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('partial corrections and the returns and counts lists in Chromium', () => {
  it('the manager finds a return and a stock count by number and reverses the count', async () => {
    const returned = await apiAs(managerToken, 'POST', `/api/v1/cooperatives/${coopId}/returns`, {
      id: uuidv7(),
      reason: 'Kemasan sobek',
      lines: [{ productId: gula.id, qty: 1 }],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    const onHand = await gulaInStore();
    const counted = await apiAs(
      managerToken,
      'POST',
      `/api/v1/cooperatives/${coopId}/stock-counts`,
      {
        id: uuidv7(),
        countedAt: new Date().toISOString(),
        lines: [{ productId: gula.id, qtyCounted: onHand - 1 }],
      },
    );
    expect(counted.status, JSON.stringify(counted.body)).toBe(201);
    expect(await gulaInStore()).toBe(onHand - 1);

    const page = await signIn(browser, server.url, MANAGER, 360);
    const screens = new CooperativeScreens(page, server.url);
    await screens.open(coopId, '');
    await screens.tab('Retur & opname').click();
    const tab = new StockDocumentsTab(page);
    await tab.row(returned.body.number).waitFor();
    expect(await tab.row(returned.body.number).textContent()).toContain(`${gula.name} × 1`);
    await tab.row(counted.body.number).waitFor();
    expect(await tab.row(counted.body.number).textContent()).toContain(`${gula.name} -1`);
    await screenshot(page, 'corrections-stock-documents');

    await tab.search(counted.body.number.slice(-9));
    await expect.poll(() => tab.row(returned.body.number).count()).toBe(0);
    const dialog = new ReversalDialog(page);
    const what = new RegExp(`stok opname ${escape(counted.body.number)}$`);
    await dialog.reverseButton(what).click();
    await expect.poll(() => dialog.dialog().isVisible()).toBe(true);
    await dialog.confirm('Dihitung dua kali');
    await expect.poll(() => dialog.outcome().textContent()).toMatch(/^Dibatalkan pada /);
    await dialog.close();
    await dialog.reversedMark(what).waitFor();
    await screenshot(page, 'corrections-stock-count-reversed');
    expect(await gulaInStore()).toBe(onHand);
    await page.context().close();
  });

  it('the manager refunds 1 unit of a sale: the stock and the sale’s refunded amount change', async () => {
    const qty = 7;
    const saleId = await cashSale(server.url, cashierToken, coopId, gula, qty);
    const before = await gulaInStore();

    const page = await signIn(browser, server.url, MANAGER, 360);
    const screens = new CooperativeScreens(page, server.url);
    await screens.open(coopId, '');
    await screens.tab('Penjualan').click();
    const refund = new RefundDialog(page);
    await refund
      .openButton(new RegExp(`penjualan .*WIB ${escape(rupiah(qty * gula.retailPrice))}$`))
      .first()
      .click();
    await refund.quantity(gula.name).fill('1');
    await expect.poll(() => refund.amount().textContent()).toBe(rupiah(gula.retailPrice));
    await shootDialog(page, 'corrections-refund');
    await refund.confirm('Kemasan bocor');
    await expect
      .poll(() => refund.outcome().textContent())
      .toMatch(new RegExp(`^Retur dicatat .*${escape(rupiah(gula.retailPrice))} dikembalikan`));
    await refund.close();
    await page
      .getByText(`Diretur ${rupiah(gula.retailPrice)}`)
      .first()
      .waitFor();
    await screenshot(page, 'corrections-refunded-sale');

    expect(await gulaInStore()).toBe(before + 1);
    const sales = await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/sales?limit=50`);
    const sale = (
      sales.body.items as { id: string; refunded?: { productId: string; quantity: number }[] }[]
    ).find((s) => s.id === saleId);
    expect(sale?.refunded).toMatchObject([{ productId: gula.id, quantity: 1 }]);
    await page.context().close();
  });

  it('the hub admin corrects a delivery receipt by one unit found later', async () => {
    // 10 packs sent, 9 counted at the door: the tenth turns up later.
    const order = await apiAs(hubToken, 'POST', '/api/v1/delivery-orders', {
      cooperativeId: coopId,
      lines: [{ productId: gula.id, qty: 10 }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const orderId: string = order.body.id;
    const sent = await apiAs(hubToken, 'POST', `/api/v1/delivery-orders/${orderId}/dispatch`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const got = await apiAs(managerToken, 'POST', `/api/v1/delivery-orders/${orderId}/receive`, {
      lines: [{ productId: gula.id, qtyReceived: 9 }],
    });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const before = await gulaInStore();

    const page = await signIn(browser, server.url, 'admin@kana.demo', 360);
    await page.goto(`${server.url}/pengiriman/${orderId}`);
    await page.getByRole('button', { name: 'Koreksi penerimaan' }).click();
    const dialog = new ReceiptCorrectionDialog(page);
    await dialog.fill(gula.name, 'found', 1, 'Satu karung terselip di gudang koperasi');
    await shootDialog(page, 'corrections-receipt');
    await dialog.save();
    await expect.poll(() => dialog.outcome().textContent()).toMatch(/^Koreksi dicatat pada /);
    await dialog.close();
    expect(await gulaInStore()).toBe(before + 1);
    await page.context().close();
  });
});
