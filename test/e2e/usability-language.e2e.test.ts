import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.ts';
import { apiOf, launchChromium, signIn } from './browser.ts';
import { ProgramPage } from './pages/sembako.ts';
import { CooperativeStatementsPage } from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(40);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** English words that must not appear on an Indonesian document beside their Indonesian. */
const ENGLISH =
  /\((Consignment statement|Summary|Opening balance|Closing balance|Payments|Sales|How to pay|Due date|Outstanding)\)/;

describe('one language at a time (usability point 12)', () => {
  it('the statement PDF, the officers and the units speak Indonesian only', async () => {
    const api = apiOf(server.url);
    const token = await api.tokenOf('simpang-iv-sipin@kdkmp.demo');
    const me = await api.as(token, 'GET', '/api/v1/auth/me');
    const coopId = me.body.memberships[0].orgId as string;
    const page = await signIn(browser, server.url, 'simpang-iv-sipin@kdkmp.demo', 360);
    const statements = new CooperativeStatementsPage(page);
    await statements.open(server.url, coopId);
    const href = (await statements.pdfLinks().first().getAttribute('href'))!;
    const pdf = await fetch(`${server.url}${href}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Tagihan Konsinyasi');
    expect(text).toContain('Ringkasan');
    expect(text).not.toMatch(ENGLISH);

    await page.goto(`${server.url}/koperasi/${coopId}`);
    // The payments tab names the method in words.
    await page.getByRole('tab', { name: 'Pembayaran' }).click();
    const payments = page.locator('tbody');
    await expect.poll(() => payments.textContent()).toMatch(/Tunai|Transfer bank/);
    expect(await payments.textContent()).not.toMatch(/\b(cash|transfer)\b/);
    await page.getByRole('tab', { name: 'Pengurus & perjanjian' }).click();
    const officers = page.locator('dl.facts dt');
    await expect.poll(() => officers.allTextContents()).toContain('Ketua');
    expect(await officers.allTextContents()).not.toContain('ketua');

    const products = await api.as(token, 'GET', '/api/v1/products');
    const units = (products.body.items as { unit: string }[]).map((p) => p.unit);
    expect(units).not.toContain('pouch');
    expect(units).toContain('bungkus');
  });

  it("a refused roster row gives its reason in the reader's language only", async () => {
    const page = await signIn(browser, server.url, 'program@jambikota.demo', 360);
    const program = new ProgramPage(page);
    await program.open(server.url, 'peserta');
    await program.importRoster(
      'nip,nama,opd,telepon,kode_kelurahan\n12345,Salah Ketik,Dinas Sosial,,15.71.01.1001\n',
    );
    const row = page.locator('tbody tr').filter({ hasText: '12345' });
    await expect.poll(() => row.textContent()).toMatch(/NIP harus 18 angka/);
    expect(await row.textContent()).not.toMatch(/must be/);
  });
});
