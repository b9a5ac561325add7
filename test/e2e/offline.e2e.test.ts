/**
 * The offline cashier: sales made with no connection survive reloads and closed tabs and reach the
 * server exactly once — with two tabs on one outbox, and with the server killed mid-sync.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { CashierScreen } from './pages/cooperative.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

let server: RunningServer;
let browser: Browser;
let hubToken: string;
let coopId: string;
let gula: { id: string; name: string; retailPrice: number; consignmentPrice: number };

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${hubToken}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface Snapshot {
  sales: number;
  stock: number;
  balanceDue: number;
  cash: number;
}
/** What the server holds for the cooperative: sales, sugar in the store, what it owes, its cash. */
async function snapshot(): Promise<Snapshot> {
  const d = await api<{ today: string; stock: { productId: string; qty: number }[] }>(
    `/api/v1/cooperatives/${coopId}/dashboard`,
  );
  let sales = 0;
  let cursor: string | undefined;
  do {
    const page = await api<{ items: unknown[]; nextCursor?: string }>(
      `/api/v1/cooperatives/${coopId}/sales?from=${d.today}&to=${d.today}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    sales += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  const balance = await api<{ balanceDue: number }>(`/api/v1/cooperatives/${coopId}/balance`);
  const tb = await api<{
    accounts: { code: string; debit: number; credit: number }[];
    totalDebit: number;
    totalCredit: number;
  }>(`/api/v1/orgs/${coopId}/ledger/trial-balance`);
  expect(tb.totalDebit).toBe(tb.totalCredit);
  const kas = tb.accounts.filter((a) => a.code === '1101');
  return {
    sales,
    stock: d.stock.find((s) => s.productId === gula.id)?.qty ?? 0,
    balanceDue: balance.balanceDue,
    cash: kas.reduce((t, a) => t + a.debit - a.credit, 0),
  };
}

/** The cashier screen, with the service worker in control (installed: it opens offline). */
function openCashier(context: BrowserContext): Promise<Page> {
  return CashierScreen.openInstalled(context, `${server.url}/koperasi/${coopId}/kasir`, gula.name);
}

async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/koperasi/${coopId}/kasir`);
  await page.getByRole('button', { name: `Tambah ${gula.name}` }).waitFor();
  return page;
}

async function waitAllSent(page: Page, n: number) {
  await expect
    .poll(() => new CashierScreen(page).counts().textContent(), { timeout: 120_000 })
    .toMatch(new RegExp(`^Menunggu 0 · terkirim ${n} · ditolak 0$`));
}

function expectDelta(before: Snapshot, after: Snapshot, n: number) {
  expect({
    sales: after.sales - before.sales,
    stock: after.stock - before.stock,
    balanceDue: after.balanceDue - before.balanceDue,
    cash: after.cash - before.cash,
  }).toEqual({
    sales: n,
    stock: -n,
    balanceDue: n * gula.consignmentPrice,
    cash: n * gula.retailPrice,
  });
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@kana.demo', password: 'lumbung-demo' }),
  });
  hubToken = ((await login.json()) as { token: string }).token;
  const coops = await api<{ items: { id: string; name: string }[] }>(
    '/api/v1/cooperatives?limit=200',
  );
  coopId = coops.items.find((c) => c.name === 'KDKMP Simpang IV Sipin')!.id;
  const products = await api<{ items: (typeof gula & { commodity: string })[] }>(
    '/api/v1/products',
  );
  gula = products.items.find((p) => p.commodity === 'gula' && /1 kg/.test(p.name))!;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('offline cashier in Chromium', () => {
  it('50 sales offline, through a reload and a closed tab, reach the server exactly once when back online', async () => {
    const first = await signIn(browser, server.url, CASHIER, 360);
    const context = first.context();
    let page = await openCashier(context);
    const before = await snapshot();
    await context.setOffline(true);
    for (let i = 0; i < 20; i++) await new CashierScreen(page).sell(gula.name, gula.retailPrice);
    await page.reload();
    await page.getByRole('button', { name: `Tambah ${gula.name}` }).waitFor();
    expect(await new CashierScreen(page).counts().textContent()).toMatch(/^Menunggu 20 ·/);
    for (let i = 0; i < 15; i++) await new CashierScreen(page).sell(gula.name, gula.retailPrice);
    await page.close();
    page = await reopen(context);
    for (let i = 0; i < 15; i++) await new CashierScreen(page).sell(gula.name, gula.retailPrice);
    expect(await new CashierScreen(page).counts().textContent()).toMatch(/^Menunggu 50 ·/);
    await expect
      .poll(() => new CashierScreen(page).syncStatus().textContent())
      .toMatch(/Tidak ada koneksi: 50 penjualan menunggu/);
    await screenshot(page, 'cashier-offline');
    expect((await snapshot()).sales).toBe(before.sales);
    await context.setOffline(false);
    await waitAllSent(page, 50);
    expectDelta(before, await snapshot(), 50);
    await context.close();
  });

  it('two tabs on one outbox send every sale once', async () => {
    const first = await signIn(browser, server.url, CASHIER, 1280);
    const context = first.context();
    const a = await openCashier(context);
    const before = await snapshot();
    await context.setOffline(true);
    for (let i = 0; i < 10; i++) await new CashierScreen(a).sell(gula.name, gula.retailPrice);
    const b = await reopen(context);
    expect(await new CashierScreen(b).counts().textContent()).toMatch(/^Menunggu 10 ·/);
    await context.setOffline(false);
    await waitAllSent(a, 10);
    await waitAllSent(b, 10);
    expectDelta(before, await snapshot(), 10);
    await context.close();
  });

  it('the server killed mid-sync and started again: every sale arrives once', async () => {
    const first = await signIn(browser, server.url, CASHIER, 360);
    const context = first.context();
    const page = await openCashier(context);
    const before = await snapshot();
    await context.setOffline(true);
    for (let i = 0; i < 40; i++) await new CashierScreen(page).sell(gula.name, gula.retailPrice);
    // Back online: the first batch is answered, then the server dies before the rest.
    const firstBatch = page.waitForResponse((r) => r.url().endsWith('/sales') && r.ok());
    await context.setOffline(false);
    await firstBatch;
    await server.kill();
    await expect
      .poll(() => new CashierScreen(page).syncStatus().textContent(), { timeout: 30_000 })
      .toMatch(/Tidak ada koneksi/);
    await server.restart();
    await waitAllSent(page, 40);
    expectDelta(before, await snapshot(), 40);
    await context.close();
  });
});
