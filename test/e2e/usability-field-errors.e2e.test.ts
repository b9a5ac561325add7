import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { FormScreen } from './pages/form.ts';
import { PeriodsPage, ProgramPage } from './pages/sembako.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
/** The demo's seeded period: a second period for its month is refused by the server. */
let month = '';

const ADMIN = 'program@jambikota.demo';

beforeAll(async () => {
  server = await startDemoServer(20);
  browser = await launchChromium();
  const api = apiOf(server.url);
  const token = await api.tokenOf(ADMIN);
  const programId = (await api.as(token, 'GET', '/api/v1/programs')).body.items[0].id;
  month = (await api.as(token, 'GET', `/api/v1/programs/${programId}/periods`)).body.items[0].month;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A period for `month` with one package well under the ceilings of its contents. */
async function fillDuplicate(page: Page, periods: PeriodsPage, price: number) {
  await periods.fillPeriod(month, `${month}-01T08:00`, `${month}-10T17:00`);
  await periods.fillPackage(1, {
    name: 'Paket Gula',
    price,
    subsidy: 0,
    items: [{ product: 'Gula Kristal Putih 1 kg', qty: 1 }],
  });
  await periods.save();
  await page.getByRole('alert').waitFor();
}

/** Any raw JSON path of the request's body on the page (`/month`, `/packages/0/price`). */
const rawPath = /(^|\s)\/(month|packages|orderOpensAt|orderClosesAt)\b/;

describe("the server's field messages next to the field, in the user's language (usability point 3)", () => {
  it('a month that already has a period is named under "Bulan", in Indonesian, then in English', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360);
    const form = new FormScreen(page);
    await new ProgramPage(page).open(server.url, 'periode');
    const periods = new PeriodsPage(page);
    await fillDuplicate(page, periods, 10_000);
    await expect.poll(() => form.fieldMessage('Bulan').textContent()).toMatch(/\S/);
    const message = (await form.fieldMessage('Bulan').textContent())!;
    expect(message).not.toMatch(/already exists/);
    expect(await page.getByLabel('Bulan', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    const body = (await page.locator('main').textContent())!;
    expect(body).not.toMatch(rawPath);
    expect(body).not.toMatch(/already exists/);
    await screenshot(page, 'usability-field-error-month');

    // The same refusal for an English reader: the message under "Month", in English.
    await page.getByLabel(/Bahasa|Language/).selectOption({ label: 'English' });
    await page.getByLabel('Month', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save the period' }).click();
    await expect
      .poll(async () => form.fieldMessage('Month').textContent())
      .toMatch(/already exists/);
    expect((await page.locator('main').textContent())!).not.toMatch(rawPath);
    // The choice is kept on the account: back to Indonesian for the next test.
    await page.getByLabel(/Bahasa|Language/).selectOption({ label: 'Bahasa Indonesia' });
    await page.getByLabel('Bulan', { exact: true }).waitFor();
    await page.context().close();
  });

  it('a package price above the ceilings is named under its price field, without a raw path', async () => {
    const page = await signIn(browser, server.url, ADMIN, 360);
    const form = new FormScreen(page);
    await new ProgramPage(page).open(server.url, 'periode');
    const periods = new PeriodsPage(page);
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))
      .toISOString()
      .slice(0, 7);
    await periods.fillPeriod(next, `${next}-01T08:00`, `${next}-10T17:00`);
    await periods.fillPackage(1, {
      name: 'Paket Mahal',
      price: 900_000,
      subsidy: 0,
      items: [{ product: 'Gula Kristal Putih 1 kg', qty: 1 }],
    });
    await periods.save();
    await expect.poll(() => form.fieldMessage('Harga paket 1').textContent()).toMatch(/HET\/HAP/);
    const body = (await page.locator('main').textContent())!;
    expect(body).not.toMatch(rawPath);
    expect(body).not.toMatch(/above the items/);
    await page.context().close();
  });
});
