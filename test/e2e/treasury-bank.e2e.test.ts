import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, SHOTS, signIn } from './browser.ts';
import { BankPage } from './pages/bank.ts';
import { DashboardPage } from './pages/pages.ts';
import { rupiahValue } from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // 40 days: last month's statements are paid by transfer, and the demo imported its bank
  // statement up to 10 days ago.
  server = await startDemoServer(40);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the hub's bank statement", () => {
  it("imports the demo's statement from the screen, matches a transfer by hand, and the cooperative's balance changes", async () => {
    const page = await signIn(browser, server.url, 'admin@kana.demo', 1280);
    const bank = new BankPage(page);
    await bank.open(server.url);

    // The newcomer downloads the demo's statement file from the screen and imports it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bank.demoFileLink().click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'lumbung-bank-')), download.suggestedFilename());
    await download.saveAs(file);
    await bank.importFile(file);
    const result = (await bank.importResult().textContent()) ?? '';
    // Its older lines were imported by the demo already: duplicates; its last days are new.
    const [, lines, , , unmatched, duplicates] =
      /(\d+) baris mutasi \((\d+) uang masuk\): (\d+) langsung .*?, (\d+) menunggu .*?, (\d+) sudah/
        .exec(result)!
        .map(Number);
    expect(duplicates).toBeGreaterThan(0);
    expect(lines).toBeGreaterThan(duplicates!);
    expect(unmatched).toBeGreaterThanOrEqual(2);

    // A cooperative's advance came without its reference: the hub matches it by hand.
    const api = apiOf(server.url);
    const token = await api.tokenOf('admin@kana.demo');
    const coops = (await (
      await fetch(`${server.url}/api/v1/cooperatives?limit=200`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { id: string; name: string }[] };
    const row = await bank.queueRow('TITIPAN DARI');
    const remark = (await row.textContent()) ?? '';
    const coop = coops.items.find((c) => remark.includes(`TITIPAN DARI ${c.name.toUpperCase()} `))!;
    expect(coop).toBeDefined();

    const dashboard = new DashboardPage(page);
    const balanceOnItsPage = async () => {
      await page.goto(`${server.url}/koperasi/${coop.id}`);
      const card = dashboard.card(/Tagihan/).first();
      await card.waitFor();
      return rupiahValue((await card.textContent()) ?? '');
    };
    const before = await balanceOnItsPage();
    await bank.open(server.url);
    await bank.match(await bank.queueRow('TITIPAN DARI'), coop.name);
    await expect
      .poll(() => bank.notice().textContent())
      .toMatch(/Rp 2\.500\.000 dicatat sebagai pembayaran/);
    await bank.cooperativeLink(coop.name).click();
    const card = dashboard.card(/Tagihan/).first();
    await card.waitFor();
    expect(rupiahValue((await card.textContent()) ?? '')).toBe(before - 2_500_000);
    await page.context().close();

    // On a phone: the supplier's Friday payment run in the new days is recorded as its payment.
    const phone = await signIn(browser, server.url, 'admin@kana.demo', 360);
    const onPhone = new BankPage(phone);
    await onPhone.open(server.url);
    const debit = await onPhone.queueRow('PEMBAYARAN KE PT SINAR GULA NUSANTARA');
    const debitRemark = (await debit.first().locator('td').nth(2).textContent()) ?? '';
    await onPhone.paySupplier(debit.first(), 'PT Sinar Gula Nusantara');
    await expect
      .poll(() => onPhone.notice().textContent())
      .toMatch(/dicatat sebagai pembayaran ke PT Sinar Gula Nusantara/);
    await onPhone.matched().getByLabel('Cari').fill(debitRemark);
    await expect
      .poll(() => onPhone.matched().locator('tbody tr').first().textContent())
      .toMatch(/Pembayaran ke PT Sinar Gula Nusantara/);
    await screenshot(phone, 'treasury-bank-supplier');
    await phone.context().close();

    for (const width of [360, 1280]) {
      const p = await signIn(browser, server.url, 'admin@kana.demo', width);
      const b = new BankPage(p);
      await b.open(server.url);
      await b.queue().locator('tbody tr').first().waitFor();
      await screenshot(p, 'treasury-bank');
      await p.context().close();
    }
  });

  it("shows the hub's summary at the top of the network, on a phone and a desktop", async () => {
    for (const width of [360, 1280]) {
      const p = await signIn(browser, server.url, 'admin@kana.demo', width);
      await p.goto(`${server.url}/jaringan`);
      const summary = p.getByRole('region', { name: 'Ringkasan hub' });
      await summary.getByText('Kas dan bank hari ini').waitFor();
      await summary.getByText('Perkiraan kas 13 minggu').waitFor();
      await summary.locator('canvas').first().waitFor();
      // The cash figure is a whole rupiah amount, shown in full (not cut at the card's edge).
      expect(await summary.locator('strong').first().textContent()).toMatch(
        /^−?Rp\s\d{1,3}(\.\d{3})*$/,
      );
      await screenshot(p, 'hub-summary');
      await summary.screenshot({ path: `${SHOTS}hub-summary-card-${width}.png` });
      await p.context().close();
    }
  });
});
