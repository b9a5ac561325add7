import type { Page } from 'playwright-core';

/** The hub admin's scheduled jobs screen (`/tugas`): one card per job with its last and next run. */
export class JobsPage {
  constructor(private readonly page: Page) {}
  menuLink() {
    return this.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Tugas terjadwal' });
  }
  /** The card of the job titled `title`. */
  card(title: string) {
    return this.page.getByRole('article', { name: title });
  }
  /** The fact `label` (Jadwal, Terakhir dijalankan, Status, Hasil, Berikutnya) of a job's card. */
  fact(title: string, label: string) {
    return this.card(title).locator('.facts div').filter({ hasText: label }).locator('dd');
  }
  runNow(title: string) {
    return this.card(title).getByRole('button', { name: `Jalankan sekarang: ${title}` });
  }
  notice(title: string) {
    return this.card(title).getByRole('status');
  }
}
