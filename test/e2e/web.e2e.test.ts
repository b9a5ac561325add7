import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchChromium, signIn } from './browser.ts';
import { DashboardPage, LoginPage, NetworkPage, Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const DIST = new URL('../../web/dist/', import.meta.url);
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

  it('a manager’s first load on a phone (360 px) is under 200 KB of JavaScript over the wire', async () => {
    // A fresh context (nothing cached, no service worker yet), from / to the cooperative's dashboard.
    // Counted: every script response the page received, its bytes over the wire (CDP
    // Network.loadingFinished encodedDataLength: compressed body and headers); and, apart, what the
    // service worker fetched for itself in the background (the app shell for offline use).
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, { url: string; encoding?: string; fromSw: boolean }>();
    const wire = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type !== 'Script') return;
      const h = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      scripts.set(e.requestId, {
        url: e.response.url,
        encoding: h['content-encoding'],
        fromSw: !!e.response.fromServiceWorker,
      });
    });
    cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
    const swFetched: Promise<number>[] = [];
    context.on('requestfinished', (r) => {
      if (r.serviceWorker() && r.url().endsWith('.js'))
        swFetched.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });

    await page.goto(`${server.url}/`);
    await new LoginPage(page).signIn('simpang-iv-sipin@kdkmp.demo');
    expect(page.url()).toMatch(/\/koperasi\//);
    await new DashboardPage(page)
      .card(/Tagihan/)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => [...scripts.keys()].filter((id) => !wire.has(id))).toEqual([]);

    const loaded = [...scripts].map(([id, s]) => ({ ...s, bytes: wire.get(id) ?? 0 }));
    const total = loaded.reduce((t, s) => t + s.bytes, 0);
    // The service worker's own downloads, once it is installed (it precaches the rest of the app).
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    const background = (await Promise.all(swFetched)).filter((n) => n > 0);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const line = (s: (typeof loaded)[number]) =>
      `  ${kb(s.bytes).padStart(9)}  ${s.encoding ?? 'identity'}  ${new URL(s.url).pathname}`;
    console.log(
      [
        `First load of a cooperative manager at 360 px: ${kb(total)} of JavaScript over the wire`,
        `(${loaded.length} scripts; CDP Network.loadingFinished encodedDataLength per script response)`,
        ...loaded.sort((a, b) => b.bytes - a.bytes).map(line),
        `Then the service worker, in the background: ${kb(background.reduce((t, n) => t + n, 0))}`,
        `of JavaScript in ${background.length} files (the rest of the app, for offline use).`,
      ].join('\n'),
    );
    // Every script with a compressed copy came compressed; none came from the service worker (its
    // bytes would be counted apart); and the whole is what a phone on patchy data can take.
    const hasBrotliCopy = (url: string) =>
      existsSync(new URL(`.${new URL(url).pathname}.br`, DIST));
    expect(loaded.filter((s) => hasBrotliCopy(s.url) && s.encoding !== 'br')).toEqual([]);
    expect(loaded.filter((s) => s.fromSw)).toEqual([]);
    expect(total).toBeLessThan(200 * 1024);
    await context.close();
  });
});
