import type { Page } from 'playwright-core';
import { FormScreen } from './form.ts';

/** The manager's members list (Anggota): search, the rows opening a member's page. */
export class MembersPage extends FormScreen {
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Anggota', exact: true });
  }
  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Anggota' });
  }
  async search(text: string) {
    await this.page.getByLabel('Cari anggota').fill(text);
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
  /** The link of member number `memberNo` in the list. */
  memberLink(memberNo: string) {
    return this.page.getByRole('link', { name: memberNo, exact: true });
  }
}

/** One member's page: the details, the savings balances and passbook, purchases, the PDFs. */
export class MemberPage {
  constructor(private readonly page: Page) {}
  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }
  /** The value of the detail labelled `label` (No. anggota, NIK, Tanggal masuk …). */
  fact(label: string) {
    return this.page
      .locator('dl.facts > div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }
  /** A balance of the savings section (Simpanan pokok, Simpanan wajib, Simpanan sukarela, Tunggakan wajib). */
  balance(label: string) {
    return this.page
      .getByRole('region', { name: 'Simpanan' })
      .locator('dl > div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }
  passbookRows() {
    return this.page.getByRole('region', { name: 'Simpanan' }).locator('table tbody tr');
  }
  cardLink() {
    return this.page.getByRole('link', { name: 'Cetak kartu anggota' });
  }
  passbookLink() {
    return this.page.getByRole('link', { name: 'Unduh buku simpanan (PDF)' });
  }
  /** "n transaksi, total Rp …" of this year's purchases. */
  purchasesSummary() {
    return this.page.getByText(/^\d+ transaksi, total Rp/);
  }
}
