import type { Browser, Page } from 'playwright-core';
import type { Engine } from '../../src/db/database.ts';
import { screenshot } from './browser.ts';
import type { EmptyServer } from './empty-server.ts';
import type { CooperativesFile } from './go-live-data.ts';

/** What the go-live steps share on one engine: the server, the people's screens, what was made. */
export class GoLiveRun {
  /** The hub admin at a desk (1280 px) and on a phone (360 px). */
  desk!: Page;
  phone!: Page;
  /** The first cooperative's manager and cashier, on their phones (360 px). */
  manager!: Page;
  cashier!: Page;
  /** The cooperative the run follows (the file's first row). */
  coopId = '';
  /** The delivery to it, as its screen's address. */
  deliveryUrl = '';

  constructor(
    readonly engine: Engine,
    readonly server: EmptyServer,
    readonly browser: Browser,
    readonly file: CooperativesFile,
  ) {}

  get url() {
    return this.server.url;
  }

  /** A new browser of `width` px on nobody's session (a manager's or cashier's phone). */
  async newPhone(width = 360): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width, height: 800 } });
    return context.newPage();
  }

  /** Saves the page as `go-live-<name>-<width>.png` (PostgreSQL's run: `go-live-postgres-…`). */
  shot(page: Page, name: string) {
    return screenshot(
      page,
      this.engine === 'sqlite' ? `go-live-${name}` : `go-live-${this.engine}-${name}`,
    );
  }

  /**
   * Both of the admin's screens on `path`, each saved once `ready` says so: the desk as it stands
   * (where it acted), the phone loaded afresh.
   */
  async shotBoth(path: string, name: string, ready: (p: Page) => Promise<unknown>) {
    for (const page of [this.desk, this.phone]) {
      if (page === this.phone || new URL(page.url()).pathname !== path)
        await page.goto(`${this.url}${path}`);
      await ready(page);
      await this.shot(page, name);
    }
  }

  async close() {
    for (const page of [this.desk, this.phone, this.manager, this.cashier])
      await page?.context().close();
  }
}
