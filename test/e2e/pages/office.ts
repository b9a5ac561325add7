import type { Page } from 'playwright-core';

/** Page models of the cooperative office's screens: region overview, training. */
export class RegionPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/wilayah`);
  }
  /** One heading per kecamatan section ("Kecamatan Telanaipura (6 / 6)"). */
  districtHeadings() {
    return this.page.getByRole('heading', { level: 2, name: /^Kecamatan / });
  }
  cooperativeLinks() {
    return this.page.getByRole('link', { name: /^KDKMP / });
  }
  charts() {
    return this.page.locator('figure.trend');
  }
  chartCanvases() {
    return this.page.locator('figure.trend canvas');
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
  async markAttended(name: string, pre: number, post: number) {
    await this.page.getByLabel(`Hadir — ${name}`).check();
    await this.page.getByLabel(`Nilai pre-test — ${name}`).fill(String(pre));
    await this.page.getByLabel(`Nilai post-test — ${name}`).fill(String(post));
    await this.page.getByRole('button', { name: `Simpan — ${name}` }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: `Tersimpan: ${name}` })
      .waitFor();
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
