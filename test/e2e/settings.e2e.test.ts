import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ADMIN, firstAdminArgs } from '../helpers/first-admin.ts';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { startEmptyServer, type EmptyServer } from './empty-server.ts';
import { SettingsPage } from './pages/settings.ts';

const { email: ADMIN, password: PASSWORD } = FIRST_ADMIN;

let server: EmptyServer;
let browser: Browser;

beforeAll(async () => {
  server = await startEmptyServer('sqlite');
  const r = await server.lumbung(firstAdminArgs());
  expect(r.code, r.output).toBe(0);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Tomorrow's WIB business date. */
const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
  new Date(Date.now() + 24 * 3_600_000),
);

describe('the hub settings screen in Chromium', () => {
  it('a new hub admin fills in the profile, adds a warehouse and schedules a session length at 360 px', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360, { password: PASSWORD });
    const s = new SettingsPage(page);
    await s.menuLink().click();
    await s.heading().waitFor();
    expect(page.url()).toMatch(/\/pengaturan$/);

    // A bad NPWP is refused next to its field before anything is sent.
    await s.field('NPWP').fill('123');
    await s.button('Simpan profil').click();
    expect(await s.fieldMessage('NPWP').textContent()).toBe('NPWP harus 15 atau 16 angka');
    await s.field('Kode singkat').fill('kana-jbi');
    expect(await s.field('Kode singkat').inputValue()).toBe('KANA-JBI');
    await s.field('NPWP').fill('01.234.567.8-901.000');
    await s.field('Nama bank').fill('Bank Mandiri');
    await s.field('Nomor rekening').fill('110 001 234 5678');
    await s.field('Nama pemilik rekening').fill('Koperasi Kana');
    await s.button('Simpan profil').click();
    await s.notice('Profil hub tersimpan.').waitFor();
    expect(await s.field('NPWP').inputValue()).toBe('012345678901000');
    expect(await s.field('Nomor rekening').inputValue()).toBe('1100012345678');

    // The hub's first warehouse came with it; a second one is added.
    expect(await s.rows('Gudang Utama').textContent()).toContain('Utama');
    await s.field('Nama gudang').fill('Gudang Talang Banjar');
    await s.field('Alamat gudang').fill('Jl. Sumantri Brojonegoro No. 2');
    await s.button('Tambah gudang').click();
    await s.notice('Gudang Talang Banjar ditambahkan ke daftar gudang.').waitFor();
    await s.rows('Gudang Talang Banjar').waitFor();

    // Sessions of 8 hours from tomorrow: today's value stays 12 (the default).
    await s.field('Berlaku mulai').fill(tomorrow);
    await s.field('Lama sesi masuk (jam)').fill('8');
    await s.field('Alasan perubahan').fill('HP kasir dipakai bergantian');
    await s.button('Simpan perubahan').click();
    await s.notice(/^Perubahan mulai .* tersimpan\.$/).waitFor();
    expect(await s.rows(/Lama sesi masuk.*terjadwal/).textContent()).toContain(
      'HP kasir dipakai bergantian',
    );
    expect(await s.rows('Lama sesi masuk (jam)').first().textContent()).toContain('bawaan (12)');
    await screenshot(page, 'settings');

    // The goods receipt form now asks which warehouse.
    await page.goto(`${server.url}/gudang/penerimaan`);
    const choice = page.getByLabel('Gudang', { exact: true });
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual([
      'Gudang Utama (utama)',
      'Gudang Talang Banjar',
    ]);
    await page.context().close();
  });

  it('fits a desktop screen too', async () => {
    const page = await signIn(browser, server.url, ADMIN, 1280, { password: PASSWORD });
    const s = new SettingsPage(page);
    await page.goto(`${server.url}/pengaturan`);
    await s.heading().waitFor();
    await s.rows('Gudang Talang Banjar').waitFor();
    await screenshot(page, 'settings');
    await page.context().close();
  });
});
