import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { percentile, round } from './lib.ts';

export interface SteadyLoadResult {
  sent: number;
  ok: number;
  failed: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Requests answered with 2xx per second of the run. */
  okPerSecond: number;
}

/**
 * Open-loop load: one request every 1000/rate ms, evenly spaced, over at most
 * `connections` keep-alive connections. Unlike autocannon's rate limit (each
 * connection sends its whole per-second budget back to back at the start of
 * every second), arrivals do not bunch up. A request that finds every
 * connection busy waits for one, and its latency counts from when it was due
 * (no coordinated omission).
 */
export async function steadyLoad(opts: {
  port: number;
  rate: number;
  seconds: number;
  connections: number;
  request: () => { path: string; headers: Record<string, string>; body: string };
  onResponse?: (status: number, body: string) => void;
  /** A file for each request's due time and latency (ms), to find stalls. */
  latencyLog?: string;
}): Promise<SteadyLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const interval = 1000 / opts.rate;
  const total = Math.round(opts.rate * opts.seconds);
  /** Per answered request: when it was due (ms from the start) and its latency from then (ms). */
  const timeline: [number, number][] = [];
  let ok = 0;
  let failed = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const r = opts.request();
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: opts.port,
            method: 'POST',
            path: r.path,
            headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
            agent,
            timeout: 10_000,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              timeline.push([due - start, performance.now() - due]);
              const status = res.statusCode ?? 0;
              if (status >= 200 && status < 300) ok++;
              else failed++;
              opts.onResponse?.(status, Buffer.concat(chunks).toString());
              resolve();
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', () => {
          failed++;
          resolve();
        });
        req.end(r.body);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  if (opts.latencyLog)
    writeFileSync(
      opts.latencyLog,
      timeline.map(([t, l]) => `${t.toFixed(1)},${l.toFixed(1)}`).join('\n'),
    );
  const latencies = timeline.map(([, l]) => l);
  return {
    sent: total,
    ok,
    failed,
    p50: round(percentile(latencies, 50), 1),
    p90: round(percentile(latencies, 90), 1),
    p99: round(percentile(latencies, 99), 1),
    max: round(Math.max(0, ...latencies), 1),
    okPerSecond: ok / Math.max(elapsed, opts.seconds),
  };
}
