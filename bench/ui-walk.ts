/**
 * `npm run bench -- ui-walk`: every role of the demo signs in at 360 × 780 and opens each screen of
 * its menu with the CPU slowed 4× (`Emulation.setCPUThrottlingRate`, a cheap Android phone): the time
 * to usable content, and the cashier's tap on "Selesaikan penjualan" to the receipt. The same screens
 * without the slowdown are the raw reference, measured in the same process. Prints figures; asserts
 * nothing. UIWALK_RUNS=n runs per screen (5); UIWALK_SALES=n sales (30); UIWALK_SHOTS=dir saves
 * full-page screenshots of the cashier, the books, the network and the region overview there;
 * UIWALK_PROFILE=dir writes a CPU profile (.cpuprofile, for DevTools) of each screen's slowest run;
 * UIWALK_URL=http://… walks a demo server already running instead of seeding one (UIWALK_DAYS=n:
 * the days of history seeded, 21); UIWALK_ROLES=hub_admin,… walks only those roles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, signIn } from '../test/e2e/browser.ts';
import { startDemoServer } from '../test/e2e/server.ts';
import { percentile, round, say, type BenchEntry } from './lib.ts';
import { report, type Walked } from './ui-walk-report.ts';
import { contentOf, READY_SCRIPT, screenKey } from './ui-walk-screens.ts';
import { sellAtTheTill, shoot, throttle } from './ui-walk-till.ts';

const RUNS = Number(process.env.UIWALK_RUNS ?? 5);
const SALES = Number(process.env.UIWALK_SALES ?? 30);
const SLOWDOWN = 4;
/** A screen not usable after this long counts as this long (and is named). */
const TIMEOUT_MS = 20_000;
const median = (xs: number[]) => percentile(xs, 50);

/** The demo's roles (README), each with one account. */
const ROLES: { role: string; email?: string; nip?: string }[] = [
  { role: 'hub_admin', email: 'admin@kana.demo' },
  { role: 'hub_staff', email: 'gudang@kana.demo' },
  { role: 'gov_viewer', email: 'dinas@jambikota.demo' },
  { role: 'coop_manager', email: 'simpang-iv-sipin@kdkmp.demo' },
  { role: 'coop_cashier', email: 'kasir.simpang-iv-sipin@kdkmp.demo' },
  { role: 'program_admin', email: 'program@jambikota.demo' },
  { role: 'program_participant', nip: '198104192007021683' },
];

async function signInAs(browser: Browser, base: string, r: (typeof ROLES)[number]) {
  let page: Page;
  if (r.email) page = await signIn(browser, base, r.email, 360);
  else {
    page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    await page.goto(`${base}/asn/masuk`);
    await page.getByLabel('NIP').fill(r.nip!);
    await page.getByLabel('Kata sandi').fill('lumbung-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/asn/masuk'));
  }
  await page.setViewportSize({ width: 360, height: 780 });
  await page.addInitScript(READY_SCRIPT);
  return page;
}

/** Opens `url` (a full load) and waits, with no slowdown, until its content is usable. */
async function openReady(page: Page, url: string): Promise<number | string> {
  await page.goto(url);
  // Polled from here (the app's CSP forbids Playwright's waitForFunction with a string).
  for (const end = Date.now() + TIMEOUT_MS; Date.now() < end; await page.waitForTimeout(200)) {
    const got = await page.evaluate<number | string | null>(
      'window.__uwError ?? window.__uwAt ?? null',
    );
    if (got !== null) return got;
  }
  return 'timeout';
}

/**
 * Milliseconds from a tap on the menu entry `href` to its screen's usable content and the next frame
 * (a MutationObserver waits for it, adding no work of its own while the page works); or why not.
 * Elements already on the page are marked first: only new ones count.
 */
function timeMenu(page: Page, href: string): Promise<{ ms: number; error?: string }> {
  const content = contentOf(screenKey(href));
  return page.evaluate(`(async ([href, content, timeout]) => {
    for (const el of document.querySelectorAll('main *')) el.__uwOld = true;
    const link = document.querySelector('nav.mainnav a[href="' + href + '"]');
    const t0 = performance.now();
    const error = await new Promise((resolve) => {
      const check = () => {
        const s = window.__uwState(content);
        if (s === 'wait') return;
        o.disconnect();
        clearTimeout(timer);
        resolve(s === 'ready' ? undefined : s);
      };
      const o = new MutationObserver(check);
      o.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => (o.disconnect(), resolve('timeout')), timeout);
      link.click();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - t0, error };
  })(${JSON.stringify([href, content, TIMEOUT_MS])})`);
}

/** One measurement of `w` at `rate`; throws when the screen did not become usable. */
async function measure(
  page: Page,
  cdp: CDPSession,
  base: string,
  home: string,
  w: Walked,
  rate: number,
) {
  if (w.how === 'url') {
    await throttle(cdp, rate);
    try {
      const got = await openReady(page, `${base}${w.href}`);
      if (typeof got !== 'number') throw new Error(got);
      return got;
    } finally {
      await throttle(cdp, 1);
    }
  }
  const ready = await openReady(page, `${base}${home}`);
  if (typeof ready !== 'number') throw new Error(`first screen: ${ready}`);
  await page.waitForTimeout(300);
  await throttle(cdp, rate);
  try {
    const { ms, error } = await timeMenu(page, w.href);
    if (error) throw new Error(error);
    return ms;
  } finally {
    await throttle(cdp, 1);
  }
}

/**
 * Every screen of a role's menu, RUNS times with the slowdown and RUNS times without (alternating).
 * The role's first screen: a cold load by URL (the app's code from the browser's caches, its data
 * fetched); the others: a tap on the menu entry from the first screen, loaded afresh before each run
 * (so that no screen's data is in the app's memory yet: the first visit of the day).
 */
