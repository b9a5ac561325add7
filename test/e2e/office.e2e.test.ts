import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchChromium, signIn } from './browser.ts';
import { Shell } from './pages/pages.ts';
import { RegionPage, TrainingPage } from './pages/office.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const OFFICE = 'dinas@jambikota.demo';

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

async function shot(page: Page, name: string, width: number) {
  expect(await new Shell(page).horizontalOverflow(), `${name} at ${width}px`).toBeLessThanOrEqual(
    0,
  );
  await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
}

describe('the cooperative office in Chromium', () => {
  it('sees the region by its 11 kecamatan in rupiah, and the trend charts with readable figures', async () => {
    for (const width of [1280, 360]) {
      const page = await signedIn(OFFICE, width);
      expect(page.url()).toMatch(/\/wilayah$/);
      const region = new RegionPage(page);
      await expect.poll(() => region.districtButtons().count()).toBe(11);
      expect(await new Shell(page).heading().textContent()).toBe('Ringkasan wilayah');
      // The cooperatives are listed under their kecamatan, once it is opened.
      expect(await region.cooperativeLinks().count()).toBe(0);
      await region.openAllDistricts();
      expect(await region.cooperativeLinks().count()).toBe(68);
      expect(
        await page
          .getByText(/^Rp \d{1,3}(\.\d{3})+$/)
          .first()
          .isVisible(),
      ).toBe(true);
      // 11 kecamatan and the city's total in the summary table.
      const summary = region.districtTable();
      expect(
        await summary
          .getByRole('row')
          .filter({ hasText: /^Total/ })
          .count(),
      ).toBe(1);
      await expect.poll(() => region.chartDrawings().count()).toBe(4);
      expect(await region.charts().getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        'Penjualan per bulan',
        'Subsidi dibayar per bulan',
        'Lewat jatuh tempo pada akhir bulan',
        'Koperasi aktif (ada penjualan) per bulan',
      ]);
      const figures = await region.openFigures('Penjualan per bulan');
      const rows = figures.getByRole('row');
      expect(await rows.count()).toBe(13); // header + 12 months
      expect(await figures.getByText(/^Rp [1-9]\d{0,2}(\.\d{3})+$/).count()).toBeGreaterThan(0);
      expect(
        await page.locator('figure.trend [role="img"]').first().getAttribute('aria-label'),
      ).toMatch(/^Penjualan per bulan: dari .* sampai .*Rp/);
      await shot(page, 'region-overview', width);
      await page.context().close();
    }
  });

  it('reads the BKPSDM training of the 68 cooperatives, marks an officer attended with scores, and the coverage counts them', async () => {
    const page = await signedIn(OFFICE, 1280);
    const training = new TrainingPage(page);
    await training.openCoverage(server.url);
    await page.getByTestId('officers-trained').waitFor();
    const before = await training.officersTrained();
    expect(before).toBeGreaterThan(100);

    await training.openList(server.url);
    const link = training.eventLink(/BKPSDM|Pelatihan Pengurus KDKMP Kota Jambi/);
    await link.waitFor();
    const row = training.row(/Aula BKPSDM Kota Jambi/);
    expect(await row.textContent()).toMatch(/68/);
    await shot(page, 'training-list', 1280);
    await link.click();
    await page.getByText('Aula BKPSDM Kota Jambi').first().waitFor();
    const eventId = page.url().split('/').pop()!;
    const detail = (await (
      await page.request.get(`${server.url}/api/v1/training/events/${eventId}`)
    ).json()) as { participants: { name: string; attended: boolean; cooperativeId: string }[] };
    expect(new Set(detail.participants.map((p) => p.cooperativeId)).size).toBe(68);
    const absent = detail.participants.find((p) => !p.attended)!;
    expect(absent).toBeDefined();
    await shot(page, 'training-detail', 1280);
    await training.filterParticipants(absent.name);
    await training.markAttended(absent.cooperativeId, absent.name, 45, 85);
    expect(await page.getByLabel(`Hadir — ${absent.name}`).isChecked()).toBe(true);

    await training.openCoverage(server.url);
    await expect.poll(() => training.officersTrained()).toBe(before + 1);
    await shot(page, 'training-coverage', 1280);
    await page.context().close();
  });

  it('creates a new training event', async () => {
    const page = await signedIn(OFFICE, 360);
    const training = new TrainingPage(page);
    await page.goto(`${server.url}/pelatihan/baru`);
    await page.getByRole('button', { name: 'Simpan pelatihan' }).click();
    expect(await page.getByText('Wajib diisi').count()).toBeGreaterThan(0);
    await training.createEvent({
      title: 'Pelatihan Bendahara: Laporan Keuangan Bulanan',
      date: '2026-01-15',
      venue: 'Aula Kantor Wali Kota Jambi',
      organizer: 'Dinas Koperasi dan UKM Kota Jambi',
    });
    await expect
      .poll(() => new Shell(page).heading().textContent())
      .toBe('Pelatihan Bendahara: Laporan Keuangan Bulanan');
    expect(await page.getByText('Aula Kantor Wali Kota Jambi').isVisible()).toBe(true);
    await training.openList(server.url);
    await training.eventLink(/Pelatihan Bendahara/).waitFor();
    await page.context().close();
  });

  it('at 360 px the training screens fit the phone', async () => {
    const page = await signedIn(OFFICE, 360);
    const training = new TrainingPage(page);
    await training.openList(server.url);
    await training.eventLink(/Pelatihan Pengurus KDKMP Kota Jambi/).waitFor();
    await shot(page, 'training-list', 360);
    await training.eventLink(/Pelatihan Pengurus KDKMP Kota Jambi/).click();
    await page.getByText('Aula BKPSDM Kota Jambi').first().waitFor();
    await page.getByRole('button', { name: 'Tampilkan pengurus' }).waitFor();
    await shot(page, 'training-detail', 360);
    await training.openCoverage(server.url);
    await page.getByTestId('officers-trained').waitFor();
    await shot(page, 'training-coverage', 360);
    await page.context().close();
  });

  it('the office has no hub write actions: no menu entry, no create button, and the server refuses', async () => {
    const page = await signedIn(OFFICE, 1280);
    const nav = page.getByRole('navigation', { name: 'Menu' });
    // The menu renders after the session is read: wait for it rather than read it once.
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Ringkasan wilayah', 'Jaringan', 'Pelatihan']);
    await page.goto(`${server.url}/pengiriman`);
    await new Shell(page)
      .heading()
      .or(page.getByRole('alert'))
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    expect(
      await page.getByRole('button', { name: /buat|baru|kirim|new|create|dispatch/i }).count(),
    ).toBe(0);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'lumbung_csrf')!.value;
    const res = await page.request.post(`${server.url}/api/v1/delivery-orders`, {
      headers: { 'x-csrf-token': csrf },
      data: { cooperativeId: 'x', lines: [{ productId: 'x', qty: 1 }] },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).code).toBe('Forbidden');
    await page.context().close();
  });
});
