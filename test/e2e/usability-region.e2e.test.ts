import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

const OFFICE = 'dinas@jambikota.demo';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(20);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface TrendPoint {
  month: string;
  salesAmount: number;
  subsidyPaid: number;
  overdueAmount: number;
  activeCooperatives: number;
}

/** Months of the 12 before the program in the region this test pretends: their figures are zero. */
const BEFORE_PROGRAM = 4;

/**
 * The demo's pilots have sold since 2025, so every one of the 12 months has figures. The browser
 * gets the real trends with the first months emptied, as a region whose program started later
 * sees them; returns the first month with figures.
 */
async function programStartsLater(page: Page): Promise<string> {
  let start = '';
  await page.context().route('**/api/v1/region/trends**', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { items: TrendPoint[] };
    body.items.forEach((p, i) => {
      if (i < BEFORE_PROGRAM)
        Object.assign(p, {
          salesAmount: 0,
          subsidyPaid: 0,
          overdueAmount: 0,
          activeCooperatives: 0,
        });
    });
    start = body.items[BEFORE_PROGRAM]!.month;
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${server.url}/wilayah`);
  await expect.poll(() => start).not.toBe('');
  return start;
}

/** Each visible amount (`Rp 1.234.567`) that sticks out of its own box, its card/cell or the screen. */
function amountsCut(page: Page) {
  return page.locator('main').evaluate((main) => {
    const cut: string[] = [];
    for (const el of main.querySelectorAll('*')) {
      if (el.children.length > 0 || !/^-?Rp\s?\d/.test(el.textContent?.trim() ?? '')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue; // not shown (a closed disclosure)
      const holder = el.closest('.card, td, th, li, figure') ?? main;
      const outer = holder.getBoundingClientRect();
      const screen = main.getBoundingClientRect();
      if (
        el.scrollWidth > el.clientWidth + 1 ||
        box.right > Math.min(outer.right, screen.right) + 1 ||
        box.left < Math.max(outer.left, screen.left) - 1
      )
        cut.push(`${el.textContent} (${Math.round(box.right)} > ${Math.round(outer.right)})`);
    }
    return cut;
  });
}

describe('the region overview on a phone (usability point 10)', () => {
  it('fits its amounts, stays a few screens long with the trends early, and draws honest charts', async () => {
    const page = await signIn(browser, server.url, OFFICE, 360);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(page.url()).toMatch(/\/wilayah$/);
    const start = await programStartsLater(page);
    await page.getByText('Penjualan bulan ini').first().waitFor();
    const charts = page.locator('figure.trend');
    await expect.poll(() => charts.count()).toBe(4);

    // Every amount fits the card (or cell) it is shown in.
    expect(await amountsCut(page)).toEqual([]);

    // A few screens, not 28: the per-cooperative lists are behind each kecamatan.
    const height = await page.locator('html').evaluate((html) => html.scrollHeight);
    expect(height).toBeLessThan(4_000);
    // The trends come before the kecamatan table.
    const trendsTop = (await page.getByRole('heading', { name: 'Tren 12 bulan' }).boundingBox())!.y;
    const districtsTop = (await page.getByRole('heading', { name: 'Per kecamatan' }).boundingBox())!
      .y;
    expect(trendsTop).toBeLessThan(districtsTop);

    for (let i = 0; i < 4; i++) {
      const chart = charts.nth(i);
      const title = await chart.getByRole('heading', { level: 3 }).textContent();
      // No two month labels on the x axis overlap.
      const ticks = await chart.locator('.x-tick').evaluateAll((els) =>
        els.map((e) => {
          const b = e.getBoundingClientRect();
          return { text: e.textContent ?? '', left: b.left, right: b.right, top: b.top };
        }),
      );
      expect(ticks.length, `${title}: month labels`).toBeGreaterThanOrEqual(3);
      for (let a = 0; a < ticks.length; a++)
        for (let b = a + 1; b < ticks.length; b++)
          expect(
            ticks[a]!.right <= ticks[b]!.left || ticks[b]!.right <= ticks[a]!.left,
            `${title}: "${ticks[a]!.text}" and "${ticks[b]!.text}" overlap`,
          ).toBe(true);
      // Months before the first data have no bar or point (not Rp 0); the months with data do.
      const marked = await chart
        .locator('[data-month]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-month') ?? ''));
      expect(marked.length, `${title}: bars`).toBeGreaterThan(0);
      expect(
        marked.filter((m) => m < start),
        `${title}: bars before ${start}`,
      ).toEqual([]);
      // The current month is marked as partial, in words.
      expect(await chart.getByText('bulan berjalan (sebagian)').first().isVisible(), title!).toBe(
        true,
      );
      expect(await chart.locator('[data-partial="true"]').count(), title!).toBe(1);
    }
    // The figures under a chart list no Rp 0 before the program either.
    await charts.first().getByText('Angka: Penjualan per bulan').click();
    const figureRows = charts.first().getByRole('table').getByRole('row');
    const texts = await figureRows.allTextContents();
    expect(texts.some((t) => /Rp [1-9]/.test(t))).toBe(true);
    expect(texts.some((t) => /sebagian/.test(t))).toBe(true);
    expect(texts.filter((t) => /Rp 0$/.test(t))).toEqual([]);

    // The city's total is a row of the same table: its sales under the kecamatan's sales.
    const table = page.locator('table.districts');
    const salesLeft = async (row: ReturnType<Page['locator']>) =>
      (await row.getByRole('cell').first().boundingBox())!.x;
    const totalRow = table.getByRole('row').filter({ hasText: /^Total/ });
    const districtRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^Kecamatan / }) })
      .first();
    expect(Math.abs((await salesLeft(totalRow)) - (await salesLeft(districtRow)))).toBeLessThan(2);

    // The cooperatives of a kecamatan on demand.
    const district = page.getByRole('button', { name: /^Kecamatan / }).first();
    await district.click();
    expect(await district.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('link', { name: /^KDKMP / }).count()).toBeGreaterThan(0);
    expect(await amountsCut(page)).toEqual([]);
    await screenshot(page, 'usability-region');
  });
});
