import { hashToken, type AuthUser } from '../../core/access/index.ts';
import type { Clock } from '../../core/shared/clock.ts';

type Authenticated = AuthUser & { tokenKind: 'session' | 'api' };

/**
 * Remembers who a token belongs to for a few seconds, so that a device
 * syncing many batches is not looked up on every call. Logout and a
 * revoked API token through this server are forgotten at once; a revocation
 * elsewhere (another process) takes effect within TTL_MS. Entries are keyed
 * by the token's hash, as stored: a token revoked by its id is forgotten
 * without the server knowing the token itself. One lookup per token at a time: calls that arrive
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
    const key = hashToken(token);
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) {
      if (hit.until - now < TokenCache.REFRESH_MS) void this.fetch(token, key).catch(() => {});
      return hit.user;
    }
    return this.fetch(token, key);
  }

  forget(token: string) {
    this.forgetHash(hashToken(token));
  }

  /** Forgets a token known only by its stored hash (an API token revoked by its id). */
  forgetHash(tokenHash: string) {
    this.entries.delete(tokenHash);
    this.loading.delete(tokenHash);
  }

  /**
   * Forgets every remembered token of a user (deactivated): with `forgetHash`
   * of the revoked tokens' hashes, which also drops lookups under way.
   */
  forgetUser(userId: string) {
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }

  private fetch(token: string, key: string): Promise<Authenticated | undefined> {
    const running = this.loading.get(key);
    if (running) return running;
    const started = this.clock.now().getTime();
    const p = this.load(token).then(
      (user) => {
        if (this.loading.get(key) !== p) return user; // forgotten meanwhile
        this.loading.delete(key);
        if (this.entries.size > 10_000) this.entries.clear();
        // Unknown tokens are not remembered: a wrong guess costs a lookup each time.
        if (user) this.entries.set(key, { user, until: started + TokenCache.TTL_MS });
        else this.entries.delete(key);
        return user;
      },
      (e: unknown) => {
        if (this.loading.get(key) === p) this.loading.delete(key);
        throw e;
      },
    );
    this.loading.set(key, p);
    return p;
  }
}
