import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type OperationNode,
  type QueryResult,
} from 'kysely';

/**
 * Tests only (`npm run test:routing`, docs/SCALING.md): with `LUMBUNG_ROUTING_REPORT=<dir>`, a
 * wrapper of the PostgreSQL dialect that runs `EXPLAIN (FORMAT JSON)` of every statement a request
 * runs, on the same session (so inside its transaction) with the same parameters, and counts the
 * hash partitions of each tenant table (`LUMBUNG_PG_TENANT_PARTITIONS`, src/db/tenant-partitions.ts)
 * the plan scans; for `INSERT … VALUES` it counts the rows' distinct `org_id`s. Statements that reach
 * more than one partition are written, by operationId, to a JSON file in `<dir>`.
 */

/** The operation a request runs: set by the HTTP edge's routing-probe plugin. */
export const routingContext = new AsyncLocalStorage<{ operationId: string }>();

export const routingReportDir = (): string | undefined =>
  process.env.LUMBUNG_ROUTING_REPORT || undefined;

export interface RoutingViolation {
  sql: string;
  /** Tenant table → partitions (hash remainders, or distinct org_ids of an insert) reached. */
  tables: Record<string, number>;
}

export interface RoutingReport {
  operations: string[];
  violations: Record<string, RoutingViolation[]>;
}

const seen = new Set<string>();
const violations = new Map<string, Map<string, RoutingViolation>>();
let reportFile: string | undefined;

function writeReport(): void {
  const dir = routingReportDir();
  if (!dir) return;
  if (!reportFile) {
    mkdirSync(dir, { recursive: true });
    const id = `${process.pid}-${threadId}-${randomBytes(3).toString('hex')}`;
    reportFile = join(dir, `routing-${id}.json`);
  }
  const report: RoutingReport = {
    operations: [...seen].sort(),
    violations: routingViolations(),
  };
  writeFileSync(reportFile, JSON.stringify(report, null, 1));
}

/** The statements that reached more than one partition so far in this process, by operationId. */
export function routingViolations(): Record<string, RoutingViolation[]> {
  return Object.fromEntries([...violations].map(([op, byText]) => [op, [...byText.values()]]));
}

/** Notes that a request of `operationId` ran (whether or not it reached the database). */
export function noteOperation(operationId: string): void {
  if (seen.has(operationId)) return;
  seen.add(operationId);
  writeReport();
}

function noteViolation(operationId: string, v: RoutingViolation): void {
  let byText = violations.get(operationId);
  if (!byText) violations.set(operationId, (byText = new Map()));
  if (byText.has(v.sql)) return;
  byText.set(v.sql, v);
  writeReport();
}

/** Hash leaf → its tenant table and remainder, read from pg_inherits (cached per database). */
type PartitionMap = Map<string, { table: string; remainder: string }>;

async function loadPartitions(conn: DatabaseConnection): Promise<PartitionMap> {
  const r = await conn.executeQuery<{ name: string; parent: string; bound: string }>(
    CompiledQuery.raw(`
      select c.relname::text as name, p.relname::text as parent,
             pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
       where c.relkind in ('r', 'p')`),
  );
  const parentOf = new Map(r.rows.map((row) => [row.name, row]));
  const map: PartitionMap = new Map();
  for (const row of r.rows) {
    let remainder: string | undefined;
    let top = row.name;
    for (let at = parentOf.get(row.name); at; at = parentOf.get(at.parent)) {
      remainder ??= /remainder (\d+)/.exec(at.bound)?.[1];
      top = at.parent;
    }
    if (remainder !== undefined) map.set(row.name, { table: top, remainder });
  }
  return map;
}

