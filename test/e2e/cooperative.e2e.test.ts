import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, SHOTS, launchChromium, signIn } from './browser.ts';
import { CashierScreen, CooperativeScreens } from './pages/cooperative.ts';
import { Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

let server: RunningServer;
let browser: Browser;
let hubToken: string;
let coopId: string;
let gula: { id: string; name: string; retailPrice: number; consignmentPrice: number };

const apiAs = (token: string, method: string, path: string, body?: unknown) =>
  apiOf(server.url).as(token, method, path, body);
const tokenOf = (email: string) => apiOf(server.url).tokenOf(email);
const dashboard = async () =>
  (await apiAs(hubToken, 'GET', `/api/v1/cooperatives/${coopId}/dashboard`)).body;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  hubToken = await tokenOf('admin@kana.demo');
  const coops = (await apiAs(hubToken, 'GET', '/api/v1/cooperatives?limit=200')).body.items;
  coopId = coops.find((c: { name: string }) => c.name === 'KDKMP Simpang IV Sipin').id;
  const products = (await apiAs(hubToken, 'GET', '/api/v1/products')).body.items;
  gula = products.find(
    (p: { sku: string; commodity: string; name: string }) =>
      /1 ?kg/i.test(p.name) && p.commodity === 'gula',
  );
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signedIn(email: string, width: number): Promise<Page> {
  return signIn(browser, server.url, email, width);
}

async function shoot(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
}

describe('the cooperative in Chromium', () => {
  it('the manager receives a delivery line by line, entering a shortage', async () => {
    const d = await apiAs(hubToken, 'POST', '/api/v1/delivery-orders', {
      cooperativeId: coopId,
      lines: [{ productId: gula.id, qty: 40 }],
    });
    expect(d.status).toBe(201);
    const sent = await apiAs(hubToken, 'POST', `/api/v1/delivery-orders/${d.body.id}/dispatch`, {
      override: { reason: 'Uji penerimaan di layar koperasi' },
    });
    expect(sent.status).toBe(200);
    const before = await dashboard();
    const page = await signedIn(MANAGER, 360);
    const s = new CooperativeScreens(page, server.url);
    await s.open(coopId, 'terima');
    await s.field('Kiriman').waitFor();
    await s.field('Kiriman').selectOption({ value: d.body.id });
    const received = s.field(`Diterima — ${gula.name}`);
    await received.fill('38');
    await expect.poll(() => page.getByText('Kurang 2').count()).toBeGreaterThan(0);
    await shoot(page, 'cooperative-receive');
    await s.button('Simpan penerimaan').click();
    await expect.poll(() => s.notice().textContent()).toMatch(/Kiriman diterima/);
    const order = (await apiAs(hubToken, 'GET', `/api/v1/delivery-orders/${d.body.id}`)).body;
    expect(order.status).toBe('received');
    expect(order.lines[0].qtyReceived).toBe(38);
    const after = await dashboard();
    const qty = (x: typeof before) =>
      x.stock.find((l: { productId: string }) => l.productId === gula.id).qty;
    expect(qty(after) - qty(before)).toBe(38);
    await page.context().close();
  });

  it('the cashier sells with product buttons, takes cash, shows the change; the sale reaches the books', async () => {
    const before = await dashboard();
    for (const width of [360, 1280]) {
      const page = await signedIn(CASHIER, width);
      expect(page.url()).toMatch(/\/koperasi\//);
      const s = new CooperativeScreens(page, server.url);
      await s.open(coopId, 'kasir');
      const cashier = new CashierScreen(page);
      await cashier.add(gula.name, 2);
      const total = 2 * gula.retailPrice;
      expect(await cashier.total().textContent()).toBe(`Rp ${total.toLocaleString('id-ID')}`);
      await cashier.pay('Tunai', '50000');
      await expect
        .poll(() => page.locator('.total').filter({ hasText: 'Kembalian' }).textContent())
        .toContain(`Rp ${(50_000 - total).toLocaleString('id-ID')}`);
      await shoot(page, 'cashier');
      await cashier.finish();
      await expect.poll(() => s.notice().textContent()).toMatch(/tersimpan/);
      // The receipt takes the cart's place, where the cashier pressed "finish".
      expect(await page.getByTestId('receipt-total').textContent()).toBe(
        `Rp ${total.toLocaleString('id-ID')}`,
      );
      expect(await cashier.total().count()).toBe(0);
      // The sale is in this device's outbox; close the page only once it has been sent.
      await expect
        .poll(() => cashier.syncStatus().textContent())
        .toMatch(/Semua penjualan sudah terkirim/);
      await page.context().close();
    }
    const after = await dashboard();
    expect(after.sales.today - before.sales.today).toBe(4 * gula.retailPrice);
    expect(after.sales.todayCount - before.sales.todayCount).toBe(2);
  });

  it('the manager returns goods and counts the stock; a shortage is billed at the consignment price', async () => {
    const page = await signedIn(MANAGER, 360);
    const s = new CooperativeScreens(page, server.url);
    await s.open(coopId, 'retur');
    await s.field(`Jumlah retur — ${gula.name}`).fill('1');
    await s.button('Kirim retur').click();
    await expect.poll(() => page.getByText('Tulis alasan retur').count()).toBe(1);
    await s.field('Alasan retur').fill('Kemasan robek');
    await shoot(page, 'cooperative-return');
    const before = await dashboard();
    await s.button('Kirim retur').click();
    await expect.poll(() => s.notice().textContent()).toMatch(/Retur tercatat/);
    const afterReturn = await dashboard();
    const qtyOf = (d: typeof before, id: string) =>
      d.stock.find((l: { productId: string }) => l.productId === id)?.qty ?? 0;
    expect(qtyOf(before, gula.id) - qtyOf(afterReturn, gula.id)).toBe(1);

    await s.open(coopId, 'opname');
    for (const line of afterReturn.stock as { productId: string; name: string; qty: number }[])
      await s
        .field(`Hasil hitung — ${line.name}`)
        .fill(String(Math.max(0, line.productId === gula.id ? line.qty - 1 : line.qty)));
    await s.button('Simpan stok opname').click();
    // Nothing is charged before the manager has seen the total and said yes.
    const ask = page.getByRole('group', { name: 'Stok opname' });
    await expect
      .poll(() => ask.textContent())
      .toContain(
        `Kekurangan pada 1 barang akan ditagihkan Rp ${gula.consignmentPrice.toLocaleString('id-ID')}`,
      );
    expect((await dashboard()).stock).toEqual(afterReturn.stock);
    await ask.getByRole('button', { name: 'Ya, simpan' }).click();
    await expect.poll(() => s.notice().textContent()).toMatch(/Stok opname tersimpan/);
    // The result stands alone: no empty form under it inviting a second count.
    expect(await s.field(`Hasil hitung — ${gula.name}`).count()).toBe(0);
    expect(await s.button('Hitung lagi').isVisible()).toBe(true);
    const row = page.locator('tr').filter({ hasText: gula.name });
    await expect
      .poll(() => row.textContent())
      .toContain(`Rp ${gula.consignmentPrice.toLocaleString('id-ID')}`);
    await shoot(page, 'cooperative-count');
    await page.context().close();
  });

  it("the dashboard shows today's and the month's sales against the potential, what is due, and stock cover", async () => {
    for (const width of [360, 1280]) {
      const page = await signedIn(MANAGER, width);
      const s = new CooperativeScreens(page, server.url);
      // The dashboard loads in at most 2 API requests (the session and the dashboard).
      const requests: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/')) requests.push(new URL(r.url()).pathname);
      });
      await page.reload();
      await s.card(/Penjualan bulan ini/).waitFor();
      await page.waitForLoadState('networkidle');
      expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(2);
      expect(await s.card(/Penjualan bulan ini/).textContent()).toMatch(
        /dari potensi Rp 200\.000\.000/,
      );
      expect(await s.card(/Penjualan hari ini/).textContent()).toMatch(/Rp [\d.]+/);
      expect(await s.card(/Subsidi operasional/).count()).toBe(1);
      await expect.poll(() => page.getByText(/\d+ hari/).count()).toBeGreaterThan(0);
      await shoot(page, 'cooperative-dashboard');
      for (const tab of [
        'Pengiriman',
        'Penjualan',
        'Pembayaran',
        'Subsidi',
        'Pengurus & perjanjian',
      ]) {
        await s.tab(tab).click();
        await expect.poll(() => page.locator('[role=tabpanel] h2').first().isVisible()).toBe(true);
      }
      await shoot(page, 'cooperative-profile');
      if (width === 1280)
        for (const [screen, heading] of [
          ['terima', 'Terima kiriman'],
          ['retur', 'Retur ke hub'],
          ['opname', 'Stok opname'],
        ] as const) {
          await s.open(coopId, screen);
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await shoot(
            page,
            `cooperative-${screen === 'terima' ? 'receive' : screen === 'retur' ? 'return' : 'count'}`,
          );
        }
      await page.context().close();
    }
  });

  it("a cashier's menu has only the dashboard, the cashier and the Sembako pickup desk; the manager's screens and the server refuse a cashier", async () => {
    const page = await signedIn(CASHIER, 360);
    const menu = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
    await expect.poll(() => menu.allTextContents()).toEqual(['Ringkasan', 'Kasir', 'Ambil paket']);
    const s = new CooperativeScreens(page, server.url);
    await s.open(coopId, 'retur');
    await expect.poll(() => s.alert().textContent()).toMatch(/tidak berhak/i);
    expect(await page.locator('form').count()).toBe(0);
    const res = await apiAs(
      await tokenOf(CASHIER),
      'POST',
      `/api/v1/cooperatives/${coopId}/returns`,
      {
        id: '01936f6e-7c1a-7000-8000-00000000e2e1',
        reason: 'Coba',
        lines: [{ productId: gula.id, qty: 1 }],
      },
    );
    expect(res.status).toBe(403);
    await page.context().close();
  });
});
