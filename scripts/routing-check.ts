/**
 * `npm run test:routing`: proves that the tenant-scoped operations reach one tenant each
 * (docs/SCALING.md, "Tenant routing, proven"). On a throwaway PostgreSQL cluster, the HTTP suite runs
 * with every tenant table hash-partitioned by `org_id` (LUMBUNG_PG_TENANT_PARTITIONS=16,
 * src/db/tenant-partitions.ts) and every request's statements explained (LUMBUNG_ROUTING_REPORT,
 * src/db/partition-probe.ts). Fails when the suite fails, or when an operation not named in FAN_OUT
 * ran a statement that reached more than one partition of a tenant table, or when a tenant-scoped
 * operation not named in NOT_EXERCISED was run by no test. Prints the fan-out operations with what
 * they scan, and the tenant-scoped operations no test ran.
 * Arguments: test files to run instead of the default ones (ROUTING_FILES), or `--all`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import type { RoutingReport, RoutingViolation } from '../src/db/partition-probe.ts';
import { tenantCatalog } from '../src/db/tenant-partitions.ts';
import { POLICY, type AccessRule } from '../src/core/policy/policy.ts';
import { buildApp } from '../src/http/app.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

const PARTITIONS = 16;

/**
 * Operations that read or write across the hub's whole network by design (docs/SCALING.md, "Fan-out
 * queries"): allowed to reach every partition, and listed with what they scan.
 */
export const FAN_OUT: Record<string, string> = {
  runJob:
    "the hub's jobs (period close, subsidy run, aging) read every cooperative's participation, statements and grants",
  closeSettlementPeriod: "the period close: every cooperative of the hub's network",
  runMonthlySubsidy: "the subsidy run: every participation of the hub's network",
  getSubsidyRun: "a subsidy run's grants, one per cooperative (subsidy_grant by hub and run)",
  markSubsidyRunPaid: "a subsidy run's grants, one per cooperative",
  listCooperatives: "the hub's (or an office's) list of cooperatives with their sales and balances",
  getNetworkAging: "aging of every cooperative's statements in the hub's network",
  listNetworkStatements: "the statements of every cooperative in the hub's network",
  getRiskOverview: "credit risk of every cooperative in the hub's network",
  getHubSummary:
    "the hub's network overview: the cash forecast over every cooperative's statements, credits and days of sales, the exposures, aging and risk",
  getCashFlowForecast:
    "the hub's cash forecast: every cooperative's statements, credits and days of sales (sale_day by hub_id)",
  postCreditLossProvision: "the provision over every cooperative's overdue balance",
  getWarehouseStock:
    "the hub warehouse's reserved stock: the open delivery orders of every cooperative it supplies",
  listDeliveryOrders:
    "a hub's delivery orders to every cooperative (one cooperative's list is routed)",
  listAuditEvents: "the audit trail of the caller's organizations (a hub's: its cooperatives' too)",
  listPrograms: 'the Sembako programs supplied by a hub (sembako_program by hub_id)',
  getProgramDirectory: "a program's directory of the cooperatives of its hub",
  getRegionOverview: "an office's region: every cooperative of a kabupaten, across hubs",
  getRegionTrends: "an office's region, month by month",
  getTrainingCoverage: "an office's region: which cooperatives' officers were trained",
  listTrainingEvents: "an office's directory of the cooperatives of its region",
  listUsers: "the caller's organizations: a hub admin's directory of its cooperatives",
  createUser:
    "the caller's organizations (the directory a new user's membership is checked against)",
  updateUser: "the caller's organizations (as createUser)",
  proposeDeliveryOrders:
    "a Sembako period's delivery proposals: the stock of every cooperative with orders to pick up",
};

/**
 * Tenant-scoped operations known not to be routed yet (docs/SCALING.md, "Known limits"): listed so
 * that the check fails on any new one; each entry is work left, with its cause.
 */
export const NOT_YET_ROUTED: Record<string, string> = {};

/**
 * Single statements allowed in any operation, by name: lookups by an id that is unique across
 * tenants where the API's path carries no organization (the fixed contract), each followed by
 * statements routed by the organization it finds.
 */
