import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchChromium, screenshot, signIn } from './browser.ts';
import { startDemoServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer(20);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Coop {
  id: string;
  name: string;
  exposure: number;
  exposureLimit: number;
}

/** Gives two cooperatives a new limit from today: one far below its exposure, one just above it. */
async function overAndNear() {
  const api = apiOf(server.url);
  const token = await api.tokenOf('admin@kana.demo');
  const list = await api.as(token, 'GET', '/api/v1/cooperatives?limit=200');
  const coops = (list.body.items as Coop[])
    .filter((c) => c.exposure > 1_000_000)
    .sort((a, b) => b.exposure - a.exposure);
  const [over, near] = [coops[0]!, coops[1]!];
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  for (const [c, limit] of [
    [over, Math.floor(over.exposure / 2)],
    [near, Math.ceil(near.exposure / 0.95)],
  ] as const) {
    const r = await api.as(token, 'PATCH', `/api/v1/cooperatives/${c.id}/participation`, {
      effectiveFrom: today,
      reason: 'Uji batas eksposur',
      exposureLimit: limit,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  return { over, near };
}

describe('exposure against the limit (usability point 5)', () => {
  it('draws a cooperative over its limit red with the words, one near it amber', async () => {
    const { over, near } = await overAndNear();
    const page = await signIn(browser, server.url, 'admin@kana.demo', 360);
    await page.getByLabel('Cari koperasi').fill(over.name.replace(/^KDKMP /, ''));
    const overRow = page.getByRole('row').filter({ hasText: over.name });
    await expect.poll(() => overRow.count()).toBe(1);
    await expect
      .poll(async () => overRow.textContent())
      .toMatch(/Melebihi batas: pengiriman berikutnya ditolak/);
    const overColor = await overRow
      .getByText(/Melebihi batas/)
      .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
    expect(overColor).toBe('rgb(179, 38, 30)');
    await screenshot(page, 'exposure-over');

    await page.getByLabel('Cari koperasi').fill(near.name.replace(/^KDKMP /, ''));
    const nearRow = page.getByRole('row').filter({ hasText: near.name });
    await expect.poll(() => nearRow.textContent()).toMatch(/Mendekati batas \(9[45] %\)/);
    expect(await nearRow.textContent()).not.toMatch(/Melebihi batas/);

    // The cooperative's own manager is told on the dashboard.
    const api = apiOf(server.url);
    const token = await api.tokenOf('admin@kana.demo');
    const users = await api.as(token, 'GET', '/api/v1/users');
    const manager = (users.body.items as { email: string; orgId: string; role: string }[]).find(
      (u) => u.orgId === over.id && u.role === 'coop_manager',
    )!;
    const own = await signIn(browser, server.url, manager.email, 360);
    await expect
      .poll(async () => (await own.locator('main').textContent()) ?? '')
      .toMatch(/Melebihi batas: pengiriman berikutnya ditolak/);
  });
});
