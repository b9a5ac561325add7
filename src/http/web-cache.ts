import { basename, dirname } from 'node:path';

/** A file whose name holds a hash of its content: Vite's `assets/<name>-<hash>.<ext>`, Workbox's runtime. */
const HASHED_ASSET = /-[\w-]{8}\.[a-z0-9]+$/i;
const WORKBOX_RUNTIME = /^workbox-[0-9a-f]{8}\.js$/;

/**
 * How long a browser may keep a file of the web app (web/dist) without asking again. A file named by
 * the hash of its content never changes under that name: a year, `immutable`. Everything else —
 * index.html (which names the current hashed files), the service worker, the manifest, the icons —
 * `no-cache`: kept, but revalidated (ETag) on every use, so a new version is seen on the next load.
 * `path` is the file sent, possibly its pre-compressed copy (`.br`, `.gz`).
 */
export function webCacheControl(path: string): string {
  const file = path.replace(/\.(br|gz)$/, '');
  const name = basename(file);
  const hashed =
    (basename(dirname(file)) === 'assets' && HASHED_ASSET.test(name)) || WORKBOX_RUNTIME.test(name);
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
}