async function walkRole(
  browser: Browser,
  base: string,
  r: (typeof ROLES)[number],
  heal: () => Promise<void>,
) {
  await heal();
  const page = await signInAs(browser, base, r);
  const home = new URL(page.url()).pathname;
  const cdp = await page.context().newCDPSession(page);
  await openReady(page, `${base}${home}`);
  const menu = await page.evaluate<string[]>(
    `[...document.querySelectorAll('nav.mainnav a')].map((a) => a.getAttribute('href'))`,
  );
  const profile = process.env.UIWALK_PROFILE;
  if (profile) {
    mkdirSync(profile, { recursive: true });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  const walked: Walked[] = [];
  for (const href of [home, ...menu.filter((h) => h !== home)]) {
    const w: Walked = {
      role: r.role,
      href,
      how: href === home ? 'url' : 'menu',
      slow: [],
      fast: [],
      failures: [],
    };
    let worst = -1;
    for (let i = 0; i < RUNS; i++) {
      for (const rate of [SLOWDOWN, 1]) {
        const profiled = profile && rate === SLOWDOWN;
        // A run that fails (a screen's error, or the page reloaded under it: somebody rebuilt the
        // web app) is tried again, twice, after checking that the server still serves the app and
        // removing the service worker (its next load comes from the server).
        for (let attempt = 1; ; attempt++) {
          if (profiled) await cdp.send('Profiler.start');
          try {
            const ms = round(await measure(page, cdp, base, home, w, rate), 0);
            (rate === 1 ? w.fast : w.slow).push(ms);
            if (profiled) {
              const { profile: p } = await cdp.send('Profiler.stop');
              if (ms > worst) {
                worst = ms;
                const name = `${r.role}${screenKey(href).replace(/[^a-z0-9]+/gi, '_')}.cpuprofile`;
                writeFileSync(join(profile, name), JSON.stringify(p));
              }
            }
            break;
          } catch (e) {
            if (profiled) await cdp.send('Profiler.stop').catch(() => {});
            const why = `${(e as Error).message.split('\n')[0]} (${rate === 1 ? '1×' : `${SLOWDOWN}×`})`;
            if (attempt === 3) {
              w.failures.push(why);
              break;
            }
            say(`  ${r.role} ${href}: ${why}; again`);
            await page.waitForTimeout(2000);
            await heal();
            // A service worker of an older build can keep the page on code the server no longer has.
            await cdp.send('Storage.clearDataForOrigin', {
              origin: base,
              storageTypes: 'service_workers,cache_storage',
            });
          }
        }
      }
    }
    say(
      `  ${r.role} ${screenKey(href)} (${w.how}): ${SLOWDOWN}× median ${median(w.slow)} ms, p95 ${percentile(w.slow, 95)} ms; 1× median ${median(w.fast)} ms${w.failures.length ? `; NOT USABLE: ${w.failures.join(', ')}` : ''}`,
    );
    walked.push(w);
  }
  return { walked, page, cdp, home };
}

/** The server still serves its web app (a rebuild of web/dist under a running server breaks it). */
async function servesItsApp(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/login`);
    const src = /src="(\/assets\/[^"]+\.js)"/.exec(await res.text())?.[1];
    if (res.status !== 200 || !src) return false;
    const js = await fetch(`${url}${src}`, { headers: { 'accept-encoding': 'br, gzip' } });
    return (js.headers.get('content-type') ?? '').includes('javascript');
  } catch {
    return false;
  }
}

const SHOT_OF: Record<string, { name: string; path: (home: string) => string }> = {
  hub_admin: { name: 'network', path: () => '/jaringan' },
  gov_viewer: { name: 'region', path: () => '/wilayah' },
  coop_manager: { name: 'books', path: (home) => `${home}/buku` },
};

export async function benchUiWalk(): Promise<BenchEntry> {
  const days = Number(process.env.UIWALK_DAYS ?? 21);
  const server = process.env.UIWALK_URL ? undefined : await startDemoServer(days);
  const base = process.env.UIWALK_URL ?? server!.url;
  const heal = async () => {
    if (!server || (await servesItsApp(base))) return;
    say('  (the server no longer serves the web app, rebuilt meanwhile: restarting it)');
    await server.kill();
    await server.restart();
  };
  const shots = process.env.UIWALK_SHOTS;
  const shotPaths: string[] = [];
  const browser = await launchChromium();
  try {
    const walked: Walked[] = [];
    let till: Awaited<ReturnType<typeof sellAtTheTill>> | undefined;
    const only = process.env.UIWALK_ROLES?.split(',');
    for (const r of ROLES.filter((x) => !only || only.includes(x.role))) {
      const { walked: w, page, cdp, home } = await walkRole(browser, base, r, heal);
      walked.push(...w);
      const coop = home.replace(/^(\/koperasi\/[^/]+).*$/, '$1');
      const shot = SHOT_OF[r.role];
      try {
        if (shots && shot) {
          await openReady(page, `${base}${shot.path(coop)}`);
          shotPaths.push(await shoot(page, shots, shot.name));
        }
        if (r.role === 'coop_cashier') {
          await openReady(page, `${base}${coop}/kasir`);
          till = await sellAtTheTill(page, cdp, { sales: SALES, slowdown: SLOWDOWN, shots });
          if (till.shot) shotPaths.push(till.shot);
        }
      } catch (e) {
        say(`  ${r.role}: ${(e as Error).message.split('\n')[0]}`);
      }
      await page.context().close();
    }
    for (const p of shotPaths) console.log(`screenshot: ${p}`);
    return report(walked, till, { runs: RUNS, days, slowdown: SLOWDOWN });
  } finally {
    await browser.close();
    await server?.stop();
  }
}
