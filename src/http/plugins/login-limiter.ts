/**
 * Login throttling, by account and by address, counting only failures:
 * - an account (an e-mail, a NIP) is locked for LOCK_MS after MAX_FAILURES
 *   wrong attempts within WINDOW_MS; other accounts are not affected;
 * - an address gets at most MAX_FAILURES_PER_ADDRESS failed attempts per
 *   window (many accounts guessed from one place), whatever their accounts.
 * Successful sign-ins never count: a whole office behind one NAT or proxy
 * signs in as often as it likes. The address is `request.ip`, the client
 * behind a proxy only when TRUST_PROXY says so. In memory: one server process.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;
const MAX_FAILURES_PER_ADDRESS = 50;
/** Past this many keys, forgotten failures are swept out (a spray of made-up e-mails stays bounded). */
const SWEEP_AT = 10_000;

export class LoginLimiter {
  /** Recent failures by account key, and by address. */
  private failures = new Map<string, number[]>();
  private addressFailures = new Map<string, number[]>();
  private locked = new Map<string, number>();
  /** Attempts being checked right now (the password hash takes a while), by account and address. */
  private pending = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(list: number[] | undefined): number[] {
    const t = this.now();
    return (list ?? []).filter((x) => t - x < WINDOW_MS);
  }

  /**
   * Seconds to wait before another attempt for this account from this address, or 0. Attempts
   * still being checked count as failures until they are decided, so that a burst of parallel
   * guesses cannot all pass before the first wrong one is counted.
   */
  retryAfter(key: string, address: string): number {
    const t = this.now();
    const until = this.locked.get(key) ?? 0;
    if (until > t) return Math.ceil((until - t) / 1000);
    const a = this.recent(this.addressFailures.get(address));
    if (a.length >= MAX_FAILURES_PER_ADDRESS)
      return Math.ceil((WINDOW_MS - (t - a[a.length - MAX_FAILURES_PER_ADDRESS]!)) / 1000);
    const inFlight = (k: string) => this.pending.get(k) ?? 0;
    if (this.recent(this.failures.get(key)).length + inFlight(`k:${key}`) >= MAX_FAILURES) return 1;
    if (a.length + inFlight(`a:${address}`) >= MAX_FAILURES_PER_ADDRESS) return 1;
    return 0;
  }

  /** An attempt starts being checked; `settle` must follow (with `fail` or `succeed` as it went). */
  begin(key: string, address: string) {
    for (const k of [`k:${key}`, `a:${address}`])
      this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
  }

  /** The attempt begun for this account and address is decided. */
  settle(key: string, address: string) {
    for (const k of [`k:${key}`, `a:${address}`]) {
      const n = (this.pending.get(k) ?? 1) - 1;
      if (n > 0) this.pending.set(k, n);
      else this.pending.delete(k);
    }
  }

  /** A failed attempt: counts against the account and against the address. */
  fail(key: string, address: string) {
    const t = this.now();
    const f = this.record(this.failures, key, t);
    if (f.length >= MAX_FAILURES) {
      this.locked.set(key, t + LOCK_MS);
      this.failures.delete(key);
    }
    this.record(this.addressFailures, address, t);
  }

  /** A successful sign-in: the account's failures are forgiven; the address's stay counted. */
  succeed(key: string) {
    this.failures.delete(key);
  }

  /** How many accounts and addresses it remembers failures of (memory stays bounded). */
  get size(): number {
    return this.failures.size + this.addressFailures.size + this.locked.size;
  }

  private record(map: Map<string, number[]>, key: string, t: number): number[] {
    if (map.size >= SWEEP_AT) this.sweep();
    const list = this.recent(map.get(key));
    list.push(t);
    map.set(key, list);
    return list;
  }

  private sweep() {
    const t = this.now();
    for (const map of [this.failures, this.addressFailures])
      for (const [k, list] of map) if (t - list[list.length - 1]! >= WINDOW_MS) map.delete(k);
    for (const [k, until] of this.locked) if (until <= t) this.locked.delete(k);
  }
}
