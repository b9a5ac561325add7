import type { Locator, Page } from 'playwright-core';

/** /bank: the hub's bank statements, the queue of unmatched lines and the matched ones. */
export class BankPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/bank`);
    await this.page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor();
  }
  demoFileLink() {
    return this.page.getByRole('link', { name: 'Unduh contoh mutasi (demo)' });
  }
  importForm() {
    return this.page.getByRole('form', { name: 'Impor mutasi' });
  }
  async importFile(path: string) {
    const form = this.importForm();
    await form.getByLabel('Berkas mutasi').setInputFiles(path);
    await form.getByRole('button', { name: 'Impor' }).click();
  }
  importResult() {
    return this.importForm().getByRole('status');
  }
  queue() {
    return this.page.getByRole('region', { name: 'Belum dicocokkan' });
  }
  /** The queue's row of a line, found through the table's filter box. */
  async queueRow(text: string): Promise<Locator> {
    await this.queue().getByLabel('Cari').fill(text);
    return this.queue().locator('tbody tr').filter({ hasText: text });
  }
  /** Matches the line to the cooperative, chosen in the searchable list. */
  async match(row: Locator, cooperative: string) {
    await row.getByRole('button', { name: 'Cocokkan' }).click();
    const form = this.page.locator('form').filter({ hasText: 'Catat sebagai pembayaran' });
    await form.getByLabel('Cari koperasi').fill(cooperative.split(' ').slice(1).join(' '));
    await form.getByLabel('Koperasi', { exact: true }).selectOption({ label: cooperative });
    await form.getByRole('button', { name: 'Catat sebagai pembayaran' }).click();
  }
  /** Records a debit as the hub's payment to the supplier chosen in the list. */
  async paySupplier(row: Locator, supplier: string) {
    await row.getByRole('button', { name: 'Catat sebagai pembayaran pemasok' }).click();
    const form = this.page.locator('form').filter({ hasText: 'Pembayaran pemasok' });
    await form.getByLabel('Pemasok', { exact: true }).selectOption({ label: supplier });
    await form.getByRole('button', { name: 'Catat pembayaran' }).click();
  }
  matched() {
    return this.page.getByRole('region', { name: 'Sudah menjadi pembayaran' });
  }
  notice() {
    return this.page.getByRole('status').filter({ hasText: 'dicatat sebagai pembayaran' });
  }
  cooperativeLink(name: string) {
    return this.notice().getByRole('link', { name: `Lihat saldo ${name}` });
  }
}
