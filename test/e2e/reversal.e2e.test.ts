/**
 * Corrections in the browser: the manager reverses a cashier's sale from the sales list on a phone
 * (the preview first, then the books and the balance move back); the offline cashier voids a sale
 * that never reaches the server, and voids a sent sale by a reversal queued like a sale.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, SHOTS, signIn } from './browser.ts';
import { CashierScreen, CooperativeScreens } from './pages/cooperative.ts';
import { Shell } from './pages/pages.ts';
import { ReversalDialog } from './pages/reversal.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

let server: RunningServer;
let browser: Browser;
let hubToken: string;
let cashierToken: string;
let coopId: string;
let gula: { id: string; name: string; retailPrice: number; consignmentPrice: number };

const apiAs = (token: string, method: string, path: string, body?: unknown) =>
  apiOf(server.url).as(token, method, path, body);
const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const rupiah = (n: number) => `Rp ${idr.format(n)}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Books {
  balanceDue: number;
  cash: number;
  stock: number;
}
/** What the cooperative owes, its cash (1101) and the sugar in its store, as the server says. */
async function books(): Promise<Books> {
  const balance = await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/balance`);
  const tb = await apiAs(hubToken, 'GET', `/api/v1/orgs/${coopId}/ledger/trial-balance`);
  expect(tb.body.totalDebit).toBe(tb.body.totalCredit);
  const stock = await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/stock`);
  return {
    balanceDue: balance.body.balanceDue,
    cash: (tb.body.accounts as { code: string; debit: number; credit: number }[])
      .filter((a) => a.code === '1101')
      .reduce((t, a) => t + a.debit - a.credit, 0),
    stock: (stock.body.items as { productId: string; qty: number }[])
      .filter((s) => s.productId === gula.id)
      .reduce((t, s) => t + s.qty, 0),
  };
}

/** Today's sales of the cooperative on the server (every page). */
async function salesOfToday(): Promise<{ id: string; reversed?: boolean }[]> {
  const d = await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/dashboard`);
  const items: { id: string; reversed?: boolean }[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiAs(
      hubToken,
      'GET',
      `/api/v1/cooperatives/${coopId}/sales?from=${d.body.today}&to=${d.body.today}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** The sales in this browser's outbox (IndexedDB), as the cashier screen stores them. */
function outbox(page: Page): Promise<{ id: string; state: string; total: number }[]> {
  // A string: this file is compiled without the DOM types.
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('lumbung-cashier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const q = open.result.transaction('sales').objectStore('sales').getAll();
      q.onerror = () => reject(q.error);
      q.onsuccess = () => resolve(q.result.map((s) => ({ id: s.id, state: s.state, total: s.total })));
    };
  })`);
}

/** A modal dialog fills the screen: its shot is the viewport (a full page would show the list behind). */
async function shootDialog(page: Page, name: string) {
  expect(await new Shell(page).horizontalOverflow(), name).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}${name}-${page.viewportSize()!.width}.png` });
}