interface PlanNode {
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function relationsOf(plan: PlanNode, into: Set<string>): Set<string> {
  if (plan['Relation Name']) into.add(plan['Relation Name']);
  for (const p of plan.Plans ?? []) relationsOf(p, into);
  return into;
}

/** The distinct `org_id`s of an `INSERT … VALUES`, by target table; undefined when unknown. */
export function insertedOrgIds(
  query: CompiledQuery,
): { table: string; orgIds: Set<unknown> } | undefined {
  const node = query.query as OperationNode & {
    into?: { table?: { identifier?: { name?: string } } };
    columns?: { column: { name: string } }[];
    values?: OperationNode & { values?: (OperationNode & { values?: unknown[] })[] };
  };
  if (node.kind === 'InsertQueryNode') {
    const table = node.into?.table?.identifier?.name;
    const col = node.columns?.findIndex((c) => ['org_id', 'orgId'].includes(c.column.name));
    if (!table || col === undefined || col < 0 || node.values?.kind !== 'ValuesNode') return;
    const orgIds = new Set<unknown>();
    for (const row of node.values.values ?? []) {
      const v = row.values?.[col] as (OperationNode & { value?: unknown }) | unknown;
      if (row.kind === 'PrimitiveValueListNode') orgIds.add(v);
      else if ((v as OperationNode | undefined)?.kind === 'ValueNode')
        orgIds.add((v as { value?: unknown }).value);
      else return;
    }
    return { table, orgIds };
  }
  // The batch path's text (src/db/batch.ts): insert into "t" ("a", "b") values ($1, $2), ($3, $4)
  const m = /^insert into "?(\w+)"? \(([^)]*)\) values ((?:\(\$\d+(?:, \$\d+)*\)(?:, )?)+)$/i.exec(
    query.sql,
  );
  if (!m) return;
  const columns = m[2]!.split(',').map((c) => c.trim().replace(/"/g, ''));
  const col = columns.indexOf('org_id');
  if (col < 0 || query.parameters.length % columns.length !== 0) return;
  const orgIds = new Set<unknown>();
  for (let i = col; i < query.parameters.length; i += columns.length)
    orgIds.add(query.parameters[i]);
  return { table: m[1]!, orgIds };
}

const JUDGED = /^\s*(select|with|update|delete|insert)\b/i;

/** The PostgreSQL dialect `inner`, every request's statement explained first (see above). */
export function probeDialect(inner: Dialect): Dialect {
  let partitions: PartitionMap | undefined;
  const unknown = new Set<string>();
  const partitionsOf = async (conn: DatabaseConnection, names: Set<string>) => {
    if (!partitions || [...names].some((n) => !partitions!.has(n) && !unknown.has(n))) {
      partitions = await loadPartitions(conn);
      for (const n of names) if (!partitions.has(n)) unknown.add(n);
    }
    return partitions;
  };

  async function probe(conn: DatabaseConnection, query: CompiledQuery, operationId: string) {
    const tables: Record<string, number> = {};
    const inserted = /^\s*insert\b/i.test(query.sql) ? insertedOrgIds(query) : undefined;
    if (inserted && inserted.orgIds.size > 1) tables[inserted.table] = inserted.orgIds.size;
    if (!/^\s*insert\b/i.test(query.sql) || /\bselect\b/i.test(query.sql)) {
      const explained = await conn.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
      );
      const plan = explained.rows[0]?.['QUERY PLAN'][0]?.Plan;
      if (!plan) return;
      const names = relationsOf(plan, new Set());
      const map = await partitionsOf(conn, names);
      const reached = new Map<string, Set<string>>();
      for (const name of names) {
        const leaf = map.get(name);
        if (!leaf) continue;
        let parts = reached.get(leaf.table);
        if (!parts) reached.set(leaf.table, (parts = new Set()));
        parts.add(leaf.remainder);
      }
      for (const [table, parts] of reached)
        if (parts.size > 1) tables[table] = Math.max(tables[table] ?? 0, parts.size);
    }
    if (Object.keys(tables).length)
      noteViolation(operationId, { sql: query.sql.replace(/\s+/g, ' ').trim(), tables });
  }

  const wrap = (conn: DatabaseConnection): DatabaseConnection =>
    new Proxy(conn, {
      get(target, prop, receiver) {
        if (prop === 'executeQuery')
          return async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
            const store = routingContext.getStore();
            if (store && JUDGED.test(query.sql)) {
              // The audit trail is written in groups of several requests (AuditWriter).
              const op = /^\s*insert into "?audit_event"?/i.test(query.sql)
                ? '(audit writer)'
                : store.operationId;
              // A statement that cannot be planned fails below, as it would have anyway.
              await probe(target, query, op).catch((e: Error) => {
                if (process.env.LUMBUNG_ROUTING_DEBUG) console.error(e.message, query.sql);
              });
            }
            return target.executeQuery<R>(query);
          };
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver(): Driver {
      const driver = inner.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async () => wrap(await acquire());
      return driver;
    },
  };
}
