import type { Page } from 'playwright-core';

/** The member at the counter: the "Anggota" field, its results, the chosen member and the receipt's line. */
export class MemberAtCounter {
  constructor(private readonly page: Page) {}
  field() {
    return this.page.getByLabel('Anggota', { exact: true });
  }
  /** Types `text` into the member field and taps the result showing `name`. */
  async choose(text: string, name: string) {
    await this.field().fill(text);
    await this.page
      .getByRole('list', { name: 'Anggota yang cocok' })
      .getByRole('button', { name })
      .click();
  }
  chosen() {
    return this.page.getByTestId('chosen-member');
  }
  receiptMember() {
    return this.page.getByTestId('receipt-member');
  }
}

/** "Setor simpanan": a member's savings deposit at the counter, kept in the outbox like a sale. */
export class DepositForm {
  constructor(private readonly page: Page) {}
  async open() {
    await this.page.getByRole('button', { name: 'Setor simpanan' }).click();
  }
  async deposit(d: { member: string; name: string; kind: string; amount: string }) {
    await this.page.getByLabel('Anggota yang menyetor').fill(d.member);
    await this.page
      .getByRole('list', { name: 'Anggota yang cocok' })
      .getByRole('button', { name: d.name })
      .click();
    await this.page.getByLabel(d.kind, { exact: true }).check();
    await this.page.getByLabel('Jumlah setoran').fill(d.amount);
    await this.page.getByRole('button', { name: 'Simpan setoran' }).click();
  }
  notice() {
    return this.page.locator('p.notice');
  }
  async back() {
    await this.page.getByRole('button', { name: 'Kembali ke penjualan' }).click();
  }
  /** "Menunggu n · terkirim n · ditolak n" of the deposits on this device. */
  counts() {
    return this.page.getByTestId('deposit-counts');
  }
}
