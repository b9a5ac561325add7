import type { BrowserContext, Page } from 'playwright-core';

/** The cooperative's screens: dashboard, receiving, cashier, return, stock count. */
export class CooperativeScreens {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}
  async open(coopId: string, screen: '' | 'terima' | 'kasir' | 'retur' | 'opname') {
    await this.page.goto(`${this.base}/koperasi/${coopId}${screen ? `/${screen}` : ''}`);
  }
  card(label: RegExp) {
    return this.page.locator('.card').filter({ hasText: label });
  }
  field(label: string | RegExp) {
    return this.page.getByLabel(label);
  }
  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }
  notice() {
    return this.page.locator('p.notice');
  }
  alert() {
    return this.page.getByRole('alert');
  }
  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }
}

/** The cashier screen: tap products, set quantities, take cash, finish. */
export class CashierScreen {
  constructor(private readonly page: Page) {}
  /**
   * Opens the cashier in the context's first tab and waits until the service worker controls it
   * (installed: it opens offline) and `product` can be sold.
   */
  static async openInstalled(context: BrowserContext, url: string, product: string): Promise<Page> {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Kasir' }).waitFor();
    // Polled with evaluate: the app's CSP refuses waitForFunction's string (no 'unsafe-eval').
    const deadline = Date.now() + 30_000;
    while (!(await page.evaluate<boolean>('!!navigator.serviceWorker.controller'))) {
      if (Date.now() > deadline) throw new Error('No service worker controls the cashier');
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: `Tambah ${product}` }).waitFor();
    return page;
  }
  async add(product: string | RegExp, times = 1) {
    for (let i = 0; i < times; i++)
      await this.page
        .getByRole('button', {
          name: new RegExp(
            `^(Tambah|Add) ${typeof product === 'string' ? product : product.source}`,
          ),
        })
        .click();
  }
  total() {
    return this.page.getByTestId('cart-total');
  }
  async pay(method: 'Tunai' | 'QRIS' | 'Transfer', cash?: string) {
    await this.page.getByLabel(method, { exact: true }).check();
    if (cash !== undefined) await this.page.getByLabel('Uang diterima').fill(cash);
  }
  async finish() {
    await this.page.getByRole('button', { name: 'Selesaikan penjualan' }).click();
  }
  notice() {
    return this.page.locator('p.notice');
  }
  /** "Menunggu n · terkirim n · ditolak n": this device's outbox. */
  counts() {
    return this.page.getByTestId('outbox-counts');
  }
  syncStatus() {
    return this.page.getByTestId('sync-status');
  }
  /** One whole sale: `times` of a product, paid with the exact cash. */
  async sell(product: string, price: number, times = 1) {
    await this.add(product, times);
    await this.pay('Tunai', String(price * times));
    await this.finish();
    // Written to the outbox: the receipt takes the cart's place (the next tap on a product closes it).
    await this.page.getByTestId('receipt').waitFor();
  }
}
