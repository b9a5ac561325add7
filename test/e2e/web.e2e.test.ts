import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchChromium, signIn } from './browser.ts';
import { DashboardPage, NetworkPage, Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

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

describe('web app in Chromium', () => {
  it('a hub admin sees the 68 cooperatives grouped by kecamatan, with amounts in rupiah', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn('admin@kana.demo', width);
      await expect
        .poll(() => new NetworkPage(page).cooperativeLinks().count(), { timeout: 30_000 })
        .toBe(68);
      expect(await new Shell(page).heading().textContent()).toBe('Jaringan koperasi');
      expect(await new NetworkPage(page).districtHeadings().count()).toBe(11);
      expect(
        await page
          .getByText(/^Rp \d{1,3}(\.\d{3})*$/)
          .first()
          .isVisible(),
      ).toBe(true);
      expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}network-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });

  it("a manager sees the cooperative's dashboard and cannot open another cooperative (direct URL)", async () => {
    for (const width of [360, 1280]) {
      const page = await signedIn('simpang-iv-sipin@kdkmp.demo', width);
      expect(page.url()).toMatch(/\/koperasi\//);
      const dash = new DashboardPage(page);
      await dash
        .card(/Tagihan/)
        .first()
        .waitFor();
      expect(await dash.card(/Eksposur/).textContent()).toMatch(/Rp [\d.]+/);
      expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}cooperative-dashboard-${width}.png`, fullPage: true });
      await page.context().close();
    }
    const hub = await signedIn('admin@kana.demo', 1280);
    const other = (await new NetworkPage(hub)
      .cooperativeLinks()
      .filter({ hasText: 'Buluran Kenali' })
      .getAttribute('href'))!;
    await hub.context().close();
    const page = await signedIn('simpang-iv-sipin@kdkmp.demo', 360);
    await page.goto(`${server.url}${other}`);
    for (const screen of ['', '/kasir', '/terima', '/retur', '/opname', '/tagihan', '/buku']) {
      await page.goto(`${server.url}${other}${screen}`);
      const alert = new DashboardPage(page).alert().first();
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/tidak berhak/i);
      expect(await page.locator('.card, form, table').count()).toBe(0);
    }
    // The server refuses too, whatever the screen shows.
    const res = await page.request.get(
      `${server.url}/api/v1${other.replace('/koperasi/', '/cooperatives/')}/dashboard`,
    );
    expect([403, 404]).toContain(res.status());
    await page.context().close();
  });

  it('the language switch turns the screens English and is remembered', async () => {
    const page = await signedIn('dinas@jambikota.demo', 1280);
    await page.goto(`${server.url}/jaringan`);
    await expect.poll(() => new Shell(page).heading().textContent()).toBe('Jaringan koperasi');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me/locale') && r.ok()),
      new Shell(page).chooseLanguage('English'),
    ]);
    await expect.poll(() => new Shell(page).heading().textContent()).toBe('Cooperative network');
    await page.reload();
    await expect.poll(() => new Shell(page).heading().textContent()).toBe('Cooperative network');
    // Remembered per user: a new browser (nothing stored) signs in in English.
    const again = await signedIn('dinas@jambikota.demo', 360);
    await again.goto(`${server.url}/jaringan`);
    await expect.poll(() => new Shell(again).heading().textContent()).toBe('Cooperative network');
    await again.context().close();
    await new Shell(page).chooseLanguage('Bahasa Indonesia');
    await expect.poll(() => new Shell(page).heading().textContent()).toBe('Jaringan koperasi');
    await page.context().close();
  });
});
