import type { AuthUser } from '../../core/access/index.ts';
import type { Clock } from '../../core/shared/clock.ts';

type Authenticated = AuthUser & { tokenKind: 'session' | 'api' };

/**
 * Remembers who a token belongs to for a few seconds, so that a device
 * syncing many batches is not looked up on every call. Logout through this
 * server forgets at once; a revocation elsewhere (another process) takes
 * effect within TTL_MS.
 */
export class TokenCache {
  static readonly TTL_MS = 5_000;
  private entries = new Map<string, { user: Authenticated | undefined; until: number }>();

  constructor(
    private readonly load: (token: string) => Promise<Authenticated | undefined>,
    private readonly clock: Clock,
  ) {}

  async lookup(token: string): Promise<Authenticated | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(token);
    if (hit && hit.until > now) return hit.user;
    const user = await this.load(token);
    if (this.entries.size > 10_000) this.entries.clear();
    // Unknown tokens are not remembered: a wrong guess costs a lookup each time.
    if (user) this.entries.set(token, { user, until: now + TokenCache.TTL_MS });
    else this.entries.delete(token);
    return user;
  }

  forget(token: string) {
    this.entries.delete(token);
  }
}
