import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
/** The 4th of this month (or of last month early in a month): the demo ran last month's subsidy on
 * the 2nd and pays the transfers out on the 7th, so on the 4th they all still wait. */
const fourth = new Date(Date.UTC(ty, td >= 4 ? tm - 1 : tm - 2, 4, 3)).toISOString();
const ranMonth = new Date(Date.UTC(ty, td >= 4 ? tm - 2 : tm - 3, 1)).toISOString().slice(0, 7);

beforeAll(async () => {
  server = await startDemoServer(40, { now: fourth });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the month's subsidies in one batch (usability point 14)", () => {
  it('marks every waiting transfer of the month paid with one reference', async () => {
    const api = apiOf(server.url);
    const token = await api.tokenOf('admin@kana.demo');
    const waiting = async () =>
      (
        (await api.as(token, 'GET', `/api/v1/subsidies/runs/${ranMonth}`)).body.items as {
          status: string;
        }[]
      ).filter((g) => g.status === 'accrued').length;
    const count = await waiting();
    expect(count).toBeGreaterThan(1);

    const page = await signIn(browser, server.url, 'admin@kana.demo', 360);
    await page.goto(`${server.url}/subsidi`);
    await page.getByLabel('Proses bulan', { exact: true }).selectOption(ranMonth);
    await page.getByRole('button', { name: `Tandai semua dibayar (${count} koperasi)` }).click();
    await page.getByLabel('Referensi transfer').fill('TRF/SUBSIDI/MASSAL/01');
    // The server's day is the 4th (the browser's may be later).
    await page.getByLabel('Tanggal transfer').fill(fourth.slice(0, 10));
    await screenshot(page, 'subsidy-batch');
    await page.locator('form.card').getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(new RegExp(`^${count} subsidi \\(Rp [\\d.]+\\) dicatat dibayar`));
    expect(await waiting()).toBe(0);
  });
});
