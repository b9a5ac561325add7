/**
 * Cashiers syncing sales batches to a running server (recordSales), recording which batches were
 * acknowledged: the load of the crash test, where the server or its database dies under it.
 */
import type { SaleInput, ServedLumbung } from './served.ts';

export interface Batch {
  coopId: string;
  sales: SaleInput[];
  /** Acknowledged: answered 200 with every sale created or duplicate. */
  acked: boolean;
}

/** How one send ended: answered (the status of each sale), refused as unavailable, or no answer. */
export type Outcome =
  | { kind: 'answered'; statuses: string[] }
  | { kind: 'unavailable' }
  | { kind: 'down' }
  | { kind: 'wrong'; detail: string };

export async function sendBatch(
  server: ServedLumbung,
  token: string,
  batch: Batch,
): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/v1/cooperatives/${batch.coopId}/sales`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sales: batch.sales }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return { kind: 'down' };
  }
  const text = await res.text().catch(() => '');
  if (res.status === 200) {
    const body = JSON.parse(text) as { results: { status: string }[] };
    return { kind: 'answered', statuses: body.results.map((r) => r.status) };
  }
  const problem = res.headers.get('content-type')?.includes('application/problem+json');
  if (res.status === 503 && problem && text.includes('"ServiceUnavailable"'))
    return { kind: 'unavailable' };
  return { kind: 'wrong', detail: `${res.status} ${text.slice(0, 200)}` };
}

export interface LoadReport {
  unavailable: number;
  /** Sends that got no answer (the server gone while they were in flight, or not there). */
  down: number;
  wrong: string[];
  /** Per batch sent in this load: the statuses it was answered with. */
  answers: Map<Batch, string[]>;
}

/**
 * Cashiers, one per queue, each sending its own cooperative's batches one after another. `retry`: a batch
 * refused (503) or unanswered is sent again until answered; otherwise the cashier stops there (the
 * server is gone). `onAnswered` sees the count of batches answered so far, `onUnavailable` each 503.
 */
export async function syncLoad(
  server: ServedLumbung,
  token: string,
  queues: Batch[][],
  opts: { retry: boolean; onAnswered?: (answered: number) => void; onUnavailable?: () => void },
): Promise<LoadReport> {
  const report: LoadReport = { unavailable: 0, down: 0, wrong: [], answers: new Map() };
  await Promise.all(
    queues.map(async (queue) => {
      for (const batch of queue) {
        for (let attempt = 0; ; attempt++) {
          const r = await sendBatch(server, token, batch);
          if (r.kind === 'answered') {
            report.answers.set(batch, r.statuses);
            if (r.statuses.every((s) => s === 'created' || s === 'duplicate')) batch.acked = true;
            opts.onAnswered?.(report.answers.size);
            break;
          }
          if (r.kind === 'wrong') {
            report.wrong.push(r.detail);
            break;
          }
          if (r.kind === 'down') report.down++;
          if (r.kind === 'unavailable') {
            report.unavailable++;
            opts.onUnavailable?.();
          }
          if (!opts.retry || attempt >= 600) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }),
  );
  return report;
}
