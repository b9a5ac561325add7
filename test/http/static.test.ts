/**
 * The web app's files as a phone gets them (issue 17, finding 10): brotli or gzip as the browser
 * accepts, content-hashed files cached for a year, and what names the current version (index.html,
 * the service worker, the manifest) revalidated on every load. Needs web/dist: built here when it is
 * missing or has no compressed copies (CI builds it before the tests).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.ts';

const ROOT = new URL('../../', import.meta.url);
const DIST = new URL('web/dist/', ROOT);
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The entry script of the built app (`assets/index-<hash>.js`), from Vite's manifest. */
function entryScript(): string {
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', DIST), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  return Object.values(manifest).find((c) => c.isEntry)!.file;
}

describe('the web app’s static files', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let script: string;
  let scriptBytes: Buffer;

  beforeAll(async () => {
    if (
      !existsSync(new URL('index.html', DIST)) ||
      !existsSync(new URL(`${entryScript()}.br`, DIST))
    ) {
      execFileSync(process.execPath, ['scripts/build-web.mjs'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
    script = `/${entryScript()}`;
    scriptBytes = readFileSync(new URL(`.${script}`, DIST));
    t = await createTestDatabase('sqlite');
    app = await buildApp({ db: t.db, engine: 'sqlite', version: 'test' });
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('a hashed script goes as brotli to a browser that takes it, cached for a year', async () => {
    const res = await get(script, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.length).toBeLessThan(scriptBytes.length / 2);
    expect(brotliDecompressSync(res.rawPayload).equals(scriptBytes)).toBe(true);
  });

  it('as gzip to one that takes only gzip, and as it is to one that names no encoding', async () => {
    const gz = await get(script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).equals(scriptBytes)).toBe(true);

    for (const plain of [await get(script), await get(script, 'identity')]) {
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(plain.headers['cache-control']).toBe(IMMUTABLE);
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.rawPayload.equals(scriptBytes)).toBe(true);
    }
  });

  it('index.html, also on the app’s own paths, is revalidated on every load', async () => {
    const html = readFileSync(new URL('index.html', DIST));
    for (const url of ['/', '/index.html', '/koperasi/x', '/login']) {
      for (const [enc, decode] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
        [undefined, (b: Buffer) => b],
      ] as const) {
        const res = await get(url, enc);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(res.headers['content-encoding'], url).toBe(enc);
        expect(decode(res.rawPayload).equals(html), url).toBe(true);
      }
    }
  });

  it('a name that is not a built file never gets the year-long cache', async () => {
    const res = await get('/assets/index-Gone1234.js', 'br');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('the service worker and the manifest are revalidated on every load', async () => {
    const sw = await get('/sw.js', 'br');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(sw.rawPayload).equals(readFileSync(new URL('sw.js', DIST)))).toBe(
      true,
    );
    const manifest = await get('/manifest.webmanifest', 'gzip');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const icon = await get('/icon-192.png', 'br');
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).toBe('no-cache');
    // The service worker's Workbox runtime is named by its content's hash, like Vite's files.
    const runtime = readdirSync(DIST).find((f) => /^workbox-[0-9a-f]{8}\.js$/.test(f))!;
    const workbox = await get(`/${runtime}`, 'br');
    expect(workbox.headers['content-encoding']).toBe('br');
    expect(workbox.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('the API’s JSON is not the static files’ business', async () => {
    const res = await get('/api/health', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
