import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, hashPassword, issueToken } from '../../src/core/access/index.ts';
import { createOrganization } from '../../src/core/network/index.ts';
import { POLICY, type Action } from '../../src/core/policy/index.ts';
import { ENGINES } from '../helpers/engines.ts';
import {
  PASSWORD,
  bearer,
  buildHttpFixture,
  type HttpFixture,
  type UserKey,
} from '../helpers/http.ts';

/**
 * Who may call each operation at all. Generated checks below walk the served
 * OpenAPI document: an operation missing here fails the suite.
 */
const ALL: UserKey[] = [
  'hubAdmin',
  'hubStaff',
  'managerA',
  'cashierA',
  'managerB',
  'govViewer',
  'otherGov',
  'programAdmin',
];
const READERS: UserKey[] = ALL.filter((u) => u !== 'programAdmin');
const HUB: UserKey[] = ['hubAdmin', 'hubStaff'];
const RULES: Record<string, UserKey[] | 'public'> = {
  health: 'public',
  ready: 'public',
  login: 'public',
  logout: ALL,
  getCurrentUser: ALL,
  createApiToken: ALL,
  listApiTokens: ALL,
  revokeApiToken: ALL,
  setLocale: ALL,
  listCooperatives: READERS,
  createCooperative: ['hubAdmin'],
  importCooperatives: ['hubAdmin'],
  getCooperative: READERS,
  createParticipation: ['hubAdmin'],
  getParticipation: READERS,
  updateParticipation: ['hubAdmin'],
  endParticipation: ['hubAdmin'],
  listOrganizations: HUB,
  createOrganization: ['hubAdmin'],
  getHubProfile: HUB,
  updateHubProfile: ['hubAdmin'],
  listWarehouses: HUB,
  createWarehouse: ['hubAdmin'],
  getWarehouseStock: HUB,
  getHubSettings: HUB,
  updateHubSettings: ['hubAdmin'],
  getCooperativeStock: READERS,
  getCooperativeBalance: READERS,
  getCooperativeDashboard: READERS,
  getShuRules: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  setShuRules: ['hubAdmin', 'managerA', 'managerB'],
  previewShu: [...HUB, 'managerA', 'managerB'],
  listFiscalYears: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  getFiscalYear: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  closeFiscalYear: ['hubAdmin', 'managerA', 'managerB'],
  distributeShu: ['hubAdmin', 'managerA', 'managerB'],
  getRatPack: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  listStatements: READERS,
  listPayments: READERS,
  listCooperativeSubsidies: READERS,
  listMembers: ['hubAdmin', 'managerA', 'managerB'],
  getMember: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  getMemberDirectory: ['managerA', 'cashierA', 'managerB'],
  getMemberCard: ['managerA', 'managerB'],
  exportMembers: ['managerA', 'managerB'],
  // Hub admins pass the gate of the member writes (a malformed body is a 400) and are refused
  // by the cooperative check (403): see test/http/members.db.test.ts.
  createMember: ['hubAdmin', 'managerA', 'managerB'],
  updateMember: ['hubAdmin', 'managerA', 'managerB'],
  importMembers: ['hubAdmin', 'managerA', 'managerB'],
  // Savings: the same; cashiers read a member's savings and take deposits (withdrawals are the
  // manager's, hub admins are refused on writes): see test/http/savings.db.test.ts.
  getSavingsRules: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  setSavingsRules: ['hubAdmin', 'managerA', 'managerB'],
  recordSavings: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  getMemberSavings: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  getMemberPassbook: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  runWajibBilling: ['hubAdmin', 'managerA', 'managerB'],
  listSavingsArrears: ['hubAdmin', 'managerA', 'managerB'],
  endMembership: ['hubAdmin', 'managerA', 'managerB'],
  recordPayment: [...HUB, 'managerA', 'managerB'],
  recordSales: [...HUB, 'managerA', 'managerB', 'cashierA'],
  createReturn: [...HUB, 'managerA', 'managerB'],
  createStockCount: [...HUB, 'managerA', 'managerB'],
  listProducts: ALL,
  createProduct: HUB,
  setProductPrices: HUB,
  listCommodityCeilings: ALL,
  createCommodityCeiling: ['hubAdmin'],
  // The fine rule (a cashier's own sale of today, a manager's cooperative, a hub admin's network)
  // is the core's: see test/http/reversals.db.test.ts.
  reverseDocument: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  previewReversal: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  refundSale: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  correctDeliveryReceipt: ['hubAdmin', 'managerA', 'managerB'],
  createGoodsReceipt: HUB,
  createDeliveryOrder: HUB,
  getDeliveryOrder: [...HUB, 'managerA', 'cashierA', 'managerB', 'govViewer', 'otherGov'],
  dispatchDeliveryOrder: HUB,
  receiveDeliveryOrder: [...HUB, 'managerA', 'managerB'],
  cancelDeliveryOrder: HUB,
  closeSettlementPeriod: ['hubAdmin'],
  importBankStatement: HUB,
  listBankStatements: HUB,
  listBankLines: HUB,
  matchBankLine: HUB,
  dismissBankLine: HUB,
  getBankDemoFile: HUB,
  getCashFlowForecast: HUB,
  getHubSummary: HUB,
  listSupplierInvoices: HUB,
  getPayablesAging: HUB,
  listSuppliers: HUB,
  setSupplierTerms: ['hubAdmin'],
  recordSupplierPayment: HUB,
  getRiskOverview: HUB,
  postCreditLossProvision: ['hubAdmin'],
  runMonthlySubsidy: ['hubAdmin'],
  markSubsidyPaid: HUB,
  markSubsidyRunPaid: HUB,
  getTrialBalance: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  exportJournal: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  getFinancialStatements: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  exportFinancialStatements: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  createUser: ['hubAdmin', 'managerA', 'managerB'],
  listAuditEvents: ['hubAdmin'],
  listJobs: ['hubAdmin'],
  runJob: ['hubAdmin'],
  listSales: READERS,
  listMemberPurchases: ['hubAdmin', 'managerA', 'cashierA', 'managerB'],
  listReturns: READERS,
  listStockCounts: READERS,
  listDeliveryOrders: [...HUB, 'managerA', 'cashierA', 'managerB', 'govViewer', 'otherGov'],
  listGoodsReceipts: HUB,
  listSubsidyRuns: HUB,
  getSubsidyRun: HUB,
  listUsers: ['hubAdmin', 'managerA', 'managerB'],
  updateUser: ['hubAdmin', 'managerA', 'managerB'],
  issueUserCode: ['hubAdmin', 'managerA', 'managerB'],
  exportManagerActivationCodes: ['hubAdmin'],
  getRegionOverview: [...HUB, 'govViewer', 'otherGov'],
  getRegionTrends: [...HUB, 'govViewer', 'otherGov'],
  listRegions: ALL,
  // Training is the office's own data. Hub admins read it for their network; on the writes they
  // pass the role gate (so malformed bodies still answer 400) and the office check refuses them.
  listTrainingEvents: ['hubAdmin', 'govViewer', 'otherGov'],
  getTrainingEvent: ['hubAdmin', 'govViewer', 'otherGov'],
  getTrainingCoverage: ['hubAdmin', 'govViewer', 'otherGov'],
  createTrainingEvent: ['hubAdmin', 'govViewer', 'otherGov'],
  recordTrainingParticipants: ['hubAdmin', 'govViewer', 'otherGov'],
  getNetworkAging: HUB,
  listNetworkStatements: HUB,
  getStatementPdf: [...HUB, 'managerA', 'cashierA', 'managerB'],
  listJournalEntries: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  // Manual entries and fixed assets: hub admins pass the gate and are refused by the bookkeeper
  // check on a cooperative's books (403): see test/http/manual-entries.db.test.ts.
  recordJournalEntry: ['hubAdmin', 'managerA', 'managerB'],
  listAccounts: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  registerFixedAsset: ['hubAdmin', 'managerA', 'managerB'],
  listFixedAssets: [...HUB, 'managerA', 'managerB', 'govViewer', 'otherGov'],
  suggestDeliveryQuantities: HUB,
  checkDispatch: HUB,
  getDeliveryNotePdf: [...HUB, 'managerA', 'cashierA', 'managerB'],
  // Sembako Bahagia: the sponsor's program admin runs it, the hub supplies it, the pickup
  // cooperative's staff hand packages over; participants (not in this fixture: see
  // test/http/sembako.db.test.ts) order for themselves and read their own orders and deductions.
  activateParticipant: 'public',
  activateUser: 'public',
  loginParticipant: 'public',
  listPrograms: ALL,
  // Hub admins pass the role gate of the writes with a body (a malformed body is a 400 like
  // everywhere) and are refused by the program check (403): see sembako.db.test.ts.
  createProgram: ['programAdmin', 'hubAdmin'],
  importParticipants: ['programAdmin', 'hubAdmin'],
  exportActivationCodes: ['programAdmin', 'hubAdmin'],
  getActivationCodeSummary: ['programAdmin'],
  listProgramPeriods: ALL,
  createProgramPeriod: ['programAdmin', 'hubAdmin'],
  placeOrder: ['programAdmin', 'hubAdmin'],
  cancelOrder: ['programAdmin'],
  pickupOrder: ['managerA', 'cashierA', 'managerB', 'hubAdmin'],
  findOrderByPickupCode: ['managerA', 'cashierA', 'managerB'],
  getProgramDirectory: ALL,
  listMyOrders: [],
  listMyDeductions: [],
  getPeriodDemand: [...HUB, 'programAdmin'],
  proposeDeliveryOrders: HUB,
  exportPayrollDeductions: ['programAdmin'],
  importPayrollResults: ['programAdmin', 'hubAdmin'],
  recordSponsorPayment: ['hubAdmin', 'programAdmin'],
  getProgramReconciliation: [...HUB, 'programAdmin'],
  updateProgram: ['programAdmin', 'hubAdmin'],
  listParticipants: ['programAdmin'],
  recordPayrollAuthorization: ['programAdmin', 'hubAdmin'],
  getPayrollAuthorizationScan: ['programAdmin'],
  reissueParticipantCode: ['programAdmin'],
  getQrisMerchant: [...HUB, 'managerA', 'cashierA', 'managerB'],
  setQrisMerchant: ['hubAdmin', 'managerA', 'managerB'],
};

