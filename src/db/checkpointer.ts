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
 * `onPass` how far it got; `passNow()` runs a pass at once and answers with
 * it (or with undefined if the pass was busy or the worker is gone). Stops
 * with `stop()`.
 */
export function startCheckpointer(
  path: string,
  onPass: (pass: CheckpointPass) => void = () => {},
  everyMs = 250,
): { passNow(): Promise<CheckpointPass | undefined>; stop(): Promise<void> } {
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
      if (m === 'now') return parentPort.postMessage({ kind: 'now', pass: pass() });
      clearInterval(timer);
      pass();
      db.close();
      parentPort.close();
    });
    `,
    { eval: true, workerData: { driver, path, everyMs } },
  );
  /** Callers of passNow, answered in order (the worker answers its messages in order). */
  const waiting: ((pass: CheckpointPass | undefined) => void)[] = [];
  worker.on('message', (m: { kind: 'pass' | 'now'; pass: CheckpointPass | undefined }) => {
    if (m.kind === 'now') waiting.shift()?.(m.pass);
    else if (m.pass) onPass(m.pass);
  });
  worker.unref();
  // A worker that fails only stops checkpointing (the server's own commits take over past ~80 MB).
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      for (const answer of waiting.splice(0)) answer(undefined);
      resolve();
    }),
  );
  worker.on('error', (e) => process.emitWarning(`WAL checkpointer stopped: ${String(e)}`));
  return {
    passNow() {
      if (exited) return Promise.resolve(undefined);
      return new Promise((resolve) => {
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
