/**
 * The served OpenAPI document against the fixed part of the contract
 * (API.md): every operation with its id, method and path, the request and
 * response fields API.md names, documented error responses, and a reference
 * page served without a CDN.
 */
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../src/http/error-status.ts';
import { bearer, buildHttpFixture, type HttpFixture } from '../helpers/http.ts';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  maxItems?: number;
}

interface MediaType {
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/**
 * API.md's table of operations, copied. Field paths: `a.b` nested object,
 * `a[].b` array items; a trailing `?` marks a field API.md calls optional.
 */
interface Row {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  request?: string[];
  query?: string[];
  response?: string[];
  /** The success status API.md names, when it names one. */
  status?: number;
  /** Closed value lists API.md names for request (or query) fields. */
  enums?: Record<string, string[]>;
  /** Problem codes API.md names for the operation. */
  errors?: string[];
}

const ROLES = [
  'hub_admin',
  'hub_staff',
  'coop_manager',
  'coop_cashier',
  'gov_viewer',
  'program_admin',
];

const API_MD: Row[] = [
  {
    operationId: 'health',
    method: 'GET',
    path: '/api/health',
    response: ['status', 'database', 'version'],
  },
  {
    operationId: 'login',
    method: 'POST',
    path: '/api/v1/auth/login',
    request: ['email', 'password'],
    response: [
      'token',
      'user.id',
      'user.email',
      'user.name',
      'user.memberships[].orgId',
      'user.memberships[].orgKind',
      'user.memberships[].orgName',
      'user.memberships[].role',
    ],
    errors: ['Unauthenticated'],
  },
  {
    operationId: 'listCooperatives',
    method: 'GET',
    path: '/api/v1/cooperatives',
    response: [
      'items[].id',
      'items[].name',
      'items[].villageCode',
      'items[].villageName',
      'items[].districtName',
      'items[].status',
      'items[].exposure',
      'items[].exposureLimit',
      'items[].balanceDue',
      'items[].overdueAmount',
      'nextCursor?',
    ],
  },
  {
    operationId: 'createCooperative',
    method: 'POST',
    path: '/api/v1/cooperatives',
    request: ['name', 'villageCode'],
    response: ['id'],
    status: 201,
  },
  {
    operationId: 'createParticipation',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/participation',
    request: [
      'agreementNo',
      'startDate',
      'exposureLimit',
      'monthlySubsidy?',
      'settlementPeriod?',
      'paymentTermsDays?',
      'graceDays?',
      'subsidyMode?',
    ],
    enums: { settlementPeriod: ['weekly', 'monthly'], subsidyMode: ['payout', 'net'] },
  },
  {
    operationId: 'createUser',
    method: 'POST',
    path: '/api/v1/users',
    request: ['email', 'name', 'password', 'orgId', 'role'],
    enums: { role: ROLES },
  },
  {
    operationId: 'updateUser',
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    request: ['name?', 'role?', 'active?'],
    response: ['id', 'email', 'name', 'disabled', 'orgId', 'orgName', 'role'],
    enums: { role: ROLES },
  },
  {
    operationId: 'listProducts',
    method: 'GET',
    path: '/api/v1/products',
    response: [
      'items[].id',
      'items[].sku',
      'items[].name',
      'items[].unit',
      'items[].commodity',
      'items[].consignmentPrice',
      'items[].retailPrice',
      'items[].ceilingPrice',
      'nextCursor?',
    ],
  },
  {
    operationId: 'createProduct',
    method: 'POST',
    path: '/api/v1/products',
    request: [
      'sku',
      'name',
      'unit',
      'commodity',
      'netContent.value',
      'netContent.unit',
      'consignmentPrice',
      'retailPrice',
      'effectiveFrom?',
    ],
    enums: { 'netContent.unit': ['g', 'kg', 'ml', 'l'] },
    errors: ['PriceAboveCeiling'],
  },
  {
    operationId: 'createGoodsReceipt',
    method: 'POST',
    path: '/api/v1/goods-receipts',
    request: [
      'id?',
      'warehouseId?',
      'supplierName',
      'lines[].productId',
      'lines[].qty',
      'lines[].unitCost',
      'date?',
    ],
    errors: ['IdempotencyConflict', 'DateInFuture'],
  },
  {
    operationId: 'createDeliveryOrder',
    method: 'POST',
    path: '/api/v1/delivery-orders',
    request: ['id?', 'cooperativeId', 'warehouseId?', 'lines[].productId', 'lines[].qty', 'date?'],
    response: ['id', 'status', 'value'],
    status: 201,
    errors: ['IdempotencyConflict', 'DateInFuture'],
  },
  {
    operationId: 'dispatchDeliveryOrder',
    method: 'POST',
    path: '/api/v1/delivery-orders/{id}/dispatch',
    request: ['override?', 'override.reason', 'date?'],
    response: ['status'],
    errors: ['ExposureLimitExceeded', 'ShippingHold', 'InsufficientStock', 'DateInFuture'],
  },
  {
    operationId: 'receiveDeliveryOrder',
    method: 'POST',
    path: '/api/v1/delivery-orders/{id}/receive',
    request: ['lines[].productId', 'lines[].qtyReceived', 'date?'],
    response: ['status'],
    errors: ['DateInFuture'],
  },
  {
    operationId: 'recordSales',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/sales',
    request: [
      'sales[].id',
      'sales[].occurredAt',
      'sales[].lines[].productId',
      'sales[].lines[].qty',
      'sales[].lines[].unitPrice',
      'sales[].paymentMethod',
      'sales[].memberId?',
    ],
    response: ['results[].id', 'results[].status', 'results[].code?', 'results[].message?'],
    enums: { 'sales[].paymentMethod': ['cash', 'qris', 'transfer', 'payroll'] },
  },
  {
    operationId: 'createReturn',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/returns',
    request: ['id', 'lines[].productId', 'lines[].qty', 'reason', 'date?'],
    errors: ['IdempotencyConflict', 'DateInFuture'],
  },
  {
    operationId: 'createStockCount',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/stock-counts',
    request: ['id', 'countedAt', 'lines[].productId', 'lines[].qtyCounted'],
    response: [
      'lines[].productId',
      'lines[].expected',
      'lines[].counted',
      'lines[].variance',
      'lines[].chargeAmount',
    ],
    errors: ['IdempotencyConflict', 'DateInFuture'],
  },
  {
    operationId: 'getCooperativeStock',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/stock',
    response: ['items[].productId', 'items[].ownerOrgId', 'items[].qty', 'nextCursor?'],
  },
  {
    operationId: 'closeSettlementPeriod',
    method: 'POST',
    path: '/api/v1/settlements/close',
    request: ['periodEnd', 'cooperativeId?'],
    response: ['statements'],
  },
  {
    operationId: 'listStatements',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/statements',
    response: [
      'items[].id',
      'items[].periodStart',
      'items[].periodEnd',
      'items[].openingBalance',
      'items[].salesAmount',
      'items[].shrinkageAmount',
      'items[].paymentsAmount',
      'items[].subsidyNettedAmount',
      'items[].closingBalance',
      'items[].dueDate',
      'items[].outstanding',
      'nextCursor?',
    ],
  },
  {
    operationId: 'recordPayment',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/payments',
    request: ['id', 'amount', 'receivedOn', 'method', 'reference'],
    errors: ['IdempotencyConflict', 'DateInFuture'],
  },
  {
    operationId: 'getCooperativeBalance',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/balance',
    response: [
      'balanceDue',
      'overdueAmount',
      'exposure',
      'exposureLimit',
      'consignedStockValue',
      'inTransitValue',
      'aging.current',
      'aging.d1to30',
      'aging.d31to60',
      'aging.d61to90',
      'aging.d90plus',
    ],
  },
  {
    operationId: 'runMonthlySubsidy',
    method: 'POST',
    path: '/api/v1/subsidies/runs',
    request: ['month'],
    response: ['items[].cooperativeId', 'items[].amount', 'items[].eligible', 'items[].reason?'],
  },
  {
    operationId: 'recordJournalEntry',
    method: 'POST',
    path: '/api/v1/orgs/{orgId}/ledger/entries',
    request: ['id', 'date', 'memo', 'lines[].accountCode', 'lines[].debit', 'lines[].credit'],
    errors: ['UnbalancedEntry'],
  },
  {
    operationId: 'getFinancialStatements',
    method: 'GET',
    path: '/api/v1/orgs/{orgId}/ledger/statements',
    response: [
      'balanceSheet.assets',
      'balanceSheet.liabilities',
      'balanceSheet.equity',
      'balanceSheet.total',
      'incomeStatement.memberRevenue',
      'incomeStatement.nonMemberRevenue',
      'incomeStatement.shu',
      'cashFlow',
      'equityChanges',
    ],
  },
  {
    operationId: 'setShuRules',
    method: 'PUT',
    path: '/api/v1/cooperatives/{id}/shu-rules/{year}',
    request: ['allocation[].key', 'allocation[].percent', 'jasaUsahaPercent', 'jasaModalPercent'],
    errors: ['InvalidShuRules'],
  },
  {
    operationId: 'closeFiscalYear',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/fiscal-years/{year}/close',
    response: [
      'shu',
      'allocation[].key',
      'allocation[].amount',
      'members[].memberId',
      'members[].purchases',
      'members[].savings',
      'members[].jasaUsaha',
      'members[].jasaModal',
      'members[].total',
    ],
  },
  {
    operationId: 'getTrialBalance',
    method: 'GET',
    path: '/api/v1/orgs/{orgId}/ledger/trial-balance',
    query: ['asOf?'],
    response: [
      'accounts[].code',
      'accounts[].name',
      'accounts[].counterpartyOrgId?',
      'accounts[].debit',
      'accounts[].credit',
      'totalDebit',
      'totalCredit',
    ],
  },
  {
    operationId: 'exportJournal',
    method: 'GET',
    path: '/api/v1/orgs/{orgId}/ledger/journal',
    query: ['format?'],
    enums: { format: ['hledger'] },
  },
  // Running a real network (administration).
  {
    operationId: 'createOrganization',
    method: 'POST',
    path: '/api/v1/organizations',
    request: ['kind', 'name', 'regionCode'],
    response: ['id'],
    status: 201,
    enums: { kind: ['government', 'employer'] },
  },
  {
    operationId: 'importCooperatives',
    method: 'POST',
    path: '/api/v1/cooperatives/import',
    response: ['imported', 'updated', 'rejected[].row', 'rejected[].errors'],
  },
  {
    operationId: 'getParticipation',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/participation',
    response: [
      'agreementNo',
      'startDate',
      'endDate?',
      'exposureLimit',
      'monthlySubsidy',
      'settlementPeriod',
      'paymentTermsDays',
      'graceDays',
      'subsidyMode',
      'monthlySalesPotential',
      'history[].effectiveFrom',
      'history[].exposureLimit',
      'history[].monthlySubsidy',
      'history[].settlementPeriod',
      'history[].paymentTermsDays',
      'history[].graceDays',
      'history[].subsidyMode',
      'history[].monthlySalesPotential',
      'history[].reason',
      'history[].changedBy',
    ],
  },
  {
    operationId: 'updateParticipation',
    method: 'PATCH',
    path: '/api/v1/cooperatives/{id}/participation',
    request: [
      'effectiveFrom',
      'reason',
      'exposureLimit?',
      'monthlySubsidy?',
      'paymentTermsDays?',
      'graceDays?',
      'settlementPeriod?',
      'subsidyMode?',
      'monthlySalesPotential?',
    ],
    enums: { settlementPeriod: ['weekly', 'monthly'], subsidyMode: ['payout', 'net'] },
  },
  {
    operationId: 'endParticipation',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/participation/end',
    request: ['endDate', 'reason'],
    errors: ['ParticipationEnded'],
  },
  {
    operationId: 'listCommodityCeilings',
    method: 'GET',
    path: '/api/v1/ceilings',
    response: [
      'items[].id',
      'items[].commodity',
      'items[].provinceCode?',
      'items[].unit',
      'items[].pricePerUnit',
      'items[].effectiveFrom',
      'items[].regulationRef',
    ],
  },
  {
    operationId: 'createCommodityCeiling',
    method: 'POST',
    path: '/api/v1/ceilings',
    request: [
      'commodity',
      'provinceCode?',
      'unit',
      'pricePerUnit',
      'effectiveFrom',
      'regulationRef',
    ],
    status: 201,
    enums: { unit: ['kg', 'l'] },
  },
  {
    operationId: 'listMembers',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/members',
    response: [
      'items[].id',
      'items[].memberNo',
      'items[].nik',
      'items[].name',
      'items[].joinedOn',
      'items[].status',
      'items[].phone?',
    ],
  },
  {
    operationId: 'createMember',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/members',
    request: ['id', 'nik', 'name', 'joinedOn', 'phone?', 'address?'],
    response: ['id', 'memberNo'],
    status: 201,
  },
  {
    operationId: 'importMembers',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/members/import',
    response: ['imported', 'updated', 'rejected[].row', 'rejected[].errors'],
  },
  {
    operationId: 'setSavingsRules',
    method: 'PUT',
    path: '/api/v1/cooperatives/{id}/savings-rules',
    request: ['effectiveFrom', 'pokok', 'wajibMonthly'],
  },
  {
    operationId: 'recordSavings',
    method: 'POST',
    path: '/api/v1/cooperatives/{id}/members/{memberId}/savings',
    request: ['id', 'kind', 'direction', 'amount', 'date?', 'method'],
    enums: {
      kind: ['pokok', 'wajib', 'sukarela'],
      direction: ['deposit', 'withdrawal'],
      method: ['cash', 'qris', 'transfer', 'payroll'],
    },
    errors: ['InsufficientSavings'],
  },
  {
    operationId: 'getMemberSavings',
    method: 'GET',
    path: '/api/v1/cooperatives/{id}/members/{memberId}/savings',
    response: ['pokok', 'wajib', 'sukarela', 'wajibArrears', 'transactions'],
  },
  {
    operationId: 'reverseDocument',
    method: 'POST',
    path: '/api/v1/documents/{docType}/{docId}/reverse',
    request: ['id', 'reason', 'date?'],
    response: ['id', 'docType', 'docId', 'date'],
    status: 201,
    errors: ['AlreadyReversed', 'ReversalBlocked', 'NotFound'],
  },
  {
    operationId: 'importBankStatement',
    method: 'POST',
    path: '/api/v1/bank-statements',
    query: ['format?', 'accountNo?'],
    enums: { format: ['mt940', 'csv-bca', 'csv-mandiri', 'snap-json'] },
    response: ['statementId', 'lines', 'credits', 'matched', 'unmatched', 'duplicates'],
    status: 201,
  },
  {
    operationId: 'listBankLines',
    method: 'GET',
    path: '/api/v1/bank-statements/lines',
    query: ['status?'],
    enums: { status: ['unmatched', 'matched'] },
    response: [
      'items[].id',
      'items[].date',
      'items[].amount',
      'items[].remark',
      'items[].status',
      'items[].cooperativeId?',
    ],
  },
  {
    operationId: 'matchBankLine',
    method: 'POST',
    path: '/api/v1/bank-statements/lines/{lineId}/match',
    request: ['cooperativeId'],
    response: ['id', 'amount', 'receivedOn', 'reference'],
    status: 201,
  },
  {
    operationId: 'getCashFlowForecast',
    method: 'GET',
    path: '/api/v1/treasury/forecast',
    query: ['weeks?'],
    response: [
      'weeks[].weekStart',
      'weeks[].expectedIn',
      'weeks[].expectedOut',
      'weeks[].net',
      'weeks[].closingCash',
      'backtest.weeks',
      'backtest.mape',
    ],
  },
  {
    operationId: 'getRiskOverview',
    method: 'GET',
    path: '/api/v1/treasury/risk',
    response: [
      'dso',
      'cei',
      'rollRates',
      'provision.total',
      'provision.byBucket',
      'cooperatives[].id',
      'cooperatives[].score',
      'cooperatives[].reasons',
    ],
  },
];

/** Business-date fields of commands: a future date is refused with DateInFuture. */
const DATE_FIELDS = ['date', 'receivedOn', 'paidOn', 'countedAt'];
const CDN = /unpkg|jsdelivr|cdnjs|googleapis|cloudflare|bootstrapcdn|https?:\/\/(?!localhost)/i;

let f: HttpFixture;
let app: FastifyInstance;
let doc: OpenApiDoc;

beforeAll(async () => {
  f = await buildHttpFixture('sqlite');
  app = f.app;
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json<OpenApiDoc>();
});
afterAll(async () => {
  await f?.close();
});

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    s = doc.components?.schemas?.[s.$ref.replace(/^#\/components\/schemas\//, '')];
  }
  return s;
}

function branches(s: JsonSchema): JsonSchema[] {
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
}

/** The sub-schema of one step (`[]` = array items) and whether the parent requires it. */
function step(
  schema: JsonSchema | undefined,
  key: string,
): { schema: JsonSchema; required: boolean } | undefined {
  const s = resolve(schema);
  if (!s) return undefined;
  if (key === '[]' && s.items) return { schema: s.items, required: true };
  const prop = s.properties?.[key];
  if (prop) return { schema: prop, required: (s.required ?? []).includes(key) };
  for (const b of branches(s)) {
    const found = step(b, key);
    if (found) return found;
  }
  return undefined;
}

/** Follows `a.b[].c` through the schema. */
function field(schema: JsonSchema | undefined, path: string) {
  const keys = path
    .replace(/\?$/, '')
    .split('.')
    .flatMap((k) => (k.endsWith('[]') ? [k.slice(0, -2), '[]'] : [k]));
  let node: { schema: JsonSchema; required: boolean } | undefined = schema
    ? { schema, required: true }
    : undefined;
  for (const k of keys) node = node ? step(node.schema, k) : undefined;
  return node;
}

function enumValues(schema: JsonSchema | undefined): unknown[] {
  const s = resolve(schema);
  if (!s) return [];
  return [
    ...(s.enum ?? []),
    ...(s.const !== undefined ? [s.const] : []),
    ...branches(s).flatMap(enumValues),
  ];
}

function operation(row: Pick<Row, 'method' | 'path'>): Operation | undefined {
  return doc.paths[row.path]?.[row.method.toLowerCase()];
}

function requestSchema(op: Operation | undefined) {
  return op?.requestBody?.content?.['application/json']?.schema;
}

function allOperations() {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
}

function problemCodes(): Set<string> {
  const problem = Object.values(doc.components?.schemas ?? {}).find((s) => {
    const p = resolve(s)?.properties ?? {};
    return p.code && p.title && p.status && p.detail && p.type;
  });
  return new Set(enumValues(problem?.properties?.code).map(String));
}

function errorResponses(op: Operation) {
  return Object.entries(op.responses ?? {}).filter(([status]) => Number(status) >= 400);
}

/** The problem codes an error response's description names. */
function namedCodes(description: string | undefined, codes: Set<string>) {
  return (
    (description ?? '')
      .match(/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*\b/g)
      ?.filter((w) => codes.has(w)) ?? []
  );
}

describe('the served OpenAPI document', () => {
  it('is OpenAPI 3.1.x with a closed list of PascalCase problem codes', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const codes = problemCodes();
    expect([...codes]).toEqual(expect.arrayContaining(Object.keys(ERROR_STATUS)));
    for (const c of [
      'ValidationFailed',
      'NotFound',
      'ExposureLimitExceeded',
      'ShippingHold',
      'InsufficientStock',
      'PriceAboveCeiling',
      'IdempotencyConflict',
    ])
      expect(codes).toContain(c);
    for (const c of codes) expect(c).toMatch(/^(?:[A-Z][a-z0-9]+)+$/);
  });

  it('has a unique operationId on every operation', () => {
    const ops = allOperations();
    expect(ops.length).toBeGreaterThanOrEqual(API_MD.length);
    for (const { path, method, op } of ops)
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(API_MD)('$operationId: $method $path', (row) => {
    it('is in the document with its operationId and served by the app', () => {
      const op = operation(row);
      expect(op, `${row.method} ${row.path} missing from the document`).toBeDefined();
      expect(op?.operationId).toBe(row.operationId);
      const fastifyUrl = row.path.replace(/\{(\w+)\}/g, ':$1');
      expect(app.hasRoute({ method: row.method as HTTPMethods, url: fastifyUrl })).toBe(true);
    });

    if (row.request) {
      it('has the request body fields API.md names', () => {
        const body = requestSchema(operation(row));
        expect(body, 'no application/json request body').toBeDefined();
        for (const path of row.request ?? []) {
          const found = field(body, path);
          expect(found, `request field ${path}`).toBeDefined();
          if (path.endsWith('?'))
            expect(found?.required, `request field ${path} is optional in API.md`).toBe(false);
        }
      });
    }

    if (row.query) {
      it('has the query parameters API.md names', () => {
        const params = operation(row)?.parameters ?? [];
        for (const name of row.query ?? []) {
          const p = params.find((x) => x.in === 'query' && x.name === name.replace(/\?$/, ''));
          expect(p, `query parameter ${name}`).toBeDefined();
          if (name.endsWith('?')) expect(p?.required ?? false).toBe(false);
        }
      });
    }

    if (row.enums) {
      it('lists the values API.md names', () => {
        const op = operation(row);
        for (const [path, values] of Object.entries(row.enums ?? {})) {
          const schema =
            field(requestSchema(op), path)?.schema ??
            op?.parameters?.find((p) => p.in === 'query' && p.name === path)?.schema;
          expect(schema, `field ${path}`).toBeDefined();
          expect(enumValues(schema), `values of ${path}`).toEqual(expect.arrayContaining(values));
        }
      });
    }

    if (row.response) {
      it('has the response fields API.md names', () => {
        const responses = operation(row)?.responses ?? {};
        const statuses = row.status ? [String(row.status)] : ['200', '201'];
        const present = statuses.filter((s) => responses[s]);
        expect(present, `a ${statuses.join('/')} response`).not.toEqual([]);
        for (const status of present) {
          const schema = responses[status]?.content?.['application/json']?.schema;
          expect(schema, `${status} response schema`).toBeDefined();
          for (const path of row.response ?? [])
            expect(field(schema, path), `${status} response field ${path}`).toBeDefined();
        }
      });
    }

    if (row.errors) {
      it('documents the problem codes API.md names', () => {
        const op = operation(row);
        const codes = problemCodes();
        const documented = errorResponses(op ?? {}).flatMap(([status, r]) =>
          namedCodes(r.description, codes).map((c) => `${status} ${c}`),
        );
        for (const code of row.errors ?? [])
          expect(documented, `${row.operationId} should document ${code}`).toContain(
            `${ERROR_STATUS[code as keyof typeof ERROR_STATUS]} ${code}`,
          );
      });
    }
  });

  it('caps recordSales at 500 sales a call', () => {
    const sales = field(
      requestSchema(operation(API_MD.find((r) => r.operationId === 'recordSales')!)),
      'sales',
    );
    expect(resolve(sales?.schema)?.maxItems).toBe(500);
  });

  it('lists error responses on every operation, each naming its codes and the Problem schema', () => {
    const codes = problemCodes();
    for (const { path, method, op } of allOperations()) {
      const what = `${op.operationId} (${method} ${path})`;
      const errors = errorResponses(op);
      // health takes no input and needs no session: nothing for a client to get wrong.
      if (op.operationId !== 'health')
        expect(errors.length, `${what}: no error responses`).toBeGreaterThan(0);
      for (const [status, r] of errors) {
        const named = namedCodes(r.description, codes);
        expect(
          named.length,
          `${what} ${status}: description names no code: ${r.description}`,
        ).toBeGreaterThan(0);
        for (const c of named)
          expect(ERROR_STATUS[c as keyof typeof ERROR_STATUS], `${what} ${status} names ${c}`).toBe(
            Number(status),
          );
        const media = r.content ?? {};
        const schema = Object.values(media)[0]?.schema;
        const target = resolve(schema);
        expect(target?.properties?.code, `${what} ${status}: not the Problem schema`).toBeDefined();
      }
      const secured = (op.security ?? [undefined]).length > 0 && op.operationId !== 'health';
      if (secured) {
        expect(Object.keys(op.responses ?? {}), `${what}: 401`).toContain('401');
        expect(Object.keys(op.responses ?? {}), `${what}: 403`).toContain('403');
      }
      if (op.requestBody || (op.parameters ?? []).length > 0)
        expect(Object.keys(op.responses ?? {}), `${what}: 400`).toContain('400');
    }
  });

  it('declares error responses as application/problem+json', () => {
    const wrong: string[] = [];
    for (const { path, method, op } of allOperations())
      for (const [status, r] of errorResponses(op))
        if (!r.content?.['application/problem+json'])
          wrong.push(
            `${op.operationId} ${method} ${path} ${status}: ${Object.keys(r.content ?? {}).join(', ')}`,
          );
    expect(wrong, 'error responses not declared as application/problem+json').toEqual([]);
  });

  it('documents 413 PayloadTooLarge and 415 UnsupportedMediaType on every operation with a body', () => {
    const codes = problemCodes();
    const missing: string[] = [];
    for (const { path, method, op } of allOperations()) {
      if (!op.requestBody) continue;
      for (const [status, code] of [
        ['413', 'PayloadTooLarge'],
        ['415', 'UnsupportedMediaType'],
      ] as const)
        if (!namedCodes(op.responses?.[status]?.description, codes).includes(code))
          missing.push(`${op.operationId} (${method} ${path}) ${status} ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents DateInFuture (422) on every command with a business-date field', async () => {
    // The server does refuse a future business date with 422 DateInFuture, e.g. a subsidy payment:
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cooperatives/${f.n.coopA.id}/subsidies/2026-02/paid`,
      headers: bearer(f.tokens.hubAdmin),
      payload: { reference: 'TRF-1', paidOn: '2099-01-01' },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('DateInFuture');
    const codes = problemCodes();
    const missing: string[] = [];
    for (const { path, method, op } of allOperations()) {
      const body = resolve(requestSchema(op));
      const dated = Object.keys(body?.properties ?? {}).filter((k) => DATE_FIELDS.includes(k));
      if (dated.length === 0) continue;
      if (!namedCodes(op.responses?.['422']?.description, codes).includes('DateInFuture'))
        missing.push(`${op.operationId} (${method} ${path}) with ${dated.join(', ')}`);
    }
    expect(missing).toEqual([]);
  });

  it('describes the hledger journal as text/plain', () => {
    const op = operation({ method: 'GET', path: '/api/v1/orgs/{orgId}/ledger/journal' });
    expect(Object.keys(op?.responses?.['200']?.content ?? {})).toContain('text/plain');
  });
});

describe('the reference page', () => {
  it('GET /api/docs/ answers 200 HTML served locally, without a CDN', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toMatch(CDN);
    const assets = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset, 'asset from another origin').not.toMatch(/^(?:https?:)?\/\//);
      const url = new URL(asset, 'http://local/api/docs/');
      const got = await app.inject({ method: 'GET', url: url.pathname });
      expect(got.statusCode, `${url.pathname}`).toBe(200);
      if (/\.(?:js|css|html)$/.test(url.pathname))
        expect(got.body, `${url.pathname} loads from a CDN`).not.toMatch(/unpkg|jsdelivr|cdnjs/i);
    }
  });
});

describe('examples', () => {
  it('every operation with a body or a JSON answer shows an example', () => {
    const missing: string[] = [];
    for (const { path, method, op } of allOperations()) {
      const o = op as unknown as {
        operationId: string;
        requestBody?: {
          content?: Record<string, { schema?: { examples?: unknown[] }; example?: unknown }>;
        };
        responses?: Record<
          string,
          { content?: Record<string, { schema?: { examples?: unknown[] }; example?: unknown }> }
        >;
      };
      const media = [
        ...Object.values(o.requestBody?.content ?? {}),
        ...Object.values(o.responses?.['200']?.content ?? {}),
        ...Object.values(o.responses?.['201']?.content ?? {}),
      ];
      if (media.length === 0) continue;
      if (!media.some((m) => m.example !== undefined || (m.schema?.examples?.length ?? 0) > 0))
        missing.push(`${o.operationId} ${method} ${path}`);
    }
    expect(missing).toEqual([]);
  });
});
