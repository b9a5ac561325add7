import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../src/demo/random.ts';
import { launchChromium, screenshot, signIn } from './browser.ts';
import {
  ParticipantPage,
  PickupDeskPage,
  ProgramPage,
  signInParticipant,
} from './pages/sembako.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

/** An activated demo participant; the demo gave them an open order this month, which they cancel first. */
const NIP = '197504121997082301';
const ADMIN = 'program@jambikota.demo';

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

describe('Sembako Bahagia in Chromium', () => {
  let programId = '';
  let coopId = '';
  let cashier = '';
  let month = '';

  it('a civil servant orders a package and sees the pickup code and its QR code; the cashier of the pickup KDKMP hands it over', async () => {
    const asn = await signInParticipant(browser, server.url, NIP, 360);
    const me = new ParticipantPage(asn);
    await me.orders().first().waitFor();
    await me.cancelOpenOrders();
    await me.order(/^Paket Gula & Minyak/);
    await expect.poll(() => me.notice().textContent()).toMatch(/Pesanan tersimpan/);
    await expect.poll(() => me.pickupCode().textContent()).toMatch(/^[A-Z2-9]{10}$/);
    const code = (await me.pickupCode().textContent())!;
    await me.qr().waitFor();
    expect(await me.openOrder().textContent()).toContain('Rp 50.000');
    await screenshot(asn, 'sembako-asn');
    const programs = await json<{ items: { id: string }[] }>(asn, '/api/v1/programs');
    programId = programs.items[0]!.id;
    const mine = await json<{
      items: {
        status: string;
        pickupCooperativeId: string;
        pickupCooperativeName: string;
        month: string;
      }[];
    }>(asn, `/api/v1/programs/${programId}/my/orders`);
    const open = mine.items.find((o) => o.status === 'ordered')!;
    coopId = open.pickupCooperativeId;
    month = open.month;
    cashier = `kasir.${slugOf(open.pickupCooperativeName.replace(/^KDKMP /, ''))}@kdkmp.demo`;
    await asn.context().close();

    const desk = await signIn(browser, server.url, cashier, 360);
    await desk.getByRole('link', { name: 'Ambil paket' }).click();
    const pickup = new PickupDeskPage(desk);
    await desk.getByRole('heading', { level: 1, name: 'Ambil paket Sembako' }).waitFor();
    const before = await json<{ balanceDue: number }>(
      desk,
      `/api/v1/cooperatives/${coopId}/balance`,
    );
    // A wrong code is refused in words.
    await pickup.find('ZZZZZZZZZZ');
    await expect.poll(() => pickup.alert().textContent()).toContain('Kode ambil tidak ditemukan');
    // Typed in lower case with a dash, the code still finds the order.
    await pickup.find(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`);
    await expect.poll(() => pickup.result().textContent()).toMatch(/Paket Gula & Minyak × 1/);
    expect(await pickup.result().textContent()).toContain(NIP);
    await screenshot(desk, 'sembako-pickup');
    await pickup.handOver();
    await expect
      .poll(() => pickup.notice().textContent())
      .toMatch(/Selesai: Paket Gula & Minyak × 1 diserahkan/);
    const after = await json<{ balanceDue: number }>(
      desk,
      `/api/v1/cooperatives/${coopId}/balance`,
    );
    expect(after.balanceDue).toBeGreaterThan(before.balanceDue);
    // The same code again: already used.
    await desk.getByRole('button', { name: 'Pesanan berikutnya' }).click();
    await pickup.find(code);
    await expect.poll(() => pickup.alert().textContent()).toMatch(/sudah dipakai/);
    await desk.context().close();
  });

  it('the program admin exports the deductions, imports the payroll result and records the sponsor payment, which lowers the cooperative’s balance', async () => {
    const page = await signIn(browser, server.url, ADMIN, 1280);
    expect(new URL(page.url()).pathname).toBe('/program');
    const program = new ProgramPage(page);
    await program.link('Potong gaji').click();
    const csvLink = program.link('Unduh CSV potong gaji');
    await csvLink.waitFor();
    const csv = await page.request.get(`${server.url}${await csvLink.getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    const line = (await csv.text()).split(/\r?\n/).find((l) => l.startsWith(NIP));
    expect(line).toMatch(/,50000,/);
    const xlsx = await page.request.get(
      `${server.url}${await program.link('Unduh XLSX potong gaji').getAttribute('href')}`,
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await program.importResults(`nip,jumlah,status\n${NIP},50000,berhasil\n`);
    await expect.poll(() => program.notice().textContent()).toMatch(/^1 baris tercatat, 0 ditolak/);
    expect(await program.rows().first().textContent()).toContain('Berhasil');
    await screenshot(page, 'sembako-payroll');

    type Recon = {
      cooperatives: { cooperativeId: string; payable: number }[];
      total: { payable: number };
    };
    const recon = await json<Recon>(
      page,
      `/api/v1/programs/${programId}/periods/${month}/reconciliation`,
    );
    const share = recon.cooperatives.find((c) => c.cooperativeId === coopId)!.payable;
    expect(share).toBeGreaterThanOrEqual(65_000); // our package: Rp 15.000 subsidy + Rp 50.000 deducted
    await program.link('Rekonsiliasi').click();
    await program.total('payable').waitFor();
    const cashierPage = await signIn(browser, server.url, cashier, 1280);
    const before = await json<{ balanceDue: number }>(
      cashierPage,
      `/api/v1/cooperatives/${coopId}/balance`,
    );
    await program.paySponsor(recon.total.payable, 'SP2D/E2E/001');
    await expect
      .poll(() => program.notice().textContent())
      .toMatch(/^Pembayaran Rp [\d.]+ tercatat untuk \d+ koperasi/);
    await expect.poll(() => program.total('payable').textContent()).toMatch(/Rp 0$/);
    const after = await json<{ balanceDue: number }>(
      cashierPage,
      `/api/v1/cooperatives/${coopId}/balance`,
    );
    expect(after.balanceDue).toBe(before.balanceDue - share);
    await cashierPage.context().close();
    await page.context().close();
  });

  it('a roster import reports each bad row with every reason', async () => {
    const page = await signIn(browser, server.url, ADMIN, 1280);
    const program = new ProgramPage(page);
    await program.open(server.url, 'peserta');
    await program.importRoster(
      'nip,nama,opd,telepon,kode_kelurahan\n' +
        '198503152010011002,Budi Uji,Dinas Pendidikan,081234567890,15.71.01.1001\n' +
        '12345,,Dinas Pendidikan,081234567890,99.99.99.9999\n',
    );
    await expect.poll(() => program.notice().textContent()).toMatch(/1 baris ditolak/);
    const row = program.rows().filter({ hasText: '12345' });
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/NIP/i);
    expect(text).toMatch(/kelurahan/i);
    expect(await row.locator('li').count()).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('screens fit a 360 px phone and a 1280 px desk', async () => {
    for (const width of [360, 1280]) {
      const page = await signIn(browser, server.url, ADMIN, width);
      const program = new ProgramPage(page);
      for (const [tab, name] of [
        ['', 'sembako-reconciliation'],
        ['peserta', 'sembako-roster'],
        ['daftar-peserta', 'sembako-participants'],
        ['periode', 'sembako-periods'],
        ['potong-gaji', 'sembako-payroll'],
        ['permintaan', 'sembako-demand'],
      ] as const) {
        await program.open(server.url, tab);
        await page.locator('.datatable, .form').first().waitFor();
        await screenshot(page, name);
      }
      await page.context().close();
      const login = await browser.newPage({ viewport: { width, height: 800 } });
      await login.goto(`${server.url}/asn/masuk`);
      await login.getByLabel('NIP').waitFor();
      await screenshot(login, 'sembako-asn-login');
      await login.close();
      if (width === 1280) {
        const asn = await signInParticipant(browser, server.url, NIP, width);
        await new ParticipantPage(asn).orders().first().waitFor();
        await screenshot(asn, 'sembako-asn');
        await asn.context().close();
        const desk = await signIn(browser, server.url, cashier, width);
        await new PickupDeskPage(desk).open(server.url, coopId);
        await screenshot(desk, 'sembako-pickup');
        await desk.context().close();
      }
    }
  });
});
