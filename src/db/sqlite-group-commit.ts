import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/** A group commits once it is this old (ms) when the connection changes hands, or has this many transactions. */
const GROUP_MAX_AGE_MS = 5;
const GROUP_MAX_TRANSACTIONS = 200;
const SAVEPOINT = 'lumbung_tx';

/** One real SQLite transaction holding several callers' transactions as savepoints. */
class Group {
  readonly openedAt = performance.now();
  transactions = 0;
  readonly committed: Promise<void>;
  resolve!: () => void;
  private rejectPromise!: (e: unknown) => void;
  /** Why it failed, known at once (the promise tells the same later). */
  failed: unknown;
  reject(e: unknown) {
    this.failed = e ?? new Error('SQLite group commit failed');
    this.rejectPromise(this.failed);
  }
  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.rejectPromise = reject;
    });
    // Rolled-back callers do not wait for it: a failure must not go unhandled.
    this.committed.catch(() => {});
  }
}

/** A caller's turn on the connection. */
class Lease implements DatabaseConnection {
  released = false;
  /** The group this turn's statements ran in: they are durable when it commits. */
  joined: Group | undefined;
  constructor(
    private readonly driver: GroupCommitSqliteDriver,
    readonly inner: DatabaseConnection,
  ) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.assertHeld();
    this.driver.checkGroup();
    this.joined ??= this.driver.openGroup;
    return this.inner.executeQuery<R>(query);
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    this.assertHeld();
    // A stream hands rows out as it reads them: outside a transaction, only committed ones.
    if (!this.joined) this.driver.commitOpenGroup();
    return this.inner.streamQuery<R>(query, chunkSize);
  }
  /** A turn ends when its transaction commits or rolls back: using the connection after is a bug. */
  assertHeld() {
    if (this.released) throw new Error('SQLite connection used after its turn ended');
  }
}

/**
 * SQLite has one connection, shared by turns, first come first served, one
 * turn of the event loop apart (handing over at once would run every queued
 * transaction back to back and starve the network: no response written, no
 * request read, until the queue ran dry).
 *
 * Group commit: a commit costs SQLite a write of every page the transaction
 * touched to the WAL. Under load, transactions that follow each other run as
 * savepoints of one real transaction, committed when the connection falls
 * idle, after GROUP_MAX_AGE_MS, or after GROUP_MAX_TRANSACTIONS. A caller's
 * commit (and any statement that ran inside an open group) resolves only
 * after the real COMMIT: nobody is told "done" before the data is durable, and
 * if the COMMIT fails every caller of the group gets the error. A caller that
 * rolls back undoes only its savepoint.
 */
export class GroupCommitSqliteDriver implements Driver {
  private connection!: DatabaseConnection;
  private readonly queue: (() => void)[] = [];
  private busy = false;
  private idleCommit = false;
  openGroup: Group | undefined;
  /** Turns that had to wait for the connection, and how long they waited in all (ms), since start. */
  waits = 0;
  waitMs = 0;

  constructor(
    private readonly inner: Driver,
    private readonly sqlite: SQLite.Database,
  ) {}

