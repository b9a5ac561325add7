import type { FastifyBaseLogger } from 'fastify';
import { insertAuditEvents, type AuditEventTable } from '../../core/audit/index.ts';
import type { Db } from '../../db/database.ts';

/**
 * Writes the audit trail of answered requests in groups: events queued during
 * one turn of the event loop go into the database together on the next, in
 * one multi-row insert (one commit instead of one per request under load).
 * If a group fails, its events are retried one by one so that one bad event
 * costs only itself. `flush()` waits for everything queued so far; the server
 * flushes on close.
 */
export class AuditWriter {
  private queue: AuditEventTable[] = [];
  private running: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  add(row: AuditEventTable) {
    this.queue.push(row);
    this.schedule();
  }

  /**
   * Resolves when every event queued before the call is written (or its failure logged); events
   * added meanwhile are not waited for (under steady traffic the queue is never empty).
   */
  async flush(): Promise<void> {
    const mine = this.queue;
    // The queue array is swapped out when a write takes it: until then, ours is still waiting.
    while (this.queue === mine && mine.length) await (this.running ?? this.drain());
    if (this.running) await this.running;
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.drain());
  }

  private drain(): Promise<void> {
    this.scheduled = false;
    if (this.running || this.queue.length === 0) return this.running ?? Promise.resolve();
    const rows = this.queue;
    this.queue = [];
    this.running = this.write(rows).finally(() => {
      this.running = undefined;
      if (this.queue.length) this.schedule();
    });
    return this.running;
  }

  private async write(rows: AuditEventTable[]) {
    try {
      await insertAuditEvents(this.db, rows);
    } catch (err) {
      if (rows.length === 1) {
        this.log.error({ err, event: rows[0] }, 'audit write failed');
        return;
      }
      for (const row of rows) await this.write([row]);
    }
  }
}
