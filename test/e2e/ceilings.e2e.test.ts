import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { CeilingsPage } from './pages/ceilings.ts';
import { ProductsPage } from './pages/delivery.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const ADMIN = 'admin@kana.demo';
const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';
const REF = 'Pergub Jambi No. 5 Tahun 2026 — HAP gula (uji)';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signedIn(email: string, width: number): Promise<Page> {
  return signIn(browser, server.url, email, width);
}

/** Today's WIB business date, and as the screens show it (`6 Des 2026`). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const todayShown = (() => {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
})();

describe('regulated ceilings (HET/HAP) in Chromium', () => {
  it('the hub admin adds a Jambi ceiling for sugar at 360 px: a missing regulation is refused next to its field, then the list shows it', async () => {
    const page = await signedIn(ADMIN, 360);
    const het = new CeilingsPage(page);
    await het.menuLink().click();
    await page.getByRole('heading', { level: 1, name: /HET\/HAP/ }).waitFor();
    expect(page.url()).toMatch(/\/het$/);
    // The seeded national ceiling, in rupiah and with its WIB date.
    await het.filter('Nasional');
    await expect.poll(() => het.rows(/Nasional/).count()).toBeGreaterThan(0);
    expect(await het.rows('Perbadan No. 12 Tahun 2024').first().textContent()).toMatch(
      /Gula.*Nasional.*kg.*Rp 17\.500.*26 Jun 2024/,
    );
    await screenshot(page, 'ceilings');

    await het.button('Tambah HET/HAP').click();
    await het.field('Komoditas').selectOption({ label: 'Gula' });
    expect(await het.fieldMessage('Komoditas').textContent()).toBe('Satuan: per kg');
    await het.field('Provinsi').selectOption({ label: '15 — Jambi' });
    await het.field('Harga per kg').fill('17.200');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/ceilings')) posts++;
    });
    await het.button('Simpan HET/HAP').click();
    await expect.poll(() => het.fieldMessage('Dasar peraturan').textContent()).toBe('Wajib diisi');
    expect(await het.field('Dasar peraturan').getAttribute('aria-invalid')).toBe('true');
    expect(posts).toBe(0);
    await screenshot(page, 'ceilings-form-error');

    await het.field('Dasar peraturan').fill(REF);
    await het.button('Simpan HET/HAP').click();
    await expect
      .poll(() => het.notice().textContent())
      .toBe(`HET/HAP Gula (Jambi) Rp 17.200 per kg mulai ${todayShown} tersimpan.`);
    expect(posts).toBe(1);
    await het.filter('Jambi');
    const row = het.rows(REF);
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      new RegExp(`Gula.*Jambi.*kg.*Rp 17\\.200.*${todayShown}`),
    );
    await screenshot(page, 'ceilings-added');
    await page.context().close();
  });

  it('at 1280 px the list shows the new ceiling among the ones of Jambi', async () => {
    const page = await signedIn(ADMIN, 1280);
    const het = new CeilingsPage(page);
    await het.open(server.url);
    await screenshot(page, 'ceilings');
    await het.filter('Jambi');
    await het.rows(REF).waitFor();
    expect(await het.rows(REF).textContent()).toMatch(/Gula.*Jambi.*kg.*Rp 17\.200/);
    await screenshot(page, 'ceilings-jambi');
    await page.context().close();
  });

  it('the products screen shows the ceiling in force and its date, and warns of a product with no ceiling', async () => {
    // A product whose commodity has no ceiling anywhere (eggs): sales are not checked against a limit.
    const api = apiOf(server.url);
    const token = await api.tokenOf(ADMIN);
    const created = await api.as(token, 'POST', '/api/v1/products', {
      sku: 'TLR-10',
      name: 'Telur Ayam 10 butir',
      unit: 'pak',
      commodity: 'telur',
      netContent: { value: 10, unit: 'g' },
      consignmentPrice: 24_000,
      retailPrice: 26_000,
      effectiveFrom: today,
    });
    expect(created.status).toBe(201);
    for (const width of [1280, 360]) {
      const page = await signedIn(ADMIN, width);
      const products = new ProductsPage(page);
      await products.open(server.url);
      const gula = products.row('Gula Kristal Putih 1 kg');
      await gula.waitFor();
      expect(await gula.textContent()).toMatch(
        new RegExp(`Rp 17\\.200\\s*sejak ${todayShown}.*Pergub Jambi`),
      );
      const warning = page.getByTestId('no-ceiling-warning');
      expect(await warning.isVisible()).toBe(true);
      expect(await warning.textContent()).toMatch(
        /Belum ada HET\/HAP untuk .*Telur Ayam 10 butir.* — penjualan tidak diperiksa terhadap batas harga/,
      );
      expect(await products.row('Gula Kristal Putih 1 kg').textContent()).not.toMatch(/Telur/);
      await screenshot(page, 'products-ceilings');
      if (width === 360) {
        await warning.getByRole('link', { name: 'Atur HET/HAP' }).click();
        await page.getByRole('heading', { level: 1, name: /HET\/HAP/ }).waitFor();
        expect(page.url()).toMatch(/\/het$/);
      }
      await page.context().close();
    }
  });

  it('a cashier lands on the cashier screen after signing in, with the same menu as before', async () => {
    const page = await signedIn(CASHIER, 360);
    // No navigation after signing in: the cashier screen is the landing screen.
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/koperasi\/[^/]+\/kasir$/);
    const heading = page.getByRole('heading', { level: 1, name: 'Kasir' });
    await heading.waitFor();
    expect(await heading.isVisible()).toBe(true);
    await page
      .getByRole('button', { name: /^Tambah / })
      .first()
      .waitFor();
    const menu = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
    await expect
      .poll(() => menu.allTextContents(), { timeout: 15_000 })
      .toEqual(['Ringkasan', 'Kasir', 'Ambil paket']);
    await screenshot(page, 'cashier-landing');
    await page.context().close();
  });
});
