import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const MANAGER = 'simpang-iv-sipin@kdkmp.demo';
const idr = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const rupiah = (n: number) => `${n < 0 ? '-' : ''}Rp ${idr.format(Math.abs(n))}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dateId = (d: string) =>
  new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${d}T00:00:00Z`));
/** The books screen before this change: ~9,500 px at 360 px wide. */
const TWO_SCREENS = 2 * 780;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(20);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Account {
  code: string;
  name: string;
  debit: number;
  credit: number;
}

/** What the server says, as the manager: the figures the screen must state in words. */
async function figuresOf(coopId: string) {
  const api = apiOf(server.url);
  const token = await api.tokenOf(MANAGER);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const [tb, balance, statements, fs] = await Promise.all([
    api.as(token, 'GET', `/api/v1/orgs/${coopId}/ledger/trial-balance?asOf=${today}`),
    api.as(token, 'GET', `/api/v1/cooperatives/${coopId}/balance`),
    api.as(token, 'GET', `/api/v1/cooperatives/${coopId}/statements`),
    api.as(token, 'GET', `/api/v1/orgs/${coopId}/ledger/statements?from=${month}&to=${month}`),
  ]);
  const net = (code: string) =>
    (tb.body.accounts as Account[])
      .filter((a) => a.code === code)
      .reduce((t, a) => t + a.debit - a.credit, 0);
  const open = (statements.body.items as { outstanding: number; dueDate: string }[])
    .filter((s) => s.outstanding > 0)
    .at(-1);
  const is = fs.body.incomeStatement as Record<string, number>;
  return {
    kas: net('1101'),
    bank: net('1102'),
    owed: balance.body.balanceDue as number,
    hub: statements.body.payTo.hubName as string,
    nextDue: open,
    commission: is.memberRevenue! + is.nonMemberRevenue!,
    subsidy: is.subsidyRevenue!,
  };
}

const summaryText = async (page: Page) =>
  ((await page.getByRole('region', { name: 'Ringkasan' }).textContent()) ?? '').replace(
    /\s+/g,
    ' ',
  );

describe('the books in plain words for a village manager (usability point 4)', () => {
  it('says cash and bank, what is owed to the hub and when, and what was earned this month', async () => {
    const page = await signIn(browser, server.url, MANAGER, 360);
    await page.setViewportSize({ width: 360, height: 780 });
    const coopId = /\/koperasi\/([^/]+)/.exec(page.url())![1]!;
    const f = await figuresOf(coopId);
    expect(f.kas + f.bank).toBeGreaterThan(0);
    expect(f.commission).toBeGreaterThan(0);

    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Pembukuan' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Pembukuan' }).waitFor();
    // Each figure is read on its own: wait for all three.
    await expect
      .poll(async () => {
        const text = await summaryText(page);
        return ['Uang di kas', 'Utang kepada', 'Pendapatan bulan ini'].every((w) =>
          text.includes(w),
        );
      })
      .toBe(true);
    const text = await summaryText(page);
    expect(text).toContain(`Uang di kas dan bank sekarang: ${rupiah(f.kas + f.bank)}`);
    expect(text).toContain(`Kas ${rupiah(f.kas)}`);
    expect(text).toContain(`Bank ${rupiah(f.bank)}`);
    expect(text).toContain(`Utang kepada ${f.hub}: ${rupiah(f.owed)}`);
    if (f.nextDue)
      expect(text).toContain(
        `Bayar ${rupiah(f.nextDue.outstanding)} paling lambat ${dateId(f.nextDue.dueDate)}`,
      );
    expect(text).toContain(`Pendapatan bulan ini: ${rupiah(f.commission + f.subsidy)}`);
    expect(text).toContain(`komisi penjualan ${rupiah(f.commission)}`);
    expect(text).toContain(`subsidi operasional ${rupiah(f.subsidy)}`);

    // Short on a phone before any detail is opened; no sideways scroll.
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(height).toBeLessThanOrEqual(TWO_SCREENS);
    console.log(`The books at 360 × 780 before any detail is opened: ${height} px high`);
    await screenshot(page, 'books-summary');

    // Each figure one tap from what is behind it: cash and bank's lines this month add up to it.
    await page.getByText('Rincian kas dan bank bulan ini').click();
    const cash = page.getByRole('region', { name: 'Ringkasan' }).locator('.account-lines').first();
    await expect
      .poll(async () => ((await cash.textContent()) ?? '').replace(/\s+/g, ' '), {
        timeout: 30_000,
      })
      .toContain(`Saldo sekarang ${rupiah(f.kas + f.bank)}`);
    await page.getByText('Rincian pendapatan bulan ini').click();
    const earned = page.getByRole('region', { name: 'Ringkasan' }).locator('.account-lines').nth(1);
    await expect
      .poll(async () => ((await earned.textContent()) ?? '').replace(/\s+/g, ' '), {
        timeout: 30_000,
      })
      .toContain(`Jumlah ${rupiah(f.commission + f.subsidy)}`);
    await screenshot(page, 'books-details');

    // The trial balance is one tap away, and still balanced.
    await page.getByText('Neraca saldo', { exact: true }).click();
    const tb = page.getByRole('region', { name: 'Neraca saldo' });
    await expect.poll(() => tb.getByRole('status').textContent()).toBe('Seimbang: debit = kredit');

    // What is owed leads to the statements and payments.
    await page.getByRole('link', { name: 'Lihat tagihan dan pembayaran' }).click();
    await page.waitForURL(new RegExp(`/koperasi/${coopId}/tagihan$`));
  });

  it("the dashboard tells 'Tagihan' from 'Bayar berikutnya' in one sentence", async () => {
    const page = await signIn(browser, server.url, MANAGER, 360);
    await page.setViewportSize({ width: 360, height: 780 });
    await expect
      .poll(async () => (await page.locator('main').textContent()) ?? '')
      .toMatch(
        new RegExp(
          escape(
            'Tagihan: semua yang harus dibayar koperasi kepada hub saat ini, termasuk penjualan yang belum masuk tagihan per periode. Bayar berikutnya: sisa tagihan per periode tertua yang belum lunas, dibayar paling lambat pada tanggal jatuh temponya.',
          ),
        ),
      );
    await screenshot(page, 'books-dashboard');
  });
});
