import type { Page } from 'playwright-core';

/** The cashier's QRIS screen: the QR to scan, the amount, the merchant, and the cashier's confirmation. */
export class QrisScreen {
  constructor(private readonly page: Page) {}
  async show() {
    await this.page.getByRole('button', { name: 'Tampilkan QRIS' }).click();
  }
  /** The QR image, named by its amount ("QRIS Rp 35.000"). */
  code(amount: string) {
    return this.page.getByRole('img', { name: `QRIS ${amount}` });
  }
  amount() {
    return this.page.getByTestId('qris-amount');
  }
  async paid() {
    await this.page.getByRole('button', { name: 'Pembayaran diterima' }).click();
  }
  async cancel() {
    await this.page.getByRole('button', { name: 'Batal' }).click();
  }
  qrisOption() {
    return this.page.getByLabel('QRIS', { exact: true });
  }
}

/** The receipt after a finished sale: print, share on WhatsApp, start a new sale. */
export class ReceiptPanel {
  constructor(private readonly page: Page) {}
  root() {
    return this.page.getByTestId('receipt');
  }
  total() {
    return this.page.getByTestId('receipt-total');
  }
  change() {
    return this.page.getByTestId('receipt-change');
  }
  whatsApp() {
    return this.page.getByRole('link', { name: 'Bagikan ke WhatsApp' });
  }
  /** The text the WhatsApp link carries. */
  async sharedText() {
    const href = (await this.whatsApp().getAttribute('href')) ?? '';
    return decodeURIComponent(new URL(href).searchParams.get('text') ?? '');
  }
  printButton() {
    return this.page.getByRole('button', { name: 'Cetak struk' });
  }
  async newSale() {
    await this.page.getByRole('button', { name: 'Penjualan baru' }).click();
  }
}

/** The manager's QRIS merchant settings (`/koperasi/:id/qris`). */
export class QrisSettingsScreen {
  constructor(private readonly page: Page) {}
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
  async save() {
    await this.page.getByRole('button', { name: 'Simpan data QRIS' }).click();
  }
}
