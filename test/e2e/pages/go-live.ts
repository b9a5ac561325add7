import type { Page } from 'playwright-core';
import { FormScreen } from './form.ts';

/**
 * Page models of the screens the go-live test passes through that have no model of their own yet:
 * the managers' activation codes, the activation page and the users screen.
 */
export class ManagerCodesScreen {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/pengguna/kode-pengurus`);
    await this.page.getByRole('heading', { level: 1, name: 'Kode aktivasi pengurus' }).waitFor();
  }
  /** Issues fresh codes for the named cooperatives; answers the code on the manager's slip. */
  async issueFor(cooperative: string, manager: string, email: string): Promise<string> {
    await this.page
      .getByLabel('Koperasi (kosongkan untuk semua)')
      .selectOption({ label: cooperative });
    await this.page.getByRole('button', { name: 'Buat kode untuk koperasi terpilih' }).click();
    const slip = this.page.getByRole('article', { name: `${manager} — ${email}` });
    return (await slip.locator('dd.code').innerText()).trim();
  }
  notice() {
    return this.page.getByRole('status');
  }
}

/** The public page where a user sets a password with a one-time code. */
export class ActivationScreen {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/aktivasi`);
    await this.page.getByRole('heading', { level: 1, name: 'Aktivasi akun' }).waitFor();
  }
  async fill(email: string, code: string, password: string) {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Kode aktivasi', { exact: true }).fill(code);
    await this.page.getByLabel('Kata sandi baru', { exact: true }).fill(password);
    await this.page.getByLabel('Ulangi kata sandi', { exact: true }).fill(password);
  }
  async submit() {
    await this.page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
    await this.page.waitForURL((u) => !u.pathname.startsWith('/aktivasi'));
  }
}

/** The users screen of a hub admin or a cooperative's manager: the list and the invitation. */
export class UsersScreen {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/pengguna`);
    await this.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
  }
  /** Invites a user (the organization and role as the form offers them); answers the slip's code. */
  async invite(u: { name: string; email: string; phone?: string }): Promise<string> {
    await this.page.getByRole('button', { name: 'Undang pengguna' }).click();
    await this.page.getByLabel('Nama', { exact: true }).fill(u.name);
    await this.page.getByLabel('E-mail', { exact: true }).fill(u.email);
    if (u.phone) await this.page.getByLabel('Nomor HP (WhatsApp)').fill(u.phone);
    await this.page.getByRole('button', { name: 'Undang', exact: true }).click();
    const slip = this.page.getByRole('article', { name: `${u.name} — ${u.email}` });
    return (await slip.locator('dd.code').innerText()).trim();
  }
  rows(text: string | RegExp) {
    return this.page.locator('table tbody tr').filter({ hasText: text });
  }
}

/** A cooperative's consignment agreement: the terms in force, their history, the hub admin's forms. */
export class ParticipationScreen extends FormScreen {
  async open(base: string, coopId: string) {
    await this.page.goto(`${base}/koperasi/${coopId}/perjanjian`);
    await this.heading().waitFor();
  }
  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Perjanjian konsinyasi' });
  }
  notice() {
    return this.page.locator('p.notice');
  }
  /** The value of one term in force today (`Rp 500.000`). */
  async fact(label: string) {
    const dd = this.page.locator('dl.facts > div').filter({ hasText: label }).locator('dd');
    return (await dd.first().innerText()).trim();
  }
  historyRows() {
    return this.page.locator('table tbody tr');
  }
}
