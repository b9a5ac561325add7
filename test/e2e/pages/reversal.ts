import type { Page } from 'playwright-core';

/** "Batalkan" on a posted document: the dialog with the preview, the reason, the confirmation. */
export class ReversalDialog {
  constructor(private readonly page: Page) {}
  /** The "Batalkan" button of the document whose words match `what` (its time, its amount). */
  reverseButton(what: RegExp) {
    return this.page.getByRole('button', { name: new RegExp(`^Batalkan ${what.source}`) });
  }
  /** The mark of a reversed document in a list (a button that opens its reversal). */
  reversedMark(what: RegExp) {
    return this.page.getByRole('button', { name: new RegExp(`^Dibatalkan: ${what.source}`) });
  }
  dialog() {
    return this.page.getByRole('dialog');
  }
  /** One book of the preview (a table captioned "Buku <organization>"). */
  book(org: RegExp) {
    return this.dialog().getByRole('table', { name: new RegExp(`^Buku ${org.source}`) });
  }
  stockMoves() {
    return this.dialog().locator('.reversal-stock li');
  }
  async confirm(reason: string, button = 'Batalkan dokumen ini') {
    await this.dialog().getByLabel('Alasan pembatalan').fill(reason);
    await this.dialog().getByRole('button', { name: button }).click();
  }
  /** What the dialog answered: its notice, or the server's problem (to show it when a test fails). */
  outcome() {
    return this.dialog().locator('[role="status"], [role="alert"]').first();
  }
  async close() {
    await this.dialog().getByRole('button', { name: 'Tutup' }).click();
    await this.dialog().waitFor({ state: 'hidden' });
  }
}
