import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { LoginPage, Shell } from './pages/pages.ts';

/** Screenshots of each screen (ignored by git), kept as the artifacts of a run. */
export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless; never a downloaded browser. `extraArgs`: more flags (e.g. a fake camera). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs] });
}

/**
 * A new browser context of `width` px signed in as `email` (demo password), on its home screen.
 * With `now`, the browser's clock is fixed at that instant.
 */
export async function signIn(
  browser: Browser,
  base: string,
  email: string,
  width: number,
  opts: { now?: string; password?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  if (opts.now) await context.clock.setFixedTime(new Date(opts.now));
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(base);
  await login.signIn(email, opts.password);
  await new Shell(page).heading().waitFor();
  return page;
}

/** Asserts the page fits its width with no sideways scrolling, then saves `<name>-<width>.png`. */
export async function screenshot(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  expect(await new Shell(page).horizontalOverflow(), `${name} at ${width}px`).toBeLessThanOrEqual(
    0,
  );
  await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
}

/** The API of the server under test, as a user with a bearer token (for setup and checks). */
export function apiOf(base: string) {
  return {
    async tokenOf(email: string, password = 'lumbung-demo'): Promise<string> {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return ((await res.json()) as { token: string }).token;
    },
    async as(token: string, method: string, path: string, body?: unknown) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, asserted field by field
      return { status: res.status, body: (await res.json()) as any };
    },
  };
}