  async init() {
    await this.inner.init();
    // The inner driver's single connection, held for good: turns are handed out here.
    this.connection = await this.inner.acquireConnection();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) {
      const since = performance.now();
      await new Promise<void>((resolve) => this.queue.push(resolve));
      this.waits++;
      this.waitMs += performance.now() - since;
    }
    this.busy = true;
    return new Lease(this, this.connection);
  }

  async beginTransaction(lease: DatabaseConnection) {
    const l = lease as Lease;
    l.assertHeld();
    this.checkGroup();
    if (this.openGroup && performance.now() - this.openGroup.openedAt >= GROUP_MAX_AGE_MS)
      this.commitGroup();
    if (!this.openGroup) {
      // IMMEDIATE: the group writes from its first statement on a fresh snapshot, so a write
      // by another process in between cannot fail its later statements (SQLITE_BUSY_SNAPSHOT).
      this.run('begin immediate');
      this.openGroup = new Group();
    }
    this.run(`savepoint ${SAVEPOINT}`);
    this.openGroup.transactions++;
    l.joined = this.openGroup;
  }

  async commitTransaction(lease: DatabaseConnection) {
    const l = lease as Lease;
    l.assertHeld();
    // SQLite may have rolled the whole transaction back (disk full, I/O): nothing to commit.
    if (!this.sqlite.inTransaction) {
      this.checkGroup();
      throw new Error('SQLite rolled back the transaction');
    }
    this.run(`release ${SAVEPOINT}`);
    const group = l.joined!;
    this.handOver(l);
    await group.committed;
  }

  async rollbackTransaction(lease: DatabaseConnection) {
    const l = lease as Lease;
    // Already handed over: its savepoint was released and its group's COMMIT failed; nothing to undo.
    if (l.released) return;
    try {
      if (this.sqlite.inTransaction) {
        this.run(`rollback to ${SAVEPOINT}`);
        this.run(`release ${SAVEPOINT}`);
      }
    } finally {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the group is gone.
      if (this.openGroup && !this.sqlite.inTransaction)
        this.failGroup(new Error('SQLite rolled back the transaction'));
      l.joined = undefined;
      this.handOver(l);
    }
  }

  // Savepoints of a controlled transaction nest inside the caller's own savepoint.
  savepoint(lease: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    (lease as Lease).assertHeld();
    return this.inner.savepoint!(lease, name, compile);
  }
  rollbackToSavepoint(
    lease: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    (lease as Lease).assertHeld();
    return this.inner.rollbackToSavepoint!(lease, name, compile);
  }
  releaseSavepoint(
    lease: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    (lease as Lease).assertHeld();
    return this.inner.releaseSavepoint!(lease, name, compile);
  }

  async releaseConnection(lease: DatabaseConnection) {
    const l = lease as Lease;
    if (l.released) return;
    const group = l.joined;
    this.handOver(l);
    if (group) await group.committed;
  }

  /** Turns waiting for the connection now. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Holds the connection, outside any transaction, while `work` runs: after
   * the turns already waiting and after the open group has committed; the
   * turns that come meanwhile wait for it.
   */
  async betweenTransactions(work: () => void | Promise<void>): Promise<void> {
    const lease = (await this.acquireConnection()) as Lease;
    try {
      this.commitOpenGroup();
      await work();
    } finally {
      this.handOver(lease);
    }
  }

  async destroy() {
    // Wait for the turn in progress (a transaction half done must not be committed by closing).
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    if (this.openGroup) this.commitGroup();
    await this.inner.releaseConnection(this.connection);
    await this.inner.destroy();
  }

  /**
   * Ends a turn: commits the group if it is old or full, then passes the connection on; with
   * nobody waiting, the group commits on the next turn of the event loop unless someone has
   * taken the connection by then (requests read in this turn join it).
   */
  private handOver(lease: Lease) {
    lease.released = true;
    this.checkGroup();
    const g = this.openGroup;
    if (
      g &&
      (g.transactions >= GROUP_MAX_TRANSACTIONS ||
        performance.now() - g.openedAt >= GROUP_MAX_AGE_MS)
    )
      this.commitGroup();
    const next = this.queue.shift();
    if (next) setImmediate(next);
    else {
      this.busy = false;
      if (this.openGroup && !this.idleCommit) {
        this.idleCommit = true;
        setImmediate(() => {
          this.idleCommit = false;
          if (!this.busy && this.openGroup) this.commitGroup();
        });
      }
    }
  }

  private commitGroup() {
    const g = this.openGroup!;
    this.openGroup = undefined;
    try {
      this.run('commit');
      g.resolve();
    } catch (e) {
      try {
        if (this.sqlite.inTransaction) this.run('rollback');
      } finally {
        g.reject(e);
      }
    }
  }

  /** If SQLite rolled the group's transaction back on its own (disk full, I/O), the group failed. */
  checkGroup() {
    if (this.openGroup && !this.sqlite.inTransaction)
      this.failGroup(new Error('SQLite rolled back the transaction'));
  }

  /** Commits the open group now (a stream must read committed rows only); throws if it fails. */
  commitOpenGroup() {
    this.checkGroup();
    const g = this.openGroup;
    if (!g) return;
    this.commitGroup();
    if (g.failed) throw g.failed;
  }

  private failGroup(e: unknown) {
    const g = this.openGroup!;
    this.openGroup = undefined;
    g.reject(e);
  }

  private run(sql: string) {
    this.sqlite.exec(sql);
  }
}

/** Kysely's SQLite dialect with the group-commit driver; `database` may wrap `sqlite` (statement cache). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  private readonly sqlite: SQLite.Database;
  private driver!: GroupCommitSqliteDriver;
  constructor(database: SQLite.Database, sqlite: SQLite.Database) {
    super({ database });
    this.sqlite = sqlite;
  }
  override createDriver(): Driver {
    this.driver = new GroupCommitSqliteDriver(super.createDriver(), this.sqlite);
    return this.driver;
  }
  /** The connection's queue (for /metrics): turns waiting now, and the waits since start. */
  queueStats(): { waiting: number; waits: number; waitSeconds: number } {
    const d = this.driver;
    return { waiting: d.waiting, waits: d.waits, waitSeconds: d.waitMs / 1000 };
  }
  /** `betweenTransactions` of the driver Kysely made (Kysely makes it in its constructor). */
  betweenTransactions(work: () => void | Promise<void>): Promise<void> {
    return this.driver.betweenTransactions(work);
  }
}
