import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';

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

describe('the SAK EP statements in Chromium', () => {
  it('the manager reads the four statements at 360 px, the balance sheet balances, and downloads the PDF', async () => {
    const page = await signIn(browser, server.url, MANAGER, 360);
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Laporan keuangan' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Laporan keuangan SAK EP' }).waitFor();
    expect(page.url()).toMatch(/\/koperasi\/[^/]+\/laporan-keuangan$/);
    for (const name of [
      /^Laporan posisi keuangan per 31 Desember \d{4}$/,
      /^Perhitungan hasil usaha \d{4}$/,
      /^Laporan arus kas \d{4}$/,
      /^Laporan perubahan ekuitas \d{4}$/,
    ])
      await page.getByRole('heading', { level: 2, name }).waitFor();

    // Total assets = total liabilities and equity, in both years' columns.
    const amounts = async (label: string) =>
      page
        .locator('table.statement tr')
        .filter({ has: page.getByRole('cell', { name: label, exact: true }) })
        .first()
        .locator('td.amount')
        .allTextContents();
    const assets = await amounts('Jumlah aset');
    expect(assets).toHaveLength(2);
    expect(assets[0]).toMatch(/^-?Rp [\d.]+$/);
    expect(await amounts('Jumlah liabilitas dan ekuitas')).toEqual(assets);
    expect(
      await page.getByRole('status').filter({ hasText: 'Seimbang' }).first().textContent(),
    ).toBe('Seimbang: aset = liabilitas + ekuitas');
    expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'financial-statements-360');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh PDF' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'lumbung-statements-')), 'laporan.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^laporan-keuangan-\d{4}\.pdf$/);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    await page.context().close();
  });
});