function openCashier(context: BrowserContext): Promise<Page> {
  return CashierScreen.openInstalled(context, `${server.url}/koperasi/${coopId}/kasir`, gula.name);
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  hubToken = await apiOf(server.url).tokenOf('admin@kana.demo');
  cashierToken = await apiOf(server.url).tokenOf(CASHIER);
  const coops = (await apiAs(hubToken, 'GET', '/api/v1/cooperatives?limit=200')).body.items;
  coopId = coops.find((c: { name: string }) => c.name === 'KDKMP Simpang IV Sipin').id;
  const products = (await apiAs(hubToken, 'GET', '/api/v1/products')).body.items;
  gula = products.find(
    (p: { commodity: string; name: string }) => p.commodity === 'gula' && /1 ?kg/i.test(p.name),
  );
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('corrections in Chromium', () => {
  it("the manager reverses a cashier's sale from the sales list at 360 px: preview, books and balance", async () => {
    const before = await books();
    const qty = 13;
    const saleId = uuidv7();
    const sold = await apiAs(cashierToken, 'POST', `/api/v1/cooperatives/${coopId}/sales`, {
      sales: [
        {
          id: saleId,
          occurredAt: new Date().toISOString(),
          paymentMethod: 'cash',
          lines: [{ productId: gula.id, qty, unitPrice: gula.retailPrice }],
        },
      ],
    });
    expect(sold.body.results[0].status).toBe('created');
    const afterSale = await books();
    expect(afterSale.balanceDue - before.balanceDue).toBe(qty * gula.consignmentPrice);

    const page = await signIn(browser, server.url, MANAGER, 360);
    const screens = new CooperativeScreens(page, server.url);
    await screens.open(coopId, '');
    await screens.tab('Penjualan').click();
    const sale = new RegExp(`penjualan .*WIB ${escape(rupiah(qty * gula.retailPrice))}$`);
    const dialog = new ReversalDialog(page);
    await dialog.reverseButton(sale).first().click();
    await expect.poll(() => dialog.dialog().isVisible()).toBe(true);
    // The preview: both books, with the consignment and retail amounts that move back.
    await expect.poll(() => dialog.book(/KDKMP Simpang IV Sipin/).isVisible()).toBe(true);
    const coopBook = await dialog.book(/KDKMP Simpang IV Sipin/).textContent();
    expect(coopBook).toContain(rupiah(qty * gula.retailPrice));
    expect(coopBook).toContain(rupiah(qty * gula.consignmentPrice));
    expect(await dialog.dialog().getByRole('table').count()).toBe(2);
    expect(await dialog.stockMoves().allTextContents()).toContainEqual(
      expect.stringContaining(gula.name),
    );
    await shootDialog(page, 'reversal-preview');
    await dialog.confirm('Salah ketik: 13, seharusnya 1');
    await expect.poll(() => dialog.outcome().textContent()).toMatch(/^Dibatalkan pada /);
    await shootDialog(page, 'reversal-done');
    await dialog.close();
    await dialog.reversedMark(sale).first().waitFor();
    await screenshot(page, 'reversal-sales');

    // The server: everything as before the sale; the sale is listed as reversed.
    expect(await books()).toEqual(before);
    expect((await salesOfToday()).find((s) => s.id === saleId)?.reversed).toBe(true);

    // The balance on the overview and the reversal in the books.
    await screens.tab('Ringkasan').click();
    await expect
      .poll(() =>
        screens
          .card(/^Tagihan/)
          .first()
          .textContent(),
      )
      .toContain(rupiah(before.balanceDue));
    await page.goto(`${server.url}/koperasi/${coopId}/buku`);
    // The journal opens on a tap under the summary.
    await page.getByText('Jurnal per periode', { exact: true }).click();
    // The reversals only: the month's savings and sales fill the journal's first pages.
    await page.getByLabel('Jenis dokumen').selectOption({ label: 'Pembatalan' });
    await page
      .locator('td', { hasText: /^Pembatalan/ })
      .first()
      .waitFor();
    await screenshot(page, 'reversal-books');
    await page.context().close();
  });

  it('the offline cashier voids a sale before it is sent: it never reaches the server', async () => {
    const first = await signIn(browser, server.url, CASHIER, 360);
    const context = first.context();
    const page = await openCashier(context);
    const cashier = new CashierScreen(page);
    const before = await salesOfToday();
    await context.setOffline(true);
    await cashier.sell(gula.name, gula.retailPrice, 1);
    await cashier.sell(gula.name, gula.retailPrice, 2);
    const dialog = new ReversalDialog(page);
    await dialog
      .reverseButton(new RegExp(`penjualan .* ${escape(rupiah(2 * gula.retailPrice))}$`))
      .first()
      .click();
    await expect
      .poll(() => dialog.dialog().textContent())
      .toMatch(/belum terkirim: dihapus dari antrean/);
    await shootDialog(page, 'reversal-cashier-dialog');
    await dialog.confirm('Pembeli batal', 'Batalkan penjualan');
    await expect
      .poll(() => dialog.outcome().textContent())
      .toBe('Penjualan dibatalkan. Tidak akan dikirim ke server.');
    await dialog.close();
    await page.getByText('Dibatalkan (belum terkirim)').first().waitFor();
    expect(await cashier.counts().textContent()).toMatch(/^Menunggu 1 · terkirim 0 · ditolak 0$/);
    await screenshot(page, 'reversal-cashier-void');
    const voided = (await outbox(page)).filter((s) => s.state === 'voided');
    expect(voided).toHaveLength(1);

    await context.setOffline(false);
    await expect
      .poll(() => cashier.counts().textContent(), { timeout: 60_000 })
      .toMatch(/^Menunggu 0 · terkirim 1 · ditolak 0$/);
    const after = await salesOfToday();
    expect(after.length - before.length).toBe(1);
    expect(after.map((s) => s.id)).not.toContain(voided[0]!.id);
    await context.close();
  });

  it('the cashier voids a sale already sent: a reversal is queued and sent with its client id', async () => {
    const first = await signIn(browser, server.url, CASHIER, 360);
    const context = first.context();
    const page = await openCashier(context);
    const cashier = new CashierScreen(page);
    const before = await books();
    await cashier.sell(gula.name, gula.retailPrice, 3);
    await expect
      .poll(() => cashier.counts().textContent(), { timeout: 60_000 })
      .toMatch(/^Menunggu 0 · terkirim 1 · ditolak 0$/);
    const [sent] = (await outbox(page)).filter((s) => s.state === 'sent');
    await context.setOffline(true);
    const dialog = new ReversalDialog(page);
    await dialog
      .reverseButton(new RegExp(`penjualan .* ${escape(rupiah(3 * gula.retailPrice))}$`))
      .first()
      .click();
    await dialog.confirm('Uang pembeli kurang', 'Batalkan penjualan');
    await expect.poll(() => dialog.outcome().textContent()).toMatch(/^Pembatalan diantrekan/);
    await dialog.close();
    await page.getByText('Pembatalan menunggu').first().waitFor();
    await context.setOffline(false);
    await page.getByText('Dibatalkan', { exact: true }).first().waitFor({ timeout: 60_000 });
    expect((await salesOfToday()).find((s) => s.id === sent!.id)?.reversed).toBe(true);
    expect(await books()).toEqual(before);
    await context.close();
  });
});
