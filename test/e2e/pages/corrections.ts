import type { Page } from 'playwright-core';

/** The cooperative's "Retur & opname" tab: the search by number and the two lists. */
export class StockDocumentsTab {
  constructor(private readonly page: Page) {}
  async search(number: string) {
    await this.page.getByLabel('Cari nomor dokumen').fill(number);
    await this.page.getByRole('button', { name: 'Cari', exact: true }).click();
  }
  /** The row of a document (in either list) by its number. */
  row(number: string) {
    return this.page.getByRole('row').filter({ hasText: number });
  }
}

/** "Retur pembeli" on a sale: a quantity per product, the method, the reason, the amount shown. */
export class RefundDialog {
  constructor(private readonly page: Page) {}
  /** The "Retur pembeli" button of the sale whose words match `what`. */
  openButton(what: RegExp) {
    return this.page.getByRole('button', { name: new RegExp(`^Retur pembeli: ${what.source}`) });
  }
  dialog() {
    return this.page.getByRole('dialog');
  }
  quantity(product: string) {
    return this.dialog().getByLabel(new RegExp(`^Jumlah ${product} dikembalikan`));
  }
  amount() {
    return this.dialog().getByTestId('refund-amount');
  }
  async confirm(reason: string) {
    await this.dialog().getByLabel('Alasan').fill(reason);
    await this.dialog()
      .getByRole('button', { name: /^Catat retur/ })
      .click();
  }
  outcome() {
    return this.dialog().locator('[role="status"], [role="alert"]').first();
  }
  async close() {
    await this.dialog().getByRole('button', { name: 'Tutup' }).click();
    await this.dialog().waitFor({ state: 'hidden' });
  }
}

/** "Koreksi penerimaan" on a received delivery: per product a direction and a quantity, a reason. */
export class ReceiptCorrectionDialog {
  constructor(private readonly page: Page) {}
  dialog() {
    return this.page.getByRole('dialog');
  }
  async fill(product: string, direction: 'found' | 'short', qty: number, reason: string) {
    await this.dialog()
      .getByLabel(`Koreksi ${product}`)
      .selectOption(direction === 'found' ? 'plus' : 'minus');
    await this.dialog().getByLabel(`Jumlah koreksi ${product}`).fill(String(qty));
    await this.dialog().getByLabel('Alasan').fill(reason);
  }
  async save() {
    await this.dialog().getByRole('button', { name: 'Simpan koreksi' }).click();
  }
  outcome() {
    return this.dialog().locator('[role="status"], [role="alert"]').first();
  }
  async close() {
    await this.dialog().getByRole('button', { name: 'Tutup' }).click();
    await this.dialog().waitFor({ state: 'hidden' });
  }
}
