/**
 * The cashier's part of the ui-walk benchmark (bench/ui-walk.ts): tap on "Selesaikan penjualan" to
 * the receipt, measured like bench/cashier-ui.ts does (`timeClick`), with and without the slowdown;
 * and the 360-px screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { timeClick } from './cashier-ui.ts';

export const throttle = (cdp: CDPSession, rate: number) =>
  cdp.send('Emulation.setCPUThrottlingRate', { rate });

/** A full-page screenshot `<dir>/<name>-360.png`; its path. */
export async function shoot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-${page.viewportSize()!.width}.png`);
  await page.evaluate('window.scrollTo(0, 0)'); // sticky bars drawn where a user first sees them
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The labels of the two sellable products with the most stock (their buttons' names). */
async function twoProducts(page: Page): Promise<string[]> {
  await page.locator('button.product:not([disabled])').nth(1).waitFor();
  return page.evaluate<string[]>(`[...document.querySelectorAll('button.product:not([disabled])')]
    .map((b) => [b.getAttribute('aria-label'), Number((b.querySelector('small')?.textContent ?? '').replace(/\\D/g, '')) || 0])
    .sort((a, b) => b[1] - a[1]).slice(0, 2).map(([label]) => label)`);
}

async function fillCart(page: Page, products: string[]) {
  for (const p of products) await page.getByRole('button', { name: p, exact: true }).click();
  await page.getByLabel('Uang diterima').fill('1000000');
}

/**
 * `sales` cash sales of two lines on the open cashier screen, alternately with the CPU slowed
 * `slowdown`× and not: milliseconds from the tap on "Selesaikan penjualan" to the receipt and the
 * next frame. A sale the screen asks about (above the stock it knows) is confirmed and not counted.
 * With `shots`, first the screenshot of the cart with its two lines.
 */
export async function sellAtTheTill(
  page: Page,
  cdp: CDPSession,
  opts: { sales: number; slowdown: number; shots?: string },
) {
  const products = await twoProducts(page);
  let shot: string | undefined;
  if (opts.shots) {
    await fillCart(page, products);
    shot = await shoot(page, opts.shots, 'cashier');
    await page
      .getByRole('button', { name: 'Kosongkan' })
      .click()
      .catch(() => {});
  }
  const slow: number[] = [];
  const fast: number[] = [];
  let asked = 0;
  for (let i = 0; i < opts.sales; i++) {
    for (const rate of [opts.slowdown, 1]) {
      await fillCart(page, products);
      await page.waitForTimeout(300);
      await throttle(cdp, rate);
      const ms = await timeClick(
        page,
        'form.cart button[type=submit]',
        '[data-testid=receipt], .confirm',
      );
      await throttle(cdp, 1);
      if (await page.getByTestId('receipt').count()) (rate === 1 ? fast : slow).push(ms);
      else {
        asked++;
        await page.locator('.confirm button').first().click();
        await page.getByTestId('receipt').waitFor();
      }
    }
  }
  return { slow, fast, asked, shot };
}
