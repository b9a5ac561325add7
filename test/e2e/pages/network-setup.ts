import type { Page } from 'playwright-core';
import { FormScreen } from './form.ts';

/** The hub admin's network screen while it has no cooperatives: the "Mulai" steps. */
export class NetworkStartPanel {
  constructor(private readonly page: Page) {}
  panel() {
    return this.page.getByRole('region', { name: 'Mulai' });
  }
  stepLinks() {
    return this.panel().getByRole('link');
  }
  addCooperativesLink() {
    return this.page.getByRole('link', { name: 'Tambah koperasi', exact: true });
  }
}

/** The hub admin's organizations screen: the list and the form to add a Dinas, a Pemkot or an employer. */
export class OrganizationsScreen extends FormScreen {
  async open(base: string) {
    await this.page.goto(`${base}/organisasi`);
    await this.page.getByRole('heading', { level: 1, name: 'Organisasi' }).waitFor();
  }
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Organisasi' });
  }
  notice() {
    return this.page.getByRole('status');
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
  /** Fills the new organization of `kind` ('Pemerintah' | 'Pemberi kerja') for a province and, if given, a regency. */
  async fillNew(kind: string, name: string, province: string, regency?: string) {
    await this.button('Tambah organisasi').click();
    await this.field('Jenis').selectOption({ label: kind });
    await this.field('Nama').fill(name);
    await this.field('Provinsi').selectOption({ label: province });
    if (regency) {
      const select = this.field('Kabupaten/kota');
      await select.locator('option', { hasText: regency }).first().waitFor({ state: 'attached' });
      await select.selectOption({ label: regency });
    }
  }
}

/** The hub admin's new cooperatives screen: the file import and the one-cooperative form. */
export class NewCooperativesScreen extends FormScreen {
  async open(base: string) {
    await this.page.goto(`${base}/jaringan/koperasi-baru`);
    await this.heading().waitFor();
  }
  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Tambah koperasi' });
  }
  async importFile(path: string) {
    await this.field('Berkas CSV atau XLSX').setInputFiles(path);
    await this.button('Impor koperasi').click();
  }
  /** The import's outcome in words (`17 koperasi baru, …`). */
  result() {
    return this.page.getByRole('status').filter({ hasText: /koperasi baru/ });
  }
  /** The refused rows as the table shows them: row number and reasons. */
  async rejectedRows(): Promise<{ row: number; reasons: string }[]> {
    const table = this.page
      .getByRole('region', { name: 'Baris yang ditolak' })
      .locator('table tbody tr');
    const rows = await table.all();
    return Promise.all(
      rows.map(async (r) => ({
        row: Number(await r.locator('td').nth(0).innerText()),
        reasons: (await r.locator('td').nth(1).innerText()).replace(/\s+/g, ' ').trim(),
      })),
    );
  }
  codesLink() {
    return this.page.getByRole('link', { name: 'Cetak kode aktivasi pengurus' });
  }
  templateLink() {
    return this.page.getByRole('link', { name: 'Unduh contoh CSV' });
  }
  notice() {
    return this.page.getByRole('status').filter({ hasText: /tersimpan/ });
  }
}
