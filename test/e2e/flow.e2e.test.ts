/**
 * The whole consignment cycle through the screens, on a month end: the hub dispatches, the
 * cooperative receives with a shortage, the cashier sells, the hub closes the month, the
 * cooperative sees its statement and pays, and the hub sees the balance drop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn } from './browser.ts';
import { CashierScreen, CooperativeScreens } from './pages/cooperative.ts';
import { DeliveryDetailPage, NewDeliveryPage } from './pages/delivery.ts';
import { CooperativeStatementsPage, SettlementPage, rupiahValue } from './pages/settlement.ts';
import { startDemoServer, type RunningServer } from './server.ts';

// A minute before the end of a month (23:59 WIB): the demo's history ends here; the goods move and
// sell on the month's last day, and once the server's clock has passed midnight the hub closes it.
const NOW = '2026-10-31T16:59:00Z';
const NEXT_MORNING = '2026-10-31T17:05:00Z';
const MONTH_END = '2026-10-31';
const COOP = 'KDKMP Buluran Kenali';
const MANAGER = 'buluran-kenali@kdkmp.demo';
const CASHIER = 'kasir.buluran-kenali@kdkmp.demo';

let server: RunningServer;
let browser: Browser;
let coopId: string;
let gula: { id: string; name: string; retailPrice: number; consignmentPrice: number };

function signedIn(email: string, width = 1280): Promise<Page> {
  return signIn(browser, server.url, email, width, { now: NOW });
}

async function hubApi<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  server = await startDemoServer(35, { now: NOW });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the consignment cycle in the browser', () => {
  it('dispatch → receipt with a shortage → sale → month closed → statement paid → balance drops', async () => {
    // The hub dispatches 30 packs of sugar to the cooperative.
    const hub = await signedIn('admin@kana.demo');
    const coops = await hubApi<{ items: { id: string; name: string }[] }>(
      hub,
      '/api/v1/cooperatives?limit=200',
    );
    coopId = coops.items.find((c) => c.name === COOP)!.id;
    const products = await hubApi<{ items: (typeof gula & { commodity: string })[] }>(
      hub,
      '/api/v1/products',
    );
    gula = products.items.find((p) => p.commodity === 'gula' && /1 kg/.test(p.name))!;
    await hub.goto(`${server.url}/pengiriman/baru?koperasi=${coopId}`);
    const form = new NewDeliveryPage(hub);
    await form.quantity(gula.name).waitFor();
    for (const input of await form.quantities().all()) await input.fill('0');
    await form.quantity(gula.name).fill('30');
    await form.saveDraft();
    const orderId = hub.url().split('/').at(-1)!;
    const detail = new DeliveryDetailPage(hub);
    await detail.dispatch();
    await expect.poll(() => detail.status().textContent()).toBe('Dikirim');

    // The manager receives 28: two packs short, the hub's transit loss.
    const manager = await signedIn(MANAGER, 360);
    const coop = new CooperativeScreens(manager, server.url);
    await coop.open(coopId, 'terima');
    await coop.field('Kiriman').selectOption({ value: orderId });
    await coop.field(`Diterima — ${gula.name}`).fill('28');
    await coop.button('Simpan penerimaan').click();
    await expect.poll(() => coop.notice().textContent()).toMatch(/Kiriman diterima/);
    const order = await hubApi<{ status: string; lines: { qtyReceived: number }[] }>(
      hub,
      `/api/v1/delivery-orders/${orderId}`,
    );
    expect(order).toMatchObject({ status: 'received', lines: [{ qtyReceived: 28 }] });

    // The cashier sells 4 packs for cash.
    type Sales = { items: { totalAmount: number; paymentMethod: string }[] };
    const monthEndSales = `/api/v1/cooperatives/${coopId}/sales?from=${MONTH_END}&to=${MONTH_END}&limit=200`;
    const salesBefore = await hubApi<Sales>(hub, monthEndSales);
    const cashierPage = await signedIn(CASHIER, 360);
    await new CooperativeScreens(cashierPage, server.url).open(coopId, 'kasir');
    const cashier = new CashierScreen(cashierPage);
    await cashier.add(gula.name, 4);
    await cashier.pay('Tunai', String(4 * gula.retailPrice));
    await cashier.finish();
    await expect.poll(() => cashierPage.locator('p.notice').textContent()).toMatch(/tersimpan/);
    // Written to the cashier's outbox, then sent: wait until the server has it.
    const sum = (x: Sales) => x.items.reduce((t, i) => t + i.totalAmount, 0);
    await expect
      .poll(async () => {
        const after = await hubApi<Sales>(hub, monthEndSales);
        return [after.items.length - salesBefore.items.length, sum(after) - sum(salesBefore)];
      })
      .toEqual([1, 4 * gula.retailPrice]);

    // Past midnight: the month is over on the server and in the hub's browser.
    await expect
      .poll(
        async () =>
          (await hubApi<{ today: string }>(hub, `/api/v1/cooperatives/${coopId}/dashboard`)).today,
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe('2026-11-01');
    await hub.context().clock.setFixedTime(new Date(NEXT_MORNING));

    // The hub closes October: the statement bills the month's sales at the consignment price.
    const desk = new SettlementPage(hub);
    await desk.open(server.url);
    await desk.closePeriod(MONTH_END);
    await expect.poll(() => desk.closeNotice().textContent()).toMatch(/\d+ tagihan untuk periode/);
    const statements = await hubApi<{
      items: { periodEnd: string; salesAmount: number; closingBalance: number }[];
    }>(hub, `/api/v1/cooperatives/${coopId}/statements`);
    const october = statements.items.find((s) => s.periodEnd === MONTH_END)!;
    expect(october.salesAmount).toBeGreaterThanOrEqual(4 * gula.consignmentPrice);
    const before = await hubApi<{ balanceDue: number }>(
      hub,
      `/api/v1/cooperatives/${coopId}/balance`,
    );

    // The manager sees the statement and pays 1.000.000 of it.
    const screen = new CooperativeStatementsPage(manager);
    await screen.open(server.url, coopId);
    await expect
      .poll(() => screen.statementRows().filter({ hasText: '31 Okt 2026' }).count())
      .toBeGreaterThan(0);
    await screen
      .payment()
      .pay({ amount: '1.000.000', method: 'Transfer bank', reference: 'TRF-SIKLUS-01' });
    await expect.poll(() => screen.payment().notice().textContent()).toMatch(/Rp 1\.000\.000/);

    // The hub sees the balance 1.000.000 lower, on the cooperative's page.
    await hub.goto(`${server.url}/koperasi/${coopId}`);
    const card = hub.locator('.card').filter({ hasText: /^Tagihan/ });
    await card.waitFor();
    await expect
      .poll(async () => rupiahValue((await card.textContent()) ?? ''))
      .toBe(before.balanceDue - 1_000_000);
    for (const p of [hub, manager, cashierPage]) await p.context().close();
  });
});
