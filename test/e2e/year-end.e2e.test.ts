import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { Shell } from './pages/pages.ts';
import { YearEndPage } from './pages/year-end.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
/** Early January 2026: the demo's last weeks are December 2025, a year that has ended. */
const NOW = '2026-01-05T03:00:00Z';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(21, { now: NOW });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('year end in Chromium', () => {
  it('at 360 px the manager fixes a split adding up to 99, simulates, closes 2025 with confirmation and sees the members’ SHU', async () => {
    const page = await signIn(browser, server.url, MANAGER, 360, { now: NOW });
    const screen = new YearEndPage(page);
    await screen.menuLink().click();
    await page.getByRole('heading', { level: 1, name: 'Tutup buku & SHU' }).waitFor();
    expect(page.url()).toMatch(/\/koperasi\/[^/]+\/tutup-buku$/);
    expect(await screen.field('Tahun buku').inputValue()).toBe('2025');

    // A split adding up to 99: the server's words next to the form, in Indonesian.
    await screen.field('Dana sosial (%)').fill('4');
    expect(await page.getByText('Jumlah: 99% (harus 100%)').count()).toBe(1);
    await screen.button('Simpan pembagian').click();
    await expect
      .poll(() => screen.alert().textContent())
      .toContain('Pembagian SHU berjumlah 99, harus tepat 100');
    await screenshot(page, 'year-end-split-99');

    await screen.field('Dana sosial (%)').fill('5');
    await screen.button('Simpan pembagian').click();
    await screen.notice('Pembagian SHU tahun 2025 tersimpan.').waitFor();

    await screen.button('Simulasikan').click();
    const simulation = screen.section('Simulasi (belum disimpan, tidak ada yang dibukukan)');
    await simulation.getByRole('heading', { name: 'Pembagian SHU' }).waitFor();
    expect(await simulation.getByText('Cadangan').count()).toBeGreaterThan(0);

    await screen.button('Tutup buku 2025').click();
    await screen.heading('Tutup buku 2025?').waitFor();
    expect(await page.getByText(/tahun 2025 dikunci/).count()).toBe(1);
    await screen.button('Ya, tutup buku 2025').click();
    await screen.notice('Tahun buku 2025 sudah ditutup dan dikunci.').waitFor();
    await screen.heading('SHU anggota').waitFor();
    await screen.field('Cari anggota (nama atau nomor)').waitFor();
    await screen.field('Cara pembayaran').waitFor();
    expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'year-end-closed');
    await page.context().close();
  });
});
