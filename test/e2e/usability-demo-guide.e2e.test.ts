import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn } from './browser.ts';
import { ParticipantSignInPage } from './pages/sembako.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let readme = '';

beforeAll(async () => {
  readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  server = await startDemoServer(10);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the staple-package program as the README tells a newcomer to try it (usability point 14)', () => {
  it("names the program office's account, and it opens the program", async () => {
    const email = /`(program@[\w.-]+)`/.exec(readme)?.[1];
    expect(email, 'README names the program admin').toBeDefined();
    const page = await signIn(browser, server.url, email!, 360);
    await page.getByRole('heading', { level: 1, name: /Sembako/ }).waitFor();
    await page.context().close();
  });

  it("tells how to try the civil servants' side, and a civil servant signs in with it", async () => {
    const nip = /NIP `(\d{18})`/.exec(readme)?.[1];
    expect(nip, "README gives a civil servant's NIP").toBeDefined();
    expect(readme).toContain('/asn/masuk');
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const signin = new ParticipantSignInPage(page);
    await signin.open(server.url);
    await signin.signIn(nip!, 'lumbung-demo');
    await page.waitForURL(/\/asn$/);
    await context.close();
  });

  it('a civil servant who has not activated yet is pointed to the activation', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const signin = new ParticipantSignInPage(page);
    await signin.open(server.url);
    await signin.signIn('199001012015011001', 'belum-punya-sandi');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/NIP atau kata sandi salah.*kode aktivasi/);
    await context.close();
  });
});
