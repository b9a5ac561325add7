import { readCache, saveCache } from './outbox.ts';

/**
 * Fetches fresh data and keeps a copy in IndexedDB; when there is no connection (no HTTP answer at
 * all) the last copy serves instead, so the cashier opens and sells offline. HTTP errors (401, 403,
 * 404…) are not hidden behind the cache.
 */
export async function withOfflineCache<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  try {
    const data = await fetcher();
    await saveCache(key, data);
    return data;
  } catch (e) {
    if ((e as { status?: number }).status !== undefined) throw e;
    const cached = await readCache<T>(key);
    if (cached) return cached.data;
    throw e;
  }
}

/** When the cached copy of `key` was saved (ms since epoch), to say how old offline prices are. */
export async function cachedAt(key: string): Promise<number | undefined> {
  return (await readCache(key))?.savedAt;
}
