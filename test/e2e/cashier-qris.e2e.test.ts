import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dynamicQris,
  hasValidCrc,
  parseTlv,
  type QrisMerchant,
} from '../../web/src/features/cashier/qris.ts';
import { apiOf, SHOTS, launchChromium, screenshot, signIn } from './browser.ts';
import { QrisScreen, QrisSettingsScreen, ReceiptPanel } from './pages/cashier-qris.ts';
import { CashierScreen, CooperativeScreens } from './pages/cooperative.ts';
import { Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const CASHIER = 'kasir.simpang-iv-sipin@kdkmp.demo';

interface Product {
  id: string;
  name: string;
  retailPrice: number | null;
  ceilingPrice: number | null;
  commodity: string;
}

let server: RunningServer;
let browser: Browser;
let cashierToken: string;
let coopId: string;
let gula: Product;
let other: Product;

const apiAs = (token: string, method: string, path: string, body?: unknown) =>
  apiOf(server.url).as(token, method, path, body);
const tokenOf = (email: string) => apiOf(server.url).tokenOf(email);
const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

async function merchantOf(): Promise<QrisMerchant> {
  const m = await apiAs(cashierToken, 'GET', `/api/v1/cooperatives/${coopId}/qris-merchant`);
  expect(m.status).toBe(200);
  return {
    nmid: m.body.nmid,
    mcc: m.body.mcc,
    name: m.body.name,
    city: m.body.city,
    criteria: m.body.criteria,
    ...(m.body.postalCode ? { postalCode: m.body.postalCode } : {}),
  };
}

async function newestSales(n = 5) {
  return (await apiAs(cashierToken, 'GET', `/api/v1/cooperatives/${coopId}/sales?limit=${n}`)).body
    .items as { id: string; paymentMethod: string; totalAmount: number; occurredAt: string }[];
}

/** Screenshots the QR element and reads it back with a real decoder (zbarimg of zbar-tools). */
async function decodeQr(page: Page, amount: string): Promise<string> {
  const file = `${SHOTS}cashier-qris-code-${page.viewportSize()!.width}.png`;
  await new QrisScreen(page).code(amount).screenshot({ path: file });
  return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  const hubToken = await tokenOf('admin@kana.demo');
  cashierToken = await tokenOf(CASHIER);
  const coops = (await apiAs(hubToken, 'GET', '/api/v1/cooperatives?limit=200')).body.items;
  coopId = coops.find((c: { name: string }) => c.name === 'KDKMP Simpang IV Sipin').id;
  const products = (await apiAs(hubToken, 'GET', '/api/v1/products')).body.items as Product[];
  const sellable = products.filter(
    (p) => p.retailPrice !== null && (p.ceilingPrice === null || p.retailPrice <= p.ceilingPrice),
  );
  gula = sellable.find((p) => p.commodity === 'gula' && /1 ?kg/i.test(p.name))!;
  other = sellable.find((p) => p.commodity !== 'gula')!;
  expect(gula && other).toBeTruthy();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function atCashier(width: number) {
  const page = await signIn(browser, server.url, CASHIER, width);
  await new CooperativeScreens(page, server.url).open(coopId, 'kasir');
  return page;
}

describe('QRIS and receipts at the cashier, in Chromium', () => {
  it('a QRIS sale: the QR decodes to the payload for the total with a valid CRC, the sale is recorded, the receipt shares it', async () => {
    const merchant = await merchantOf();
    for (const width of [360, 1280]) {
      const page = await atCashier(width);
      const cashier = new CashierScreen(page);
      const qris = new QrisScreen(page);
      const receipt = new ReceiptPanel(page);
      await cashier.add(gula.name, 2);
      await cashier.add(other.name, 1);
      const total = 2 * gula.retailPrice! + other.retailPrice!;
      expect(await cashier.total().textContent()).toBe(rp(total));
      await cashier.pay('QRIS');
      await qris.show();
      await qris.code(rp(total)).waitFor();
      expect(await qris.amount().textContent()).toBe(rp(total));
      expect(await page.getByText(`NMID: ${merchant.nmid}`).count()).toBe(1);
      expect(await page.getByText(`Merchant: ${merchant.name}`).count()).toBe(1);
      // Big enough to scan from a phone: at least 240 CSS px across.
      const box = (await qris.code(rp(total)).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(240);

      const payload = await decodeQr(page, rp(total));
      expect(payload).toBe(dynamicQris(merchant, total));
      expect(hasValidCrc(payload)).toBe(true);
      const fields = parseTlv(payload);
      expect(fields.get('01')).toBe('12');
      expect(fields.get('54')).toBe(String(total));
      expect(parseTlv(fields.get('51')!).get('02')).toBe(merchant.nmid);
      await screenshot(page, 'cashier-qris');

      const before = new Set((await newestSales()).map((s) => s.id));
      await qris.paid();
      await receipt.root().waitFor();
      // The sale went to the outbox; the outbox sends it at once when online.
      await expect
        .poll(async () =>
          (await newestSales())
            .filter((s) => !before.has(s.id))
            .map((s) => [s.paymentMethod, s.totalAmount]),
        )
        .toEqual([['qris', total]]);

      expect(await receipt.total().textContent()).toBe(rp(total));
      expect(await receipt.root().textContent()).toContain('KDKMP Simpang IV Sipin');
      expect(await receipt.root().textContent()).toMatch(/Cara bayarQRIS/);
      expect(await receipt.change().count()).toBe(0);
      const text = await receipt.sharedText();
      expect(text).toContain(`Total: ${rp(total)}`);
      expect(text).toContain('Cara bayar: QRIS');
      expect(text).toContain(`  2 x ${rp(gula.retailPrice!)} = ${rp(2 * gula.retailPrice!)}`);
      expect(text).toMatch(/ WIB\n/);
      expect(await receipt.whatsApp().getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\?text=/);
      await screenshot(page, 'cashier-receipt');

      // Printed, only the receipt is on paper, 58 mm wide (48 mm of text), in a monospace font.
      await page.emulateMedia({ media: 'print' });
      expect(await new Shell(page).heading().isVisible()).toBe(false);
      expect(await receipt.printButton().isVisible()).toBe(false);
      expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
      expect(await receipt.root().isVisible()).toBe(true);
      const printed = (await receipt.root().boundingBox())!;
      expect(Math.round(printed.width)).toBe(Math.round((58 / 25.4) * 96));
      expect(printed.x).toBe(0);
      expect(
        await page.evaluate<string>(
          "getComputedStyle(document.querySelector('[data-testid=receipt]')).fontFamily",
        ),
      ).toMatch(/mono/i);
      await page.screenshot({ path: `${SHOTS}cashier-receipt-print-${width}.png` });
      await page.emulateMedia({ media: 'screen' });

      await receipt.newSale();
      expect(await receipt.root().count()).toBe(0);
      expect(await cashier.total().textContent()).toBe('Rp 0');
      await page.context().close();
    }
  });

  it('"Batal" goes back to the cart without recording anything', async () => {
    const page = await atCashier(360);
    const cashier = new CashierScreen(page);
    const qris = new QrisScreen(page);
    await cashier.add(gula.name, 1);
    await cashier.pay('QRIS');
    await qris.show();
    await qris.code(rp(gula.retailPrice!)).waitFor();
    const before = (await newestSales(1))[0]?.id;
    await qris.cancel();
    expect(await cashier.total().textContent()).toBe(rp(gula.retailPrice!));
    expect((await newestSales(1))[0]?.id).toBe(before);
    await page.context().close();
  });

  it("a cash sale's receipt shows the cash received and the change", async () => {
    const page = await atCashier(360);
    const cashier = new CashierScreen(page);
    const receipt = new ReceiptPanel(page);
    await cashier.add(gula.name, 3);
    const total = 3 * gula.retailPrice!;
    await cashier.pay('Tunai', '100000');
    await cashier.finish();
    await receipt.root().waitFor();
    expect(await receipt.change().textContent()).toBe(rp(100_000 - total));
    expect(await receipt.root().textContent()).toContain(`Uang diterima${rp(100_000)}`);
    const text = await receipt.sharedText();
    expect(text).toContain(`Kembalian: ${rp(100_000 - total)}`);
    expect(text).toContain('Cara bayar: Tunai');
    await expect
      .poll(async () => (await newestSales(1))[0])
      .toMatchObject({ paymentMethod: 'cash', totalAmount: total });
    await screenshot(page, 'cashier-receipt-cash');
    // The next customer: tapping a product starts a new sale and closes the receipt.
    await cashier.add(gula.name, 1);
    expect(await receipt.root().count()).toBe(0);
    await page.context().close();
  });

  it('without merchant data the cashier is told so, and QRIS is not offered', async () => {
    const page = await signIn(browser, server.url, CASHIER, 360);
    // The server's answer for a cooperative with no merchant data.
    await page.route('**/qris-merchant', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'NotFound',
          detail: 'Data merchant QRIS koperasi ini belum diatur',
        }),
      }),
    );
    await new CooperativeScreens(page, server.url).open(coopId, 'kasir');
    await new CashierScreen(page).add(gula.name, 1);
    await expect
      .poll(() => page.getByText(/data merchant QRIS koperasi ini belum diatur/).count())
      .toBe(1);
    expect(await page.getByText(/Pengurus koperasi dapat mengaturnya/).count()).toBe(1);
    expect(await new QrisScreen(page).qrisOption().count()).toBe(0);
    expect(await page.getByLabel('Tunai', { exact: true }).isChecked()).toBe(true);
    // A cashier does not manage the cooperative: no link to the settings.
    expect(await page.getByRole('link', { name: 'Atur data merchant QRIS' }).count()).toBe(0);
    await screenshot(page, 'cashier-no-qris');
    await page.context().close();
  });

  it('the manager sets the merchant data; a wrong MCC is refused before sending; the QR then carries it', async () => {
    for (const width of [360, 1280]) {
      const page = await signIn(browser, server.url, MANAGER, width);
      await page.goto(`${server.url}/koperasi/${coopId}/qris`);
      const s = new QrisSettingsScreen(page);
      await s.field('NMID').waitFor();
      const stored = await merchantOf();
      expect(await s.field('NMID').inputValue()).toBe(stored.nmid);
      await s.field('MCC').fill('54');
      await s.field('Nama merchant').fill(width === 360 ? 'KDKMP Sipin' : 'KDKMP Simpang 4 Sipin');
      await s.save();
      await expect.poll(() => page.getByText('Isi tepat 4 angka').count()).toBe(1);
      expect((await merchantOf()).mcc).toBe('5411');
      await screenshot(page, 'qris-settings');
      await s.field('MCC').fill('5411');
      await s.field('Kode pos').fill('36124');
      await s.save();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(/Data merchant QRIS tersimpan/);
      const saved = await merchantOf();
      expect(saved).toMatchObject({
        name: width === 360 ? 'KDKMP Sipin' : 'KDKMP Simpang 4 Sipin',
        postalCode: '36124',
      });
      await page.context().close();
    }
    const page = await atCashier(360);
    const cashier = new CashierScreen(page);
    await cashier.add(gula.name, 1);
    await cashier.pay('QRIS');
    await new QrisScreen(page).show();
    const payload = await decodeQr(page, rp(gula.retailPrice!));
    expect(payload).toBe(dynamicQris(await merchantOf(), gula.retailPrice!));
    expect(parseTlv(payload).get('59')).toBe('KDKMP Simpang 4 Sipin');
    await page.context().close();
  });
});
