import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { PayablesPage, RiskPage } from './pages/payables.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const ADMIN = 'admin@kana.demo';

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

describe('supplier payables and credit risk in Chromium', () => {
  it('the hub admin records a payment to the demo supplier at 360 px, and an overpayment is refused in words', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360);
    const payables = new PayablesPage(page);
    await payables.menuLink().click();
    await payables.waitFor();
    await expect.poll(() => payables.rows('PT Sinar Gula Nusantara').count()).toBeGreaterThan(0);
    await screenshot(page, 'payables');
    await payables.button('Catat pembayaran').click();
    await payables.field('Pemasok').selectOption({ label: 'PT Sinar Gula Nusantara' });
    await payables.field('Jumlah').fill('1.000.000');
    await payables.button('Simpan pembayaran').click();
    await expect
      .poll(() => payables.notice().textContent())
      .toMatch(/Rp 1\.000\.000 ke PT Sinar Gula Nusantara tercatat/);
    // Too much is refused with the server's words, nothing recorded.
    await payables.button('Catat pembayaran').click();
    await payables.field('Pemasok').selectOption({ label: 'PT Sinar Gula Nusantara' });
    await payables.field('Jumlah').fill('999.999.999.999');
    await payables.button('Simpan pembayaran').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/melebihi/);
  });

  it('shows the risk screen with the provision matrix and the cooperatives by score, at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await signIn(browser, server.url, ADMIN, width);
      const risk = new RiskPage(page);
      await risk.open(server.url);
      await risk.section(/Matriks provisi/).waitFor();
      await expect.poll(() => risk.rows(/Belum jatuh tempo/).count()).toBeGreaterThan(0);
      await expect.poll(() => risk.rows(/^KDKMP|KDKMP/).count()).toBeGreaterThan(0);
      await screenshot(page, 'risk');
      await page.context().close();
    }
  });
});
