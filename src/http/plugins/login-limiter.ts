/**
 * Login throttling: after MAX_FAILURES wrong passwords for one e-mail within
 * WINDOW_MS the e-mail is locked for LOCK_MS; one address gets at most
 * MAX_PER_ADDRESS attempts per window. In memory: one server process.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;
const MAX_PER_ADDRESS = 50;

export class LoginLimiter {
  private failures = new Map<string, number[]>();
  private locked = new Map<string, number>();
  private attempts = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(list: number[] | undefined): number[] {
    const t = this.now();
    return (list ?? []).filter((x) => t - x < WINDOW_MS);
  }

  /** Seconds to wait before another attempt, or 0. */
  retryAfter(email: string, address: string): number {
    const t = this.now();
    const until = this.locked.get(email) ?? 0;
    if (until > t) return Math.ceil((until - t) / 1000);
    const a = this.recent(this.attempts.get(address));
    if (a.length >= MAX_PER_ADDRESS) return Math.ceil((WINDOW_MS - (t - a[0]!)) / 1000);
    return 0;
  }

  attempt(address: string) {
    const a = this.recent(this.attempts.get(address));
    a.push(this.now());
    this.attempts.set(address, a);
  }

  fail(email: string) {
    const f = this.recent(this.failures.get(email));
    f.push(this.now());
    this.failures.set(email, f);
    if (f.length >= MAX_FAILURES) {
      this.locked.set(email, this.now() + LOCK_MS);
      this.failures.delete(email);
    }
  }

  succeed(email: string) {
    this.failures.delete(email);
  }
}
