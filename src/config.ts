import { readFileSync } from 'node:fs';
import { DEFAULT_DATABASE_URL } from './db/connection.ts';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';

/** Configuration by environment, read once. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  demo: boolean;
  version: string;
  /** `TRUST_PROXY`: the proxies trusted to name the client (X-Forwarded-For); unset: none. */
  trustProxy: TrustProxy;
  /** `LUMBUNG_METRICS_TOKEN`: when set, `GET /metrics` asks for `Authorization: Bearer <it>`. */
  metricsToken?: string;
  /**
   * `LUMBUNG_NOW`: the instant the server's clock starts from (it then runs at real speed). For
   * browser tests of a chosen business day, like a month end; never set in production.
   */
  now?: string;
}

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    demo: env.LUMBUNG_DEMO === '1' || env.LUMBUNG_DEMO === 'true',
    version: VERSION,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    ...(env.LUMBUNG_NOW ? { now: env.LUMBUNG_NOW } : {}),
    metricsToken: env.LUMBUNG_METRICS_TOKEN?.trim() || undefined,
  };
}
