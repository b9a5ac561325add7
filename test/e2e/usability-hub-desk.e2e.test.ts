import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
/** The end of last month: the demo below starts on this month's 1st, so nothing closed it yet. */
const lastMonthEnd = new Date(Date.UTC(ty, tm - 1, 0)).toISOString().slice(0, 10);
/** Last month: the demo below starts on this month's 1st and has not run its subsidy yet (the
 * pilots' history, since 2025, stops a month before). */
const quietMonth = new Date(Date.UTC(ty, tm - 2, 1)).toISOString().slice(0, 7);

beforeAll(async () => {
  // History from this month's 1st: last month's period is still open (the demo closes on the 1st
  // only after its first day), while most participations began before it ended.
  server = await startDemoServer(td - 1);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the hub's irreversible actions ask first (usability point 9)", () => {
  it('closing a period for every cooperative asks with the count, and its result is a summary', async () => {
    const api = apiOf(server.url);
    const token = await api.tokenOf('admin@kana.demo');
    const issued = async () =>
      (await api.as(token, 'GET', `/api/v1/settlements/statements?periodEnd=${lastMonthEnd}`)).body
        .items.length as number;
    const page = await signIn(browser, server.url, 'admin@kana.demo', 360);
    await page.goto(`${server.url}/penagihan`);
    // The page has loaded the network's aging (the cooperatives a close covers).
    await page
      .getByRole('region', { name: 'Umur piutang jaringan' })
      .locator('tbody tr')
      .first()
      .waitFor();
    const close = page.getByRole('region', { name: 'Tutup periode' });
    await close.getByLabel('Akhir periode').fill(lastMonthEnd);
    await close.getByRole('button', { name: 'Tutup periode' }).click();

    const ask = close.getByRole('group', { name: 'Tutup periode' });
    await expect.poll(() => ask.textContent()).toMatch(/untuk semua (\d+) koperasi/);
    const count = Number(/semua (\d+) koperasi/.exec((await ask.textContent())!)![1]);
    expect(count).toBeGreaterThan(10);
    // Saying no closes nothing.
    await ask.getByRole('button', { name: 'Batal' }).click();
    expect(await ask.count()).toBe(0);
    expect(await issued()).toBe(0);

    await close.getByRole('button', { name: 'Tutup periode' }).click();
    await ask.getByRole('button', { name: 'Ya, tutup periode' }).click();
    await expect.poll(() => close.getByRole('status').textContent()).toMatch(/\d+ tagihan/);
    expect(await issued()).toBeGreaterThan(0);
    // The statements are one tap away, not 68 cards pushing the payment form down.
    const more = close.getByText(/^Lihat \d+ tagihan$/);
    expect(await more.isVisible()).toBe(true);
    expect(await close.locator('tbody tr').first().isVisible()).toBe(false);
    const pay = await page.getByRole('region', { name: 'Catat pembayaran' }).boundingBox();
    expect(pay!.y).toBeLessThan(2_000);
    await screenshot(page, 'settlement-closed');
    await more.click();
    await expect.poll(() => close.locator('tbody tr').first().isVisible()).toBe(true);
  });

  it("running a month's subsidy asks first", async () => {
    const api = apiOf(server.url);
    const token = await api.tokenOf('admin@kana.demo');
    const runs = async () =>
      ((await api.as(token, 'GET', '/api/v1/subsidies/runs')).body.items as { month: string }[])
        .map((r) => r.month)
        .filter((m) => m === quietMonth).length;
    const page = await signIn(browser, server.url, 'admin@kana.demo', 360);
    await page.goto(`${server.url}/subsidi`);
    await page.getByLabel('Bulan', { exact: true }).fill(quietMonth);
    await page.getByRole('button', { name: 'Jalankan subsidi' }).click();
    const ask = page.getByRole('group', { name: 'Jalankan subsidi' });
    await expect.poll(() => ask.textContent()).toMatch(/untuk semua koperasi peserta/);
    await ask.getByRole('button', { name: 'Batal' }).click();
    expect(await runs()).toBe(0);
    await page.getByRole('button', { name: 'Jalankan subsidi' }).click();
    await ask.getByRole('button', { name: 'Ya, jalankan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/Proses subsidi/);
    expect(await runs()).toBe(1);
  });
});
