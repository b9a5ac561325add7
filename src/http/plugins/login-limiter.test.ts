import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';

const MINUTE = 60_000;

function limiterAt(start = 0) {
  let now = start;
  const limiter = new LoginLimiter(() => now);
  return { limiter, pass: (ms: number) => (now += ms) };
}

describe('the login limiter', () => {
  it('locks an account after 5 failures for 15 minutes, then lets it try again', () => {
    const { limiter, pass } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.fail('a@uji.test', '10.0.0.1');
    expect(limiter.retryAfter('a@uji.test', '10.0.0.1')).toBe(0);
    limiter.fail('a@uji.test', '10.0.0.1');
    expect(limiter.retryAfter('a@uji.test', '10.0.0.2')).toBe(15 * 60);
    expect(limiter.retryAfter('b@uji.test', '10.0.0.1')).toBe(0);
    pass(15 * MINUTE);
    expect(limiter.retryAfter('a@uji.test', '10.0.0.1')).toBe(0);
  });

  it("forgets an account's failures when it signs in, and failures older than the window", () => {
    const { limiter, pass } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.fail('a@uji.test', '10.0.0.1');
    limiter.succeed('a@uji.test');
    for (let i = 0; i < 4; i++) limiter.fail('a@uji.test', '10.0.0.1');
    pass(15 * MINUTE);
    limiter.fail('a@uji.test', '10.0.0.1');
    expect(limiter.retryAfter('a@uji.test', '10.0.0.1')).toBe(0);
  });

  it('caps an address at 50 failures a window, whatever the accounts; it reopens as they age', () => {
    const { limiter, pass } = limiterAt();
    for (let i = 0; i < 49; i++) limiter.fail(`x${i}@uji.test`, '10.0.0.1');
    pass(5 * MINUTE);
    limiter.fail('y@uji.test', '10.0.0.1');
    expect(limiter.retryAfter('z@uji.test', '10.0.0.1')).toBe(10 * 60);
    expect(limiter.retryAfter('z@uji.test', '10.0.0.2')).toBe(0);
    pass(10 * MINUTE);
    expect(limiter.retryAfter('z@uji.test', '10.0.0.1')).toBe(0);
  });

  it('stays small under a spray of made-up accounts', () => {
    const { limiter, pass } = limiterAt();
    for (let i = 0; i < 10_000; i++) limiter.fail(`x${i}@uji.test`, `10.0.${i >> 8}.${i & 255}`);
    pass(15 * MINUTE);
    limiter.fail('y@uji.test', '10.9.9.9');
    expect(limiter.size).toBe(2);
  });
});
