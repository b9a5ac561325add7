import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface CheckpointPass {
  /** Frames in the WAL when the pass began. */
  log: number;
  /** Of those, frames now copied into the database file. */
  checkpointed: number;
}

/**
 * Copies SQLite's write-ahead log into the database file from a worker
 * thread, four times a second, instead of inside the commit that happens to
 * cross the WAL's size limit (a checkpoint copies up to a thousand pages and
 * syncs twice, stalling every request queued behind that commit). PASSIVE: it
 * never waits for or blocks the server's connection. After each pass it tells
 * `onPass` how far it got; `passNow()` runs a pass at once and resolves when
 * it has ended (at once if the worker is gone). Stops with `stop()`.
 */
export function startCheckpointer(
  path: string,
  onPass: (pass: CheckpointPass) => void = () => {},
  everyMs = 250,
): { passNow(): Promise<void>; stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 1000');
    const pass = () => {
      try {
        const [r] = db.pragma('wal_checkpoint(PASSIVE)');
        return r && !r.busy ? { log: r.log, checkpointed: r.checkpointed } : undefined;
      } catch {
        return undefined;
      }
    };
    const timer = setInterval(() => {
      const done = pass();
      if (done) parentPort.postMessage({ kind: 'pass', pass: done });
    }, workerData.everyMs);
    parentPort.on('message', (m) => {
      if (m === 'now') {
        pass();
        return parentPort.postMessage({ kind: 'now' });
      }
      clearInterval(timer);
      pass();
      db.close();
      parentPort.close();
    });
    `,
    { eval: true, workerData: { driver, path, everyMs } },
  );
  /** Callers of passNow, answered in order (the worker answers its messages in order). */
  const waiting: (() => void)[] = [];
  worker.on('message', (m: { kind: 'pass' | 'now'; pass?: CheckpointPass }) => {
    if (m.kind === 'now') waiting.shift()?.();
    else if (m.pass) onPass(m.pass);
  });
  worker.unref();
  // A worker that fails only stops checkpointing (the server's own commits take over past ~80 MB).
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      for (const answer of waiting.splice(0)) answer();
      resolve();
    }),
  );
  worker.on('error', (e) => process.emitWarning(`WAL checkpointer stopped: ${String(e)}`));
  return {
    passNow() {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        worker.postMessage('now');
      });
    },
    async stop() {
      if (exited) return;
      worker.postMessage('stop');
      await gone;
    },
  };
}

/**
 * SQLite writes the WAL from its beginning again only when a transaction of
 * the writing connection begins with every frame of it copied into the
 * database file. Under steady writes the worker's passes never leave it so
 * (a commit comes before the pass ends), and the WAL would grow to
 * wal_autocheckpoint's 20,000 pages, where that commit copies everything
 * since the worker's last pass and syncs it inside the event loop: a stall of
 * 40–85 ms every few seconds at 10,000 sales/s. Instead, once the WAL holds
 * WAL_RESTART_FRAMES (8 MB) and a pass of the worker has caught up, the
 * server holds its connection between transactions while the worker runs one
 * more pass over the few batches since (the event loop stays free, but
 * database work waits), at most WAL_RESTART_WAIT_MS. The next try waits for
 * the WAL to grow by WAL_RESTART_FRAMES again, twice that after a pass that
 * ran out of time, and so on: nothing is tried while the WAL does not grow
 * (no writes), and a slow disk cannot turn it into a stall every pass.
 */
const WAL_RESTART_FRAMES = 2_000;
const WAL_RESTART_WAIT_MS = 50;

/** Decides, pass by pass of the worker, when the server's connection is held for a WAL restart. */
export function walRestarts(
  hold: (work: () => Promise<void>) => Promise<void>,
  passNow: () => Promise<void>,
) {
  let restarting = false;
  let closing = false;
  let lastLog = 0;
  let nextAt = WAL_RESTART_FRAMES;
  let backoff = 1;
  return {
    onPass(pass: CheckpointPass) {
      // A smaller WAL than last time: it has started over.
      if (pass.log < lastLog) nextAt = WAL_RESTART_FRAMES;
      lastLog = pass.log;
      if (closing || restarting || pass.log < nextAt || pass.checkpointed < pass.log) return;
      restarting = true;
      let inTime = true;
      hold(async () => {
        let timer: NodeJS.Timeout | undefined;
        inTime = await Promise.race([
          passNow().then(() => true),
          new Promise<boolean>(
            (resolve) => (timer = setTimeout(resolve, WAL_RESTART_WAIT_MS, false)),
          ),
        ]);
        clearTimeout(timer);
      })
        .catch(() => {})
        .finally(() => {
          backoff = inTime ? 1 : backoff * 2;
          nextAt = pass.log + WAL_RESTART_FRAMES * backoff;
          restarting = false;
        });
    },
    close() {
      closing = true;
    },
  };
}
