import type { Page } from 'playwright-core';
import { FormScreen } from './form.ts';

/** Page models of the hub's logistics screens: deliveries, goods receipts, products. */
export class DeliveryListPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/pengiriman`);
  }
  createButton() {
    return this.page.getByRole('link', { name: 'Buat pengiriman' });
  }
  orderLinks(cooperative: string) {
    return this.page.getByRole('link', { name: cooperative, exact: true });
  }
  async filterStatus(label: string) {
    await this.page.getByLabel('Status', { exact: true }).selectOption({ label });
  }
}

export class NewDeliveryPage {
  constructor(private readonly page: Page) {}
  /**
   * Chooses on the new delivery's form, once it is on screen: the list it is opened from has a
   * "Koperasi" filter with the same options, and a choice made there before the form replaced the
   * list was lost.
   */
  async chooseCooperative(name: string) {
    await this.page
      .getByRole('heading', { level: 1, name: /^(Pengiriman baru|New delivery)$/ })
      .waitFor();
    await this.page.getByLabel('Koperasi', { exact: true }).selectOption({ label: name });
  }
  cooperativeSelect() {
    return this.page.getByLabel('Koperasi', { exact: true });
  }
  quantity(product: string) {
    return this.page.getByLabel(`Jumlah ${product}`, { exact: true });
  }
  quantities() {
    return this.page.getByLabel(/^Jumlah /);
  }
  orderValue() {
    return this.page.locator('.total-line strong');
  }
  async saveDraft() {
    await this.page.getByRole('button', { name: 'Simpan draf' }).click();
    await this.page.waitForURL(/\/pengiriman\/[0-9a-f-]{36}$/);
  }
}

export class DeliveryDetailPage {
  constructor(private readonly page: Page) {}
  check(label: string) {
    return this.page.locator('.checklist div').filter({ hasText: label }).locator('dd');
  }
  checkSection() {
    return this.page.locator('.checklist');
  }
  status() {
    return this.page.locator('.card').filter({ hasText: 'Status' }).locator('.badge');
  }
  async dispatch() {
    await this.page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await this.page.getByRole('button', { name: 'Ya, kirim' }).click();
  }
  alert() {
    return this.page.getByRole('alert');
  }
  notice() {
    return this.page.getByRole('status');
  }
  reason() {
    return this.page.getByLabel('Alasan');
  }
  async override(reason: string) {
    await this.reason().fill(reason);
    await this.page.getByRole('button', { name: 'Kirim dengan alasan' }).click();
  }
  printButton() {
    return this.page.getByRole('button', { name: 'Cetak surat jalan' });
  }
  history() {
    return this.page.locator('ol.history');
  }
}

export class GoodsReceiptsPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/gudang/penerimaan`);
  }
  async fill(r: { supplier: string; product: string; qty: string; cost: string }) {
    await this.page.getByLabel('Pemasok', { exact: true }).fill(r.supplier);
    await this.page.getByLabel('Produk baris 1').selectOption({ label: r.product });
    await this.page.getByLabel('Jumlah baris 1').fill(r.qty);
    await this.page.getByLabel('Harga pokok per unit baris 1').fill(r.cost);
  }
  async submit() {
    await this.page.getByRole('button', { name: 'Simpan penerimaan' }).click();
  }
  rows() {
    return this.page.locator('table tbody tr');
  }
}

export class ProductsPage extends FormScreen {
  async open(base: string) {
    await this.page.goto(`${base}/produk`);
  }
  row(name: string) {
    return this.page.locator('table tbody tr').filter({ hasText: name });
  }
  async changePrices(name: string) {
    await this.page.getByRole('button', { name: `Ubah harga ${name}` }).click();
  }
  alert() {
    return this.page.getByRole('alert');
  }
}
