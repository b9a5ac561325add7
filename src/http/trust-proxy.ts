import { isIP } from 'node:net';

/**
 * Which proxies in front of the server are trusted to say who the client is
 * (Fastify's `trustProxy`): `false` — nobody, `request.ip` is the peer's
 * address and `X-Forwarded-For` is ignored; the proxies' addresses and CIDR
 * ranges (`loopback`, `linklocal` and `uniquelocal` name the private
 * ranges) — the safe choice; a number of hops, or `true` — every hop: these
 * two cannot check who the peer is, so they are only for a server that
 * cannot be reached but through its proxies.
 */
export type TrustProxy = boolean | number | string[];

const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/** Reads `TRUST_PROXY`: unset, empty, `false` or `0` trust nobody. Throws on anything it cannot read. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length)
    throw new Error(
      `TRUST_PROXY must be true, a number of hops, or addresses/CIDR ranges separated by commas; cannot read ${wrong.join(', ')}`,
    );
  return entries;
}

/**
 * The `trustProxy` option for Fastify. Fastify 5.12 no longer reads a number
 * (it trusts nobody then); a count of hops is this function instead: the
 * peer and the next `hops - 1` addresses of X-Forwarded-For are proxies.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}
