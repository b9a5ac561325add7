import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy.ts';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told to', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const v of ['', ' ', 'false', '0']) expect(parseTrustProxy(v)).toBe(false);
  });

  it('reads a number of hops, true, or addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses what it cannot read, naming it, before the server starts', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(
      /TRUST_PROXY.*10\.0\.0\.0\/33/,
    );
    expect(() => parseTrustProxy('proxy.lan')).toThrow(/proxy\.lan/);
    expect(() => parseTrustProxy('10.0.0.1,yes')).toThrow(/yes/);
    expect(() => parseTrustProxy('10.0.0.1/8/1')).toThrow();
  });

  it('a number of hops trusts the peer and the hops before it, no more', () => {
    const trust = fastifyTrustProxy(2);
    if (typeof trust !== 'function') throw new Error('a function was expected');
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});
