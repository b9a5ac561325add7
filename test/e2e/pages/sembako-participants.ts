import type { Page } from 'playwright-core';

/** The program admin's participant list: search, surat kuasa upload, a new code for one person. */
export class ParticipantsPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/program/daftar-peserta`);
    await this.page.getByRole('heading', { level: 2, name: 'Daftar peserta' }).waitFor();
  }
  async search(text: string) {
    await this.page.getByLabel('Cari NIP atau nama').fill(text);
    await this.page.getByRole('button', { name: 'Cari', exact: true }).click();
  }
  row(nip: string) {
    return this.page.locator('.datatable tbody tr').filter({ hasText: nip });
  }
  async newCode(nip: string) {
    await this.row(nip).getByRole('button', { name: 'Kode baru' }).click();
  }
  async recordSuratKuasa(
    nip: string,
    v: { ref: string; date: string; file: { name: string; mimeType: string; buffer: Buffer } },
  ) {
    await this.row(nip).getByRole('button', { name: 'Catat surat kuasa' }).click();
    await this.page.getByLabel('Nomor surat kuasa').fill(v.ref);
    await this.page.getByLabel('Tanggal', { exact: true }).fill(v.date);
    await this.page.getByLabel('Berkas', { exact: true }).setInputFiles(v.file);
    await this.page.getByRole('button', { name: 'Simpan surat kuasa' }).click();
  }
  notice() {
    return this.page.getByRole('status');
  }
  alert() {
    return this.page.getByRole('alert');
  }
  whatsApp() {
    return this.page.getByRole('link', { name: 'Kirim lewat WhatsApp' });
  }
}