export const FAN_OUT_QUERIES: { name: string; why: string; match: RegExp }[] = [
  {
    name: 'findMemberships',
    why: "a session's roles: a program participant's sponsor is found by user id (cached per token)",
    match: /^select "m"\."org_id", "m"\."role".* from "sembako_participant" as "p"/,
  },
  {
    name: 'findDeliveryOrderById (by id alone)',
    why: '/delivery-orders/{id}: the order is found by its id, then read and locked under its cooperative',
    match: /^select \* from "delivery_order" where "id" = \$1$/,
  },
  {
    name: 'findProgramSponsorsOfHub',
    why: "refund of a payroll sale: the sponsors of the hub's Sembako programs (a handful), whose tenants hold the order if the sale was a pickup",
    match: /^select distinct "org_id" from "sembako_program" where "hub_id" = \$1$/,
  },
  {
    name: 'findDocumentTenant',
    why: "/documents/{docType}/{docId}: the document to reverse is found by its id in its table, then planned, checked and mirrored in its tenant's, its hub's and the hub's sponsors' partitions",
    match:
      /^select "org_id" from "(sale|sembako_order|payment|goods_receipt|stock_return|stock_count|subsidy_grant|manual_journal_entry)" where "id" = \$1$/,
  },
  {
    name: 'resolveReceipt',
    why: "/documents/delivery_receipt/{docId}: a delivery receipt is found by its order (by the order id or the receipt id), then routed by the order's cooperative",
    match:
      /^select "org_id", "id", "status", "receipt_id" from "delivery_order" where \("id" = \$1 or "receipt_id" = \$2\)$/,
  },
  {
    name: 'findLaterMovesOut of a warehouse',
    why: "reversing a hub's goods receipt without the stock for its mirror: the dispatches that took it out since, each in the tenant of the cooperative it went to",
    match:
      /^select distinct "org_id", "doc_type", "doc_id" from "stock_move" where "from_location_id" = \$1 and "product_id" = \$2/,
  },
  {
    name: 'findProgramById',
    why: '/programs/{programId}: a Sembako program is found by its id (a handful per office)',
    match: /^select \* from "sembako_program" where "id" = \$1$/,
  },
];

/**
 * Tenant-scoped operations the routing suite cannot exercise, each with its reason: the check fails
 * when any other tenant-scoped operation was run by no test (with the default files or `--all`).
 */
export const NOT_EXERCISED: Record<string, string> = {};

const TENANT_ROLES = new Set([
  'coop_manager',
  'coop_cashier',
  'gov_viewer',
  'program_admin',
  'program_participant',
]);

/** Operations of the OpenAPI document that act for one tenant: by their path, or by who calls them. */
async function tenantScopedOperations(): Promise<Map<string, string>> {
  const h = openDatabase(':memory:');
  await migrateToLatest(h.db);
  const app = await buildApp({ db: h.db, engine: h.engine, version: 'routing-check' });
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
  await app.close();
  await h.close();
  const scoped = new Map<string, string>();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const id = op.operationId;
      if (!id) continue;
      const rule = (POLICY as Record<string, AccessRule>)[id];
      const byPath = /\{(orgId|programId)\}|^\/api\/(cooperatives|organizations)\/\{id\}/.test(
        path,
      );
      const byRole = Array.isArray(rule?.gate) && rule.gate.some((r) => TENANT_ROLES.has(r));
      if (byPath || byRole) scoped.set(id, `${method.toUpperCase()} ${path}`);
    }
  return scoped;
}

/**
 * The HTTP test files run by default: the whole HTTP suite with every statement explained takes
 * too long for CI on 2 cores, so these, chosen to exercise the tenant-scoped operations (the check
 * prints those never exercised). `-- --all` runs every HTTP test file and the property test.
 */
const ROUTING_FILES = [
  'sign-in',
  'dashboard',
  'delivery-documents',
  'cooperative-documents',
  'settlement',
  'reversals',
  'offline-sync',
  'members',
  'member-purchases',
  'end-membership',
  'savings',
  'wajib-billing',
  'sembako',
  'sembako-participants',
  'payables',
  'financial-statements',
  'fiscal-year',
  'rat-pack',
  'fixed-assets',
  'manual-entries',
  'warehouse-stock',
  'jobs',
  'participation',
  'risk',
  'qris-merchant',
  'office',
  'users',
  'routing-coverage',
];

function defaultFiles(all: boolean): string[] {
  if (!all) return ROUTING_FILES.map((f) => `test/http/${f}.db.test.ts`);
  const http = readdirSync('test/http')
    .filter((f) => f.endsWith('.db.test.ts'))
    .map((f) => `test/http/${f}`);
  return [...http, 'test/properties.db.test.ts'];
}

const started = Date.now();
let cluster: PgCluster | undefined;
let url = process.env.LUMBUNG_TEST_PG_URL;
if (!url) {
  cluster = await startPgCluster();
  url = cluster.url;
}
const reports = mkdtempSync(join(tmpdir(), 'lumbung-routing-'));
const args = process.argv.slice(2).filter((a) => a !== '--all');
const files = args.length ? args : defaultFiles(process.argv.includes('--all'));
console.log(
  `routing check: ${files.length} test files, tenant tables in ${PARTITIONS} hash partitions`,
);
const run = spawnSync('npx', ['vitest', 'run', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    LUMBUNG_TEST_PG_URL: url,
    LUMBUNG_TEST_ENGINES: 'postgres',
    LUMBUNG_PG_TENANT_PARTITIONS: String(PARTITIONS),
    LUMBUNG_ROUTING_REPORT: reports,
  },
});

