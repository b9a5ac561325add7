import type { Page } from 'playwright-core';

/** Page models of the cooperative office's screens: region overview, training. */
export class RegionPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/wilayah`);
  }
  /** One row per kecamatan, opened by its button ("Kecamatan Telanaipura"). */
  districtButtons() {
    return this.page.getByRole('button', { name: /^Kecamatan / });
  }
  /** Opens every kecamatan: their cooperatives are listed under them. */
  async openAllDistricts() {
    const buttons = this.districtButtons();
    for (let i = 0; i < (await buttons.count()); i++) await buttons.nth(i).click();
  }
  districtTable() {
    return this.page.locator('table.districts');
  }
  cooperativeLinks() {
    return this.page.getByRole('link', { name: /^KDKMP / });
  }
  charts() {
    return this.page.locator('figure.trend');
  }
  chartDrawings() {
    return this.page.locator('figure.trend svg');
  }
  /** Opens the figures under a chart and returns their table. */
  async openFigures(title: string) {
    const figure = this.page.locator('figure.trend').filter({ hasText: title });
    await figure.getByText(`Angka: ${title}`).click();
    return figure.getByRole('table');
  }
}

export class TrainingPage {
  constructor(private readonly page: Page) {}
  async openList(base: string) {
    await this.page.goto(`${base}/pelatihan`);
  }
  async openCoverage(base: string) {
    await this.page.goto(`${base}/pelatihan/cakupan`);
  }
  eventLink(title: RegExp) {
    return this.page.getByRole('link', { name: title });
  }
  row(text: RegExp) {
    return this.page.getByRole('row').filter({ hasText: text });
  }
  async filterParticipants(text: string) {
    await this.page.getByLabel(/Saring peserta/).fill(text);
  }
  /** Chooses the cooperative on the attendance list, marks the officer attended with scores, saves. */
  async markAttended(cooperativeId: string, name: string, pre: number, post: number) {
    await this.page.getByLabel('Koperasi', { exact: true }).selectOption(cooperativeId);
    await this.page.getByRole('button', { name: 'Tampilkan pengurus' }).click();
    await this.page.getByLabel(`Hadir — ${name}`).check();
    await this.page.getByLabel(`Nilai pre-test — ${name}`).fill(String(pre));
    await this.page.getByLabel(`Nilai post-test — ${name}`).fill(String(post));
    await this.page.getByRole('button', { name: 'Simpan semua' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
  }
  async officersTrained(): Promise<number> {
    const text = await this.page.getByTestId('officers-trained').locator('strong').textContent();
    return Number(text);
  }
  async createEvent(e: { title: string; date: string; venue: string; organizer: string }) {
    await this.page.getByLabel('Judul').fill(e.title);
    await this.page.getByLabel('Tanggal').fill(e.date);
    await this.page.getByLabel('Tempat').fill(e.venue);
    await this.page.getByLabel('Penyelenggara').fill(e.organizer);
    await this.page.getByRole('button', { name: 'Simpan pelatihan' }).click();
  }
}
