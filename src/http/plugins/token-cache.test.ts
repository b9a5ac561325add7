import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../../core/access/index.ts';
import { fixedClock } from '../../core/shared/clock.ts';
import { TokenCache } from './token-cache.ts';

type User = AuthUser & { tokenKind: 'session' | 'api' };
const ana: User = {
  id: 'u1',
  email: 'ana@kana.test',
  name: 'Ana',
  locale: 'id',
  memberships: [],
  tokenKind: 'api',
};

/** A token store whose lookups the test answers one by one. */
function store() {
  const pending: ((u: User | undefined) => void)[] = [];
  let calls = 0;
  const load = (_token: string) => {
    calls++;
    return new Promise<User | undefined>((resolve) => pending.push(resolve));
  };
  return { load, pending, calls: () => calls };
}
const tick = () => new Promise((r) => setImmediate(r));

/** A cache at 10:00:00 over a store the test answers. */
function fresh() {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const s = store();
  return { clock, s, cache: new TokenCache(s.load, clock) };
}

/** The same, with token `t` looked up once (Ana) and remembered. */
async function remembered() {
  const c = fresh();
  const first = c.cache.lookup('t');
  await tick();
  c.s.pending.shift()!(ana);
  await first;
  return c;
}

describe('the token cache', () => {
  it('calls that arrive during a lookup share it; within the TTL nothing is looked up again', async () => {
    const { clock, s, cache } = fresh();
    const burst = Promise.all([1, 2, 3, 4, 5].map(() => cache.lookup('t')));
    await tick();
    expect(s.calls()).toBe(1);
    s.pending.shift()!(ana);
    expect((await burst).every((u) => u === ana)).toBe(true);
    clock.set('2026-11-28T10:00:03.000Z');
    expect(await cache.lookup('t')).toBe(ana);
    expect(s.calls()).toBe(1);
  });

  it('near the end of its life an entry is refreshed in the background; a revocation found then takes effect', async () => {
    const { clock, s, cache } = await remembered();
    clock.set('2026-11-28T10:00:04.000Z'); // within the last 1.5 s of the 5 s
    expect(await cache.lookup('t')).toBe(ana); // answered at once, from the cache
    expect(await cache.lookup('t')).toBe(ana);
    expect(s.calls()).toBe(2); // one refresh, not one per call
    s.pending.shift()!(undefined); // revoked elsewhere
    await tick();
    expect(await Promise.race([cache.lookup('t'), tick().then(() => 'waiting')])).toBe('waiting');
    expect(s.calls()).toBe(3);
  });

  it('an expired entry is not used: the call waits for a fresh lookup', async () => {
    const { clock, s, cache } = await remembered();
    clock.set('2026-11-28T10:00:06.000Z');
    const late = cache.lookup('t');
    await tick();
    expect(s.calls()).toBe(2);
    s.pending.shift()!(undefined);
    expect(await late).toBeUndefined();
  });

  it('a token forgotten (logout) while its lookup runs is not remembered', async () => {
    const { s, cache } = fresh();
    const during = cache.lookup('t');
    await tick();
    cache.forget('t');
    s.pending.shift()!(ana);
    await during;
    const after = cache.lookup('t');
    await tick();
    expect(s.calls()).toBe(2);
    s.pending.shift()!(undefined);
    expect(await after).toBeUndefined();
  });

  it("forgetUser drops every remembered token of that user, and only that user's", async () => {
    const { s, cache } = await remembered();
    const budi: User = { ...ana, id: 'u2', email: 'budi@kana.test', name: 'Budi' };
    const other = cache.lookup('b');
    await tick();
    s.pending.shift()!(budi);
    await other;
    cache.forgetUser('u1');
    expect(await cache.lookup('b')).toBe(budi);
    expect(s.calls()).toBe(2);
    const again = cache.lookup('t');
    await tick();
    expect(s.calls()).toBe(3);
    s.pending.shift()!(undefined);
    expect(await again).toBeUndefined();
  });
});