// The tenant tables, from the catalog of a freshly migrated database.
{
  const fresh = `routing_catalog_${process.pid}`;
  const admin = openDatabase(url);
  await sql.raw(`create database ${fresh}`).execute(admin.db);
  const h = openDatabase(url.replace(/\/[^/]*$/, `/${fresh}`));
  await migrateToLatest(h.db);
  const catalog = await tenantCatalog(h.db);
  await h.close();
  await sql.raw(`drop database ${fresh}`).execute(admin.db);
  await admin.close();
  console.log(
    `\ntenant tables (${catalog.tenant.length}, org_id first in the key): ${catalog.tenant.join(', ')}`,
  );
  console.log(`other tables: ${catalog.other.map((t) => `${t.table} (${t.key})`).join(', ')}`);
}

const operations = new Set<string>();
const violations = new Map<string, Map<string, RoutingViolation>>();
const allowedQueries = new Map<string, Set<string>>();
for (const file of readdirSync(reports)) {
  const r = JSON.parse(readFileSync(join(reports, file), 'utf8')) as RoutingReport;
  for (const op of r.operations) operations.add(op);
  for (const [op, list] of Object.entries(r.violations))
    for (const v of list) {
      const named = FAN_OUT_QUERIES.find((q) => q.match.test(v.sql));
      if (named) {
        allowedQueries.set(named.name, (allowedQueries.get(named.name) ?? new Set()).add(op));
        continue;
      }
      let byText = violations.get(op);
      if (!byText) violations.set(op, (byText = new Map()));
      byText.set(v.sql, v);
    }
}
rmSync(reports, { recursive: true, force: true });

const describe = (v: RoutingViolation) =>
  `${Object.entries(v.tables)
    .map(([t, n]) => `${t} ×${n}`)
    .join(', ')}: ${v.sql.length > 220 ? `${v.sql.slice(0, 220)}…` : v.sql}`;
const failing = [...violations].filter(([op]) => !(op in FAN_OUT) && !(op in NOT_YET_ROUTED));
console.log(`\nfan-out operations (allowed by name, ${Object.keys(FAN_OUT).length}):`);
for (const [op, why] of Object.entries(FAN_OUT)) {
  const seen = violations.get(op);
  console.log(`  ${op} — ${why}${seen ? '' : ' (reached one partition in this run)'}`);
  for (const v of seen?.values() ?? []) console.log(`      ${describe(v)}`);
}
console.log(`\nnot yet routed (known, ${Object.keys(NOT_YET_ROUTED).length}):`);
for (const [op, why] of Object.entries(NOT_YET_ROUTED)) {
  const seen = violations.get(op);
  console.log(`  ${op} — ${why}${seen ? '' : ' (routed in this run: remove it from the list)'}`);
  for (const v of seen?.values() ?? []) console.log(`      ${describe(v)}`);
}
console.log(`\nfan-out lookups (allowed by name in any operation):`);
for (const q of FAN_OUT_QUERIES)
  console.log(
    `  ${q.name} — ${q.why}; in: ${[...(allowedQueries.get(q.name) ?? [])].join(', ') || '—'}`,
  );
const scoped = await tenantScopedOperations();
const missing = [...scoped].filter(([op]) => !operations.has(op));
console.log(
  `\ntenant-scoped operations: ${scoped.size}, exercised ${scoped.size - missing.length}; never exercised (${missing.length}):`,
);
for (const [op, route] of missing)
  console.log(`  ${op} (${route})${op in NOT_EXERCISED ? ` — ${NOT_EXERCISED[op]}` : ''}`);
// Test files named as arguments exercise a part of the API by choice: coverage is then only printed.
const unexercised = args.length ? [] : missing.filter(([op]) => !(op in NOT_EXERCISED));
if (unexercised.length) {
  console.log(
    `\nFAIL: tenant-scoped operations no test ran (add a test, or name them in NOT_EXERCISED):`,
  );
  for (const [op, route] of unexercised) console.log(`  ${op} (${route})`);
}
if (failing.length) {
  console.log(
    `\nFAIL: operations whose statements reached more than one partition of a tenant table:`,
  );
  for (const [op, byText] of failing) {
    console.log(`  ${op}`);
    for (const v of byText.values()) console.log(`      ${describe(v)}`);
  }
}
cluster?.stop();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const ok = run.status === 0 && failing.length === 0 && unexercised.length === 0;
console.log(
  `\nrouting check ${ok ? 'passed' : 'FAILED'} in ${minutes} min: suite ${run.status === 0 ? 'passed' : 'failed'}, ${operations.size} operations seen, ${failing.length} not routed to one tenant, ${unexercised.length} tenant-scoped not exercised`,
);
process.exit(ok ? 0 : 1);
