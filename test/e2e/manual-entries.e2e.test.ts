import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { ManualEntriesPage } from './pages/manual-entries.ts';
import { Shell } from './pages/pages.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const MEMO = 'Listrik dan air kantor (uji e2e)';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('manual journal entries in Chromium', () => {
  it('the manager records an electricity expense at 360 px: the difference in words, then the books show it', async () => {
    const page = await signIn(browser, server.url, MANAGER, 360);
    const screen = new ManualEntriesPage(page);
    await screen.menuLink().click();
    await page.getByRole('heading', { level: 1, name: 'Jurnal & aset' }).waitFor();
    expect(page.url()).toMatch(/\/koperasi\/[^/]+\/jurnal$/);

    // Nothing filled in: the form says what is missing next to each field, and sends nothing.
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/ledger/entries')) posts++;
    });
    await screen.button('Simpan jurnal').click();
    await expect.poll(() => screen.fieldMessage('Keterangan').textContent()).toBe('Wajib diisi');
    expect(await screen.fieldMessage('Akun baris 1').textContent()).toBe('Pilih akunnya');
    expect(posts).toBe(0);

    await screen.field('Keterangan').fill(MEMO);
    await screen
      .field('Akun baris 1')
      .selectOption({ label: 'Beban Listrik, Air dan Telepon (5102)' });
    await screen.field('Debit baris 1').fill('350.000');
    await screen.field('Akun baris 2').selectOption({ label: 'Kas (1101)' });
    await screen.field('Kredit baris 2').fill('300.000');
    await expect
      .poll(() => screen.balance().textContent())
      .toBe('Belum seimbang: debit lebih besar Rp 50.000 daripada kredit.');
    // The system's own accounts are not offered.
    expect(
      await screen.field('Akun baris 1').locator('option', { hasText: '(2101)' }).count(),
    ).toBe(0);
    await screenshot(page, 'manual-entry-unbalanced');

    await screen.field('Kredit baris 2').fill('350.000');
    await expect
      .poll(() => screen.balance().textContent())
      .toBe('Seimbang: jumlah debit sama dengan jumlah kredit.');
    await screen.button('Simpan jurnal').click();
    await expect
      .poll(() => screen.notice().textContent())
      .toBe(`Jurnal "${MEMO}" tersimpan: Rp 350.000.`);
    expect(posts).toBe(1);
    await screen.rows(MEMO).first().waitFor();
    expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'manual-entry-saved');

    // A motorbike bought through the bank: 12.000.000 over 36 months is Rp 333.333 a month.
    await screen.button('Catat aset tetap').click();
    await screen.field('Nama aset').fill('Sepeda motor pengantaran');
    await screen.field('Kelompok aset').selectOption({ label: 'Kendaraan (1503)' });
    await screen.field('Harga perolehan').fill('12.000.000');
    await screen.field('Umur manfaat (bulan)').fill('36');
    await screen.field('Dibayar dari').selectOption({ label: 'Bank (1102)' });
    await screen.button('Catat aset tetap').click();
    await expect
      .poll(() => page.locator('p.notice').filter({ hasText: 'Aset' }).textContent())
      .toBe('Aset "Sepeda motor pengantaran" tercatat: Rp 333.333 per bulan.');
    expect(await screen.rows('Sepeda motor pengantaran').first().textContent()).toMatch(
      /Kendaraan.*Rp 12\.000\.000.*Rp 333\.333/,
    );
    expect(await new Shell(page).horizontalOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'fixed-asset-saved');

    // The books: the journal narrowed to manual entries shows it, on the electricity account.
    await screen.menuLink('Pembukuan').click();
    await page.getByRole('heading', { level: 1, name: 'Pembukuan' }).waitFor();
    await page.getByText('Jurnal per periode', { exact: true }).click();
    await screen.field('Jenis dokumen').selectOption({ label: 'Jurnal manual' });
    const row = screen.rows(MEMO).first();
    await row.waitFor();
    expect(await screen.rows(MEMO).count()).toBeGreaterThan(0);
    expect(await page.locator('table').first().textContent()).toMatch(/5102/);
    await page.context().close();
  });
});