/** The only writes a government viewer makes: training is the cooperative office's own data. */
const GOV_WRITES = ['createTrainingEvent', 'recordTrainingParticipants'];

interface Op {
  operationId: string;
  method: string;
  path: string;
}

for (const engine of ENGINES) {
  describe(`roles and tenancy over HTTP on ${engine}`, () => {
    let f: HttpFixture;
    let ops: Op[];
    const url = (op: Op) =>
      op.path
        .replace('{id}', f.n.coopA.id)
        .replace('{orgId}', f.n.coopA.id)
        .replace('{month}', '2026-02');

    beforeAll(async () => {
      f = await buildHttpFixture(engine);
      const doc = (await f.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, { operationId?: string }>>;
      };
      ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([, o]) => o.operationId)
          .map(([method, o]) => ({
            operationId: o.operationId!,
            method: method.toUpperCase(),
            path,
          })),
      );
    });
    afterAll(() => f.close());

    it('every operation has an access rule (a new route without one fails here)', () => {
      expect(ops.length).toBeGreaterThan(30);
      expect(ops.filter((o) => !(o.operationId in RULES)).map((o) => o.operationId)).toEqual([]);
    });

    it("the core's access policy has exactly one rule per served operation, and public ones are the public rules", () => {
      const served = ops.map((o) => o.operationId).sort();
      expect(Object.keys(POLICY).sort()).toEqual(served);
      for (const op of served)
        expect({ op, public: POLICY[op as Action].gate === 'public' }).toEqual({
          op,
          public: RULES[op] === 'public',
        });
    });

    it('every non-public operation answers 401 problem+json without credentials, and with a revoked or made-up token', async () => {
      for (const op of ops.filter((o) => RULES[o.operationId] !== 'public')) {
        for (const headers of [
          {},
          bearer('not-a-real-token'),
          { cookie: 'lumbung_session=forged' },
        ]) {
          const res = await f.app.inject({
            method: op.method as 'GET',
            url: url(op),
            headers,
            payload: op.method === 'GET' ? undefined : {},
          });
          expect({ op: op.operationId, status: res.statusCode }).toEqual({
            op: op.operationId,
            status: 401,
          });
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json().code).toBe('Unauthenticated');
        }
      }
    });

    it('every role is allowed or refused (403 Forbidden) exactly as designed', async () => {
      // logout would revoke the tokens the other calls need; it is covered on its own below.
      for (const op of ops.filter(
        (o) => RULES[o.operationId] !== 'public' && o.operationId !== 'logout',
      )) {
        const allowed = RULES[op.operationId] as UserKey[];
        for (const user of ALL) {
          const res = await f.app.inject({
            method: op.method as 'GET',
            url: url(op),
            headers: bearer(f.tokens[user]),
            payload: op.method === 'GET' ? undefined : {},
          });
          if (allowed.includes(user)) {
            // Allowed through the role gate: anything but 401, and 403 only from the organization check.
            expect({ op: op.operationId, user, status: res.statusCode }).not.toEqual({
              op: op.operationId,
              user,
              status: 401,
            });
          } else {
            expect({
              op: op.operationId,
              user,
              status: res.statusCode,
              code: res.json().code,
            }).toEqual({ op: op.operationId, user, status: 403, code: 'Forbidden' });
          }
        }
      }
    });

    it("government viewers write nothing but training (the office's own data)", () => {
      const writes = ops.filter(
        (o) =>
          o.method !== 'GET' &&
          !['login', 'logout', 'createApiToken', 'revokeApiToken', 'setLocale'].includes(
            o.operationId,
          ),
      );
      for (const op of writes)
        expect({
          op: op.operationId,
          gov: (RULES[op.operationId] as UserKey[]).includes('govViewer'),
        }).toEqual({ op: op.operationId, gov: GOV_WRITES.includes(op.operationId) });
    });

    it("a cooperative's users cannot read or change another cooperative's anything", async () => {
      const b = f.n.coopB.id;
      const reads = [
        `/api/v1/cooperatives/${b}`,
        `/api/v1/cooperatives/${b}/stock`,
        `/api/v1/cooperatives/${b}/balance`,
        `/api/v1/cooperatives/${b}/statements`,
        `/api/v1/cooperatives/${b}/payments`,
        `/api/v1/cooperatives/${b}/subsidies`,
        `/api/v1/orgs/${b}/ledger/trial-balance`,
        `/api/v1/orgs/${b}/ledger/journal?format=hledger`,
        `/api/v1/orgs/${f.n.hub.id}/ledger/trial-balance`,
      ];
      for (const path of reads) {
        for (const user of ['managerA', 'cashierA'] as const) {
          const res = await f.app.inject({
            method: 'GET',
            url: path,
            headers: bearer(f.tokens[user]),
          });
          expect({ path, user, status: res.statusCode }).toEqual({ path, user, status: 403 });
        }
      }
      const uuid = '01936f6e-7c1a-7000-8000-00000000000a';
      const writes: [string, object][] = [
        [
          `/api/v1/cooperatives/${b}/sales`,
          {
            sales: [
              {
                id: uuid,
                occurredAt: '2026-03-10T02:00:00Z',
                paymentMethod: 'cash',
                lines: [{ productId: f.n.gula1.id, qty: 1, unitPrice: 17_500 }],
              },
            ],
          },
        ],
        [
          `/api/v1/cooperatives/${b}/payments`,
          { id: uuid, amount: 1000, method: 'cash', reference: 'x' },
        ],
        [
          `/api/v1/cooperatives/${b}/returns`,
          { id: uuid, reason: 'x', lines: [{ productId: f.n.gula1.id, qty: 1 }] },
        ],
        [
          `/api/v1/cooperatives/${b}/stock-counts`,
          {
            id: uuid,
            countedAt: '2026-03-10T02:00:00Z',
            lines: [{ productId: f.n.gula1.id, qtyCounted: 0 }],
          },
        ],
        [
          '/api/v1/users',
          {
            email: 'x@uji.test',
            name: 'X',
            password: 'rahasia-sekali',
            orgId: b,
            role: 'coop_cashier',
          },
        ],
      ];
      const before = await f.t.db
        .selectFrom('journalLine')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      for (const [path, payload] of writes) {
        const res = await f.app.inject({
          method: 'POST',
          url: path,
          headers: bearer(f.tokens.managerA),
          payload,
        });
        expect({ path, status: res.statusCode }).toEqual({ path, status: 403 });
      }
      const after = await f.t.db
        .selectFrom('journalLine')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));

      // A delivery order to B: A's manager can neither see nor receive it.
      const d = await f.app.inject({
        method: 'POST',
        url: '/api/v1/delivery-orders',
        headers: bearer(f.tokens.hubAdmin),
        payload: { cooperativeId: b, lines: [{ productId: f.n.gula1.id, qty: 5 }] },
      });
      expect(d.statusCode).toBe(201);
      const doId = d.json().id as string;
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: `/api/v1/delivery-orders/${doId}/dispatch`,
            headers: bearer(f.tokens.hubAdmin),
            payload: {},
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/delivery-orders/${doId}`,
            headers: bearer(f.tokens.managerA),
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: `/api/v1/delivery-orders/${doId}/receive`,
            headers: bearer(f.tokens.managerA),
            payload: { lines: [{ productId: f.n.gula1.id, qtyReceived: 5 }] },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: `/api/v1/delivery-orders/${doId}/receive`,
            headers: bearer(f.tokens.managerB),
            payload: { lines: [{ productId: f.n.gula1.id, qtyReceived: 5 }] },
          })
        ).statusCode,
      ).toBe(200);

      const list = (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/cooperatives',
          headers: bearer(f.tokens.managerA),
        })
      ).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toEqual([f.n.coopA.id]);
    });

    it('a government viewer reads every cooperative of its region and none elsewhere', async () => {
      const mine = (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/cooperatives',
          headers: bearer(f.tokens.govViewer),
        })
      ).json() as { items: { id: string }[] };
      expect(mine.items.map((i) => i.id).sort()).toEqual([f.n.coopA.id, f.n.coopB.id].sort());
      expect(
        (
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/cooperatives/${f.n.coopB.id}/balance`,
            headers: bearer(f.tokens.govViewer),
          })
        ).statusCode,
      ).toBe(200);
      // The office also reads the catalogue of the hub serving its region (not of hubs elsewhere).
      const products = (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/products',
          headers: bearer(f.tokens.govViewer),
        })
      ).json() as { items: { sku: string }[] };
      expect(products.items.map((p) => p.sku).sort()).toEqual(['GKP-1', 'GKP-50', 'MK-1']);
      const elsewhere = (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/products',
          headers: bearer(f.tokens.otherGov),
        })
      ).json() as { items: unknown[] };
      expect(elsewhere.items).toEqual([]);
      const other = (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/cooperatives',
          headers: bearer(f.tokens.otherGov),
        })
      ).json() as { items: unknown[] };
      expect(other.items).toEqual([]);
      expect(
        (
          await f.app.inject({
            method: 'GET',
            url: `/api/v1/cooperatives/${f.n.coopA.id}/balance`,
            headers: bearer(f.tokens.otherGov),
          })
        ).statusCode,
      ).toBe(403);
    });

    it("another hub's users reach none of this hub's cooperatives", async () => {
      const hub2 = await createOrganization(
        f.t.db,
        { kind: 'hub', name: 'Hub Lain', regionCode: '15.71' },
        f.n.clock,
      );
      const u = await createUser(
        f.t.db,
        {
          email: 'admin@hublain.test',
          name: 'Admin Lain',
          passwordHash: await hashPassword(PASSWORD),
          memberships: [{ orgId: hub2.id, role: 'hub_admin' }],
        },
        f.n.clock,
      );
      const token = (await issueToken(f.t.db, u.id, 'api', f.n.clock)).token;
      expect(
        (
          (
            await f.app.inject({
              method: 'GET',
              url: '/api/v1/cooperatives',
              headers: bearer(token),
            })
          ).json() as { items: unknown[] }
        ).items,
      ).toEqual([]);
      for (const path of [
        `/api/v1/cooperatives/${f.n.coopA.id}/balance`,
        `/api/v1/orgs/${f.n.hub.id}/ledger/trial-balance`,
      ]) {
        expect(
          (await f.app.inject({ method: 'GET', url: path, headers: bearer(token) })).statusCode,
        ).toBe(403);
      }
      const d = await f.app.inject({
        method: 'POST',
        url: '/api/v1/delivery-orders',
        headers: bearer(token),
        payload: { cooperativeId: f.n.coopA.id, lines: [{ productId: f.n.gula1.id, qty: 1 }] },
      });
      expect(d.statusCode).toBe(403);
    });

    it('login sets an httpOnly SameSite=Lax session cookie; cookie writes need the CSRF token; logout revokes', async () => {
      const login = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: f.emails.managerA, password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const body = login.json() as {
        token: string;
        csrfToken: string;
        user: { memberships: { orgId: string; role: string }[] };
      };
      expect(body.user.memberships).toEqual([
        expect.objectContaining({
          orgId: f.n.coopA.id,
          role: 'coop_manager',
          orgKind: 'cooperative',
        }),
      ]);
      const setCookie = ([] as string[]).concat(login.headers['set-cookie'] as string | string[]);
      const session = setCookie.find((c) => c.startsWith('lumbung_session='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      const cookie = `lumbung_session=${body.token}; lumbung_csrf=${body.csrfToken}`;
      expect(
        (await f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }))
          .statusCode,
      ).toBe(200);
      const payload = { label: 'hp kasir' };
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: '/api/v1/auth/tokens',
            headers: { cookie },
            payload,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: '/api/v1/auth/tokens',
            headers: { cookie, 'x-csrf-token': body.csrfToken },
            payload,
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await f.app.inject({
            method: 'POST',
            url: '/api/v1/auth/logout',
            headers: bearer(body.token),
          })
        ).statusCode,
      ).toBe(204);
      expect(
        (await f.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(body.token) }))
          .statusCode,
      ).toBe(401);
    });

    it('wrong passwords lock the e-mail for a while (429 with Retry-After), in the asked language', async () => {
      for (let i = 0; i < 5; i++) {
        const r = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'accept-language': 'en-US,en;q=0.9' },
          payload: { email: f.emails.cashierA, password: 'salah' },
        });
        expect(r.statusCode).toBe(401);
        expect(r.json().title).toBe('Not signed in');
      }
      const locked = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: f.emails.cashierA, password: PASSWORD },
      });
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        code: 'TooManyRequests',
        title: 'Terlalu banyak permintaan',
      });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('a body the schema refuses is explained field by field, in the asked language', async () => {
      const refuse = async (lang: string, payload: object) => {
        const r = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'accept-language': lang },
          payload,
        });
        expect(r.statusCode).toBe(400);
        return r.json() as {
          code: string;
          detail: string;
          errors: { path: string; message: string }[];
        };
      };
      const id = await refuse('id-ID', { email: f.emails.cashierA });
      expect(id.code).toBe('ValidationFailed');
      expect(id.errors).toEqual([{ path: '/password', message: 'wajib diisi' }]);
      expect(id.detail).toBe('Data tidak valid: periksa isian yang ditandai (1)');
      const en = await refuse('en', { email: f.emails.cashierA, password: 7 });
      expect(en.errors).toEqual([{ path: '/password', message: 'must be text' }]);
      const extra = await refuse('id', { email: f.emails.cashierA, password: 'x', role: 'hub' });
      expect(extra.errors).toEqual([{ path: '/role', message: 'bukan kolom yang dikenal' }]);
      // Limits say the limit: a quantity of 0, and an empty batch.
      const sell = async (lang: string, sales: unknown[]) => {
        const r = await f.app.inject({
          method: 'POST',
          url: `/api/v1/cooperatives/${f.n.coopA.id}/sales`,
          headers: { ...bearer(f.tokens.cashierA), 'accept-language': lang },
          payload: { sales },
        });
        expect(r.statusCode).toBe(400);
        return (r.json() as { errors: { path: string; message: string }[] }).errors;
      };
      const zero = {
        id: '01936f6e-7c1a-7000-8000-000000000999',
        occurredAt: '2026-03-10T02:15:00.000Z',
        paymentMethod: 'cash',
        lines: [{ productId: '01936f6e-7c1a-7000-8000-0000000000b1', qty: 0, unitPrice: 100 }],
      };
      expect(await sell('id', [zero])).toEqual([
        { path: '/sales/0/lines/0/qty', message: 'paling kecil 1' },
      ]);
      expect(await sell('en', [zero])).toEqual([
        { path: '/sales/0/lines/0/qty', message: 'must be at least 1' },
      ]);
      expect(await sell('id', [])).toEqual([{ path: '/sales', message: 'paling sedikit 1 butir' }]);
    });

    it('every state change is in the audit trail, readable by hub admins', async () => {
      const res = await f.app.inject({
        method: 'GET',
        url: '/api/v1/audit-events?limit=200',
        headers: bearer(f.tokens.hubAdmin),
      });
      expect(res.statusCode).toBe(200);
      const events = res.json().items as {
        action: string;
        actorUserId: string;
        requestId: string;
        address: string;
      }[];
      expect(
        events.some((e) => e.action === 'createDeliveryOrder' && e.requestId && e.address),
      ).toBe(true);
      expect(events.some((e) => e.action === 'dispatchDeliveryOrder')).toBe(true);
      expect(events.some((e) => e.action === 'receiveDeliveryOrder')).toBe(true);
    });
  });
}
