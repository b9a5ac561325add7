import type { AuthUser } from '../../core/access/index.ts';
import type { Clock } from '../../core/shared/clock.ts';

type Authenticated = AuthUser & { tokenKind: 'session' | 'api' };

/**
 * Remembers who a token belongs to for a few seconds, so that a device
 * syncing many batches is not looked up on every call. Logout through this
 * server forgets at once; a revocation elsewhere (another process) takes
 * effect within TTL_MS. One lookup per token at a time: calls that arrive
 * while it runs share it; in the last REFRESH_MS of an entry's life a call
 * starts the next lookup in the background, so a busy token never expires
 * under a burst of calls all waiting for the database.
 */
export class TokenCache {
  static readonly TTL_MS = 5_000;
  static readonly REFRESH_MS = 1_500;
  private entries = new Map<string, { user: Authenticated; until: number }>();
  private loading = new Map<string, Promise<Authenticated | undefined>>();

  constructor(
    private readonly load: (token: string) => Promise<Authenticated | undefined>,
    private readonly clock: Clock,
  ) {}

  async lookup(token: string): Promise<Authenticated | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(token);
    if (hit && hit.until > now) {
      if (hit.until - now < TokenCache.REFRESH_MS) void this.fetch(token).catch(() => {});
      return hit.user;
    }
    return this.fetch(token);
  }

  forget(token: string) {
    this.entries.delete(token);
    this.loading.delete(token);
  }

  private fetch(token: string): Promise<Authenticated | undefined> {
    const running = this.loading.get(token);
    if (running) return running;
    const started = this.clock.now().getTime();
    const p = this.load(token).then(
      (user) => {
        if (this.loading.get(token) !== p) return user; // forgotten meanwhile
        this.loading.delete(token);
        if (this.entries.size > 10_000) this.entries.clear();
        // Unknown tokens are not remembered: a wrong guess costs a lookup each time.
        if (user) this.entries.set(token, { user, until: started + TokenCache.TTL_MS });
        else this.entries.delete(token);
        return user;
      },
      (e: unknown) => {
        if (this.loading.get(token) === p) this.loading.delete(token);
        throw e;
      },
    );
    this.loading.set(token, p);
    return p;
  }
}
