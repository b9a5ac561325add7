import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { JobsPage } from './pages/jobs.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const ADMIN = 'admin@kana.demo';
const CLOSE = 'Tutup periode penagihan';
const SUBSIDY = 'Subsidi operasional bulanan';

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

describe('scheduled jobs in Chromium', () => {
  it('the hub admin sees the month-end jobs with their schedule in WIB and runs one by hand at 360 px', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360);
    const jobs = new JobsPage(page);
    await jobs.menuLink().click();
    await page.getByRole('heading', { level: 1, name: 'Tugas terjadwal' }).waitFor();
    expect(page.url()).toMatch(/\/tugas$/);
    expect(await jobs.fact(CLOSE, 'Jadwal').textContent()).toBe('Setiap hari pukul 00.30 WIB');
    expect(await jobs.fact(SUBSIDY, 'Jadwal').textContent()).toBe(
      'Setiap tanggal 1 pukul 01.00 WIB',
    );
    expect(await jobs.fact(CLOSE, 'Terakhir dijalankan').textContent()).toBe('Belum pernah');
    expect(await jobs.fact(CLOSE, 'Berikutnya').textContent()).toMatch(/00\.30 WIB$/);

    await jobs.runNow(CLOSE).click();
    await expect
      .poll(() => jobs.notice(CLOSE).textContent())
      .toMatch(
        /^Tutup periode penagihan selesai: (\d+ tagihan diterbitkan|Tidak ada tagihan baru)/,
      );
    await expect.poll(() => jobs.fact(CLOSE, 'Status').textContent()).toBe('Berhasil');
    expect(await jobs.fact(CLOSE, 'Terakhir dijalankan').textContent()).toMatch(/WIB \(manual\)$/);
    await screenshot(page, 'jobs');
  });

  it('in English at 1280 px, the subsidy run by hand shows its result', async () => {
    const page = await signIn(browser, server.url, ADMIN, 1280);
    await page.goto(`${server.url}/tugas`);
    await page.getByLabel(/Bahasa|Language/).selectOption({ label: 'English' });
    await page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }).waitFor();
    const card = page.getByRole('article', { name: 'Monthly operational subsidy' });
    await card.getByRole('button', { name: 'Run now: Monthly operational subsidy' }).click();
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toMatch(/^Monthly operational subsidy finished: Subsidy \d{4}-\d{2}: /);
    await screenshot(page, 'jobs');
  });
});
