import type { Page } from 'playwright-core';

/** Page models: what a person sees and does on each screen. */
export class LoginPage {
  constructor(private readonly page: Page) {}
  async open(base: string) {
    await this.page.goto(`${base}/login`);
  }
  async signIn(email: string, password = 'lumbung-demo') {
    await this.page.getByLabel(/E-mail/).fill(email);
    await this.page.getByLabel(/Kata sandi|Password/).fill(password);
    await this.page.getByRole('button', { name: /Masuk|Sign in/ }).click();
    await this.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
}

export class Shell {
  constructor(private readonly page: Page) {}
  async chooseLanguage(label: 'Bahasa Indonesia' | 'English') {
    await this.page.getByLabel(/Bahasa|Language/).selectOption({ label });
  }
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  async horizontalOverflow() {
    // Evaluated in the page (a string: this file is compiled without the DOM types).
    return this.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
  }
}

export class NetworkPage {
  constructor(private readonly page: Page) {}
  districtHeadings() {
    return this.page.getByRole('heading', { level: 2, name: /^Kecamatan / });
  }
  cooperativeLinks() {
    return this.page.getByRole('link', { name: /^KDKMP / });
  }
}

export class DashboardPage {
  constructor(private readonly page: Page) {}
  card(label: RegExp) {
    return this.page.locator('.card').filter({ hasText: label });
  }
  alert() {
    return this.page.getByRole('alert');
  }
}
