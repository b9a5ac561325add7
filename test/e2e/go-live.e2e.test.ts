/**
 * Going live without the demo: `lumbung serve` on an empty database (SQLite, then PostgreSQL), the
 * first hub admin made with `lumbung user create`, and everything after that through the web app:
 * the Dinas, 20 cooperatives from an XLSX file (3 bad rows), a manager activated with its code,
 * the participation and its raised limit, a goods receipt, a dispatch, the manager's cashier
 * selling, and a sale above the new gula ceiling refused with `PriceAboveCeiling`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import type { Engine } from '../../src/db/database.ts';
import { launchChromium } from './browser.ts';
import { startEmptyServer } from './empty-server.ts';
import { writeCooperativesFile, type CooperativesFile } from './go-live-data.ts';
import { GoLiveRun } from './go-live-run.ts';
import * as setup from './go-live-setup.steps.ts';
import * as trade from './go-live-trade.steps.ts';

let browser: Browser;
let file: CooperativesFile;

beforeAll(async () => {
  browser = await launchChromium();
  file = await writeCooperativesFile();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

for (const engine of ['sqlite', 'postgres'] as const) goLive(engine);

function goLive(engine: Engine) {
  describe(`go live on an empty ${engine} database, through the web app`, () => {
    let run: GoLiveRun | undefined;
    /** Each step on this engine's run; skipped (and said so) when PostgreSQL could not start. */
    const step = (name: string, body: (r: GoLiveRun) => Promise<void>) =>
      it(name, async (ctx: TestContext) => {
        if (!run) ctx.skip();
        await body(run!);
      });

    beforeAll(async () => {
      try {
        run = new GoLiveRun(engine, await startEmptyServer(engine), browser, file);
      } catch (e) {
        if (engine === 'sqlite' || process.env.LUMBUNG_REQUIRE_PG === '1') throw e;
        console.log(`go-live on PostgreSQL: SKIPPED — ${(e as Error).message}`);
      }
    }, 240_000);
    afterAll(async () => {
      await run?.close();
      await run?.server.stop();
    });

    step(
      'the server starts without the demo; `lumbung user create` makes the first hub admin',
      setup.createFirstAdmin,
    );
    step(
      'an empty network shows the hub admin the first steps, each a link to its screen',
      setup.seeFirstSteps,
    );
    step(
      'fills in the hub’s profile and bank account (its warehouse came with it)',
      setup.fillHubProfile,
    );
    step(
      'creates the Dinas for Kota Jambi, its region chosen from the official list',
      setup.createDinas,
    );
    step(
      'imports 20 cooperatives from an XLSX file: 17 in, the 3 bad rows reported by number and reason',
      setup.importCooperatives,
    );
    step(
      'registers one more cooperative by hand, its village named as soon as the code is known',
      setup.registerOneCooperative,
    );
    step(
      'the network lists the 18 cooperatives (not taking part yet); the first steps are gone',
      setup.seeNetworkListed,
    );
    step(
      'activates the first cooperative’s manager with the code issued for them',
      setup.activateManager,
    );
    step(
      'adds sugar to the catalogue: with no ceiling entered yet, the products screen warns',
      trade.addSugar,
    );
    step('records the first goods receipt at the hub’s warehouse', trade.receiveGoods);
    step(
      'joins the cooperative to the program with a Rp 500.000 exposure limit',
      trade.joinProgram,
    );
    step(
      'a delivery of Rp 800.000 is over that limit: the check predicts the refusal, only the override is offered',
      trade.deliveryOverTheLimit,
    );
    step(
      'raises the limit to Rp 5.000.000 from today, with its reason; the history keeps both',
      trade.raiseLimit,
    );
    step('the delivery is dispatched within the new limit', trade.dispatch);
    step('the manager receives the delivery', trade.managerReceives);
    step(
      'the manager invites a cashier, who activates and lands on the till',
      trade.managerAddsCashier,
    );
    step('the cashier sells (no ceiling yet)', trade.cashierSells);
    step(
      'the gula ceiling arrives while the till is offline: its sale above it is refused with PriceAboveCeiling',
      trade.ceilingRefusesStaleSale,
    );
    step(
      'a price above the ceiling is refused on the products screen; within it, the till sells again',
      trade.priceWithinCeiling,
    );
  });
}
