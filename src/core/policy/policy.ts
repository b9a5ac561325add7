import type { Role } from '../access/index.ts';

/**
 * Who may do what: one rule per operation of the API, keyed by its
 * operationId. The HTTP edge checks `gate` on request, before the body is
 * read (an unauthenticated or unauthorized caller learns nothing else), and
 * every handler then asks `authorize` for the organization, program or scope
 * it touches, which grants only the rule's `roles`.
 */
export interface AccessRule {
  /** Roles that pass the gate: `public` needs no sign-in at all. */
  gate: readonly Role[] | 'public';
  /**
   * Roles `authorize` grants (default: the gate's). A role that passes the
   * gate but is not here is refused (403) by `authorize`, after the body was
   * validated: so that a hub admin's malformed request to the program
   * office's or the city office's writes answers 400 like everywhere else.
   */
  roles?: readonly Role[];
  /** A change of state: government viewers read their region's cooperatives but never write them. */
  write?: true;
}

export const HUB_ROLES = ['hub_admin', 'hub_staff'] as const satisfies Role[];
export const COOP_ROLES = ['coop_manager', 'coop_cashier'] as const satisfies Role[];
/** Every role a stored membership has (participants are derived from a program's roster). */
export const STAFF_ROLES = [
  ...HUB_ROLES,
  ...COOP_ROLES,
  'gov_viewer',
  'program_admin',
] as const satisfies Role[];
const SIGNED_IN = [...STAFF_ROLES, 'program_participant'] as const satisfies Role[];
/** Everyone who reads a cooperative's figures: its own staff, its hub, the office of its region. */
const COOP_READERS = [...HUB_ROLES, ...COOP_ROLES, 'gov_viewer'] as const satisfies Role[];
/** Who records a cooperative's payments, returns and counts. */
const DOC_WRITERS = [...HUB_ROLES, 'coop_manager'] as const satisfies Role[];
const BOOK_READERS = [...HUB_ROLES, 'coop_manager', 'gov_viewer'] as const satisfies Role[];
const REGION_READERS = [...HUB_ROLES, 'gov_viewer'] as const satisfies Role[];
/** Training is the city office's own data; hub admins read it for their network. */
const TRAINING_GATE = ['gov_viewer', 'hub_admin'] as const satisfies Role[];
const PROGRAM_ADMIN = ['program_admin'] as const satisfies Role[];
const PARTICIPANT = ['program_participant'] as const satisfies Role[];
/** Writes of the program office: hub admins pass the gate (400 for a bad body), then are refused. */
const PROGRAM_ADMIN_GATE = ['program_admin', 'hub_admin'] as const satisfies Role[];
const PROGRAM_READERS = [
  ...PROGRAM_ADMIN,
  ...PARTICIPANT,
  ...HUB_ROLES,
  ...COOP_ROLES,
] as const satisfies Role[];

const PUBLIC: AccessRule = { gate: 'public' };

export const POLICY = {
  health: PUBLIC,
  ready: PUBLIC,
  // Sign-in and the caller's own session.
  login: PUBLIC,
  activateParticipant: PUBLIC,
  activateUser: PUBLIC,
  loginParticipant: PUBLIC,
  logout: { gate: SIGNED_IN },
  getCurrentUser: { gate: SIGNED_IN },
  setLocale: { gate: SIGNED_IN },
  createApiToken: { gate: STAFF_ROLES },
  listApiTokens: { gate: STAFF_ROLES },
  revokeApiToken: { gate: STAFF_ROLES, write: true },
  // Network: cooperatives, participation, users, audit.
  listCooperatives: { gate: COOP_READERS },
  createCooperative: { gate: ['hub_admin'], write: true },
  importCooperatives: { gate: ['hub_admin'], write: true },
  getCooperative: { gate: COOP_READERS },
  createParticipation: { gate: ['hub_admin'], write: true },
  getParticipation: { gate: COOP_READERS },
  updateParticipation: { gate: ['hub_admin'], write: true },
  endParticipation: { gate: ['hub_admin'], write: true },
  listOrganizations: { gate: HUB_ROLES },
  createOrganization: { gate: ['hub_admin'], write: true },
  // The hub's own set-up: profile, warehouses, dated settings.
  getHubProfile: { gate: HUB_ROLES },
  updateHubProfile: { gate: ['hub_admin'], write: true },
  listWarehouses: { gate: HUB_ROLES },
  createWarehouse: { gate: ['hub_admin'], write: true },
  getWarehouseStock: { gate: HUB_ROLES },
  getHubSettings: { gate: HUB_ROLES },
  updateHubSettings: { gate: ['hub_admin'], write: true },
  getQrisMerchant: { gate: [...HUB_ROLES, ...COOP_ROLES] },
  setQrisMerchant: { gate: ['hub_admin', 'coop_manager'], write: true },
  createUser: { gate: ['hub_admin', 'coop_manager'], write: true },
  listUsers: { gate: ['hub_admin', 'coop_manager'] },
  updateUser: { gate: ['hub_admin', 'coop_manager'], write: true },
  issueUserCode: { gate: ['hub_admin', 'coop_manager'], write: true },
  exportManagerActivationCodes: { gate: ['hub_admin'], write: true },
  listAuditEvents: { gate: ['hub_admin'] },
  // The scheduled jobs (month end) act on every hub; hub admins see them and run one by hand.
  listJobs: { gate: ['hub_admin'] },
  runJob: { gate: ['hub_admin'], write: true },
  // Catalog and the hub's warehouse.
  listProducts: { gate: STAFF_ROLES },
  createProduct: { gate: HUB_ROLES, write: true },
  setProductPrices: { gate: HUB_ROLES, write: true },
  // Regulated ceilings are national data: every staff role reads them, hub admins maintain them.
  listCommodityCeilings: { gate: STAFF_ROLES },
  createCommodityCeiling: { gate: ['hub_admin'], write: true },
  createGoodsReceipt: { gate: HUB_ROLES, write: true },
  // Corrections: a cashier voids their own sale of today, a manager the cooperative's documents,
  // a hub admin anything of the network (the fine rule is checkReversalRight in core/corrections).
  reverseDocument: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'], write: true },
  previewReversal: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  refundSale: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'], write: true },
  correctDeliveryReceipt: { gate: ['hub_admin', 'coop_manager'], write: true },
  listGoodsReceipts: { gate: HUB_ROLES },
  // Consignment: deliveries, sales, returns, counts, stock.
  createDeliveryOrder: { gate: HUB_ROLES, write: true },
  listDeliveryOrders: { gate: COOP_READERS },
  getDeliveryOrder: { gate: COOP_READERS },
  dispatchDeliveryOrder: { gate: HUB_ROLES, write: true },
  receiveDeliveryOrder: { gate: DOC_WRITERS, write: true },
  cancelDeliveryOrder: { gate: HUB_ROLES, write: true },
  suggestDeliveryQuantities: { gate: HUB_ROLES },
  checkDispatch: { gate: HUB_ROLES },
  getDeliveryNotePdf: { gate: [...HUB_ROLES, ...COOP_ROLES] },
  recordSales: { gate: [...HUB_ROLES, ...COOP_ROLES], write: true },
  listSales: { gate: COOP_READERS },
  // A member's purchases are the cooperative's own personal data: its staff, and hub admins for support.
  listMemberPurchases: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  createReturn: { gate: DOC_WRITERS, write: true },
  createStockCount: { gate: DOC_WRITERS, write: true },
  listReturns: { gate: COOP_READERS },
  listStockCounts: { gate: COOP_READERS },
  getCooperativeStock: { gate: COOP_READERS },
  getCooperativeBalance: { gate: COOP_READERS },
  getCooperativeDashboard: { gate: COOP_READERS },
  // Year end: the pengurus (the cooperative's manager) sets the SHU split, closes and distributes
  // (a hub admin passes the gate, so a malformed body answers 400, then is refused);
  // the cooperative's book readers (its hub, the office of its region) read; the simulation is
  // the manager's and the hub's tool (a POST: government viewers write nothing).
  getShuRules: { gate: BOOK_READERS },
  setShuRules: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  previewShu: { gate: [...HUB_ROLES, 'coop_manager'] },
  listFiscalYears: { gate: BOOK_READERS },
  getFiscalYear: { gate: BOOK_READERS },
  closeFiscalYear: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  distributeShu: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  // Settlement.
  closeSettlementPeriod: { gate: ['hub_admin'], write: true },
  listStatements: { gate: COOP_READERS },
  getStatementPdf: { gate: [...HUB_ROLES, ...COOP_ROLES] },
  listPayments: { gate: COOP_READERS },
  recordPayment: { gate: DOC_WRITERS, write: true },
  getNetworkAging: { gate: HUB_ROLES },
  listNetworkStatements: { gate: HUB_ROLES },
  // Hub treasury: the hub's bank statements (its own account; nobody else's business).
  importBankStatement: { gate: HUB_ROLES, write: true },
  listBankStatements: { gate: HUB_ROLES },
  listBankLines: { gate: HUB_ROLES },
  matchBankLine: { gate: HUB_ROLES, write: true },
  dismissBankLine: { gate: HUB_ROLES, write: true },
  getBankDemoFile: { gate: HUB_ROLES },
  getCashFlowForecast: { gate: HUB_ROLES },
  getHubSummary: { gate: HUB_ROLES },
  // Hub treasury: what the hub owes its suppliers, and its credit risk. Recording a supplier
  // payment that happened at the bank is desk work like a goods receipt (hub staff too); terms
  // and the CKPN booking are the admin's.
  listSupplierInvoices: { gate: HUB_ROLES },
  getPayablesAging: { gate: HUB_ROLES },
  listSuppliers: { gate: HUB_ROLES },
  setSupplierTerms: { gate: ['hub_admin'], write: true },
  recordSupplierPayment: { gate: HUB_ROLES, write: true },
  getRiskOverview: { gate: HUB_ROLES },
  postCreditLossProvision: { gate: ['hub_admin'], write: true },
  // Subsidy.
  runMonthlySubsidy: { gate: ['hub_admin'], write: true },
  listSubsidyRuns: { gate: HUB_ROLES },
  getSubsidyRun: { gate: HUB_ROLES },
  markSubsidyPaid: { gate: HUB_ROLES, write: true },
  markSubsidyRunPaid: { gate: HUB_ROLES, write: true },
  listCooperativeSubsidies: { gate: COOP_READERS },
  // Members: the cooperative's own personal data (NIK). Its manager keeps the registry; its
  // cashier reads a member and the compact directory (no NIK) for the till; hub admins read
  // for support (on the writes they pass the gate, so a malformed body is a 400, and are
  // refused by `authorize`). No one else.
  listMembers: { gate: ['hub_admin', 'coop_manager'] },
  getMember: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  getMemberDirectory: { gate: COOP_ROLES },
  getMemberCard: { gate: ['coop_manager'] },
  exportMembers: { gate: ['coop_manager'] },
  createMember: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  updateMember: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  importMembers: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  // Savings: the manager does all; the cashier takes deposits (withdrawals need the manager:
  // checkSavingsRight in core/members) and reads a member's savings; hub admins read.
  getSavingsRules: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  setSavingsRules: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  recordSavings: {
    gate: ['hub_admin', 'coop_manager', 'coop_cashier'],
    roles: COOP_ROLES,
    write: true,
  },
  getMemberSavings: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  getMemberPassbook: { gate: ['hub_admin', 'coop_manager', 'coop_cashier'] },
  runWajibBilling: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  listSavingsArrears: { gate: ['hub_admin', 'coop_manager'] },
  endMembership: { gate: ['hub_admin', 'coop_manager'], roles: ['coop_manager'], write: true },
  // Books.
  getTrialBalance: { gate: BOOK_READERS },
  exportJournal: { gate: BOOK_READERS },
  listJournalEntries: { gate: BOOK_READERS },
  getFinancialStatements: { gate: BOOK_READERS },
  exportFinancialStatements: { gate: BOOK_READERS },
  // Manual entries and fixed assets: the cooperative's manager, a hub admin for the hub's own books
  // (the finer rule is the ledger's checkBookkeeperRight).
  recordJournalEntry: { gate: ['hub_admin', 'coop_manager'], write: true },
  listAccounts: { gate: BOOK_READERS },
  registerFixedAsset: { gate: ['hub_admin', 'coop_manager'], write: true },
  listFixedAssets: { gate: BOOK_READERS },
  // The members' annual meeting pack reads as the books do.
  getRatPack: { gate: BOOK_READERS },
  // The city office's overview and training.
  getRegionOverview: { gate: REGION_READERS },
  getRegionTrends: { gate: REGION_READERS },
  // The official region list (national reference data) for choosers.
  listRegions: { gate: STAFF_ROLES },
  listTrainingEvents: { gate: TRAINING_GATE },
  getTrainingEvent: { gate: TRAINING_GATE },
  getTrainingCoverage: { gate: TRAINING_GATE },
  createTrainingEvent: { gate: TRAINING_GATE, roles: ['gov_viewer'], write: true },
  recordTrainingParticipants: { gate: TRAINING_GATE, roles: ['gov_viewer'], write: true },
  // Sembako Bahagia: the sponsor's program office runs it, the hub supplies it, the pickup
  // cooperatives hand packages over, participants order for themselves.
  listPrograms: { gate: SIGNED_IN },
  createProgram: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  importParticipants: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  exportActivationCodes: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  getActivationCodeSummary: { gate: PROGRAM_ADMIN },
  listProgramPeriods: { gate: SIGNED_IN, roles: PROGRAM_READERS },
  createProgramPeriod: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  getProgramDirectory: { gate: SIGNED_IN, roles: PROGRAM_READERS },
  findOrderByPickupCode: { gate: COOP_ROLES },
  placeOrder: {
    gate: [...PROGRAM_ADMIN_GATE, ...PARTICIPANT],
    roles: [...PROGRAM_ADMIN, ...PARTICIPANT],
    write: true,
  },
  cancelOrder: { gate: [...PROGRAM_ADMIN, ...PARTICIPANT], write: true },
  pickupOrder: { gate: [...COOP_ROLES, 'hub_admin'], roles: COOP_ROLES, write: true },
  listMyOrders: { gate: PARTICIPANT },
  listMyDeductions: { gate: PARTICIPANT },
  getPeriodDemand: { gate: [...PROGRAM_ADMIN, ...HUB_ROLES] },
  proposeDeliveryOrders: { gate: HUB_ROLES, write: true },
  exportPayrollDeductions: { gate: PROGRAM_ADMIN },
  importPayrollResults: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  recordSponsorPayment: { gate: [...PROGRAM_ADMIN, 'hub_admin'], write: true },
  getProgramReconciliation: { gate: [...PROGRAM_ADMIN, ...HUB_ROLES] },
  updateProgram: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  listParticipants: { gate: PROGRAM_ADMIN },
  recordPayrollAuthorization: { gate: PROGRAM_ADMIN_GATE, roles: PROGRAM_ADMIN, write: true },
  getPayrollAuthorizationScan: { gate: PROGRAM_ADMIN },
  reissueParticipantCode: { gate: PROGRAM_ADMIN, write: true },
} as const satisfies Record<string, AccessRule>;

/** An operation of the API: what a caller asks to do. */
export type Action = keyof typeof POLICY;

export function isAction(operationId: string): operationId is Action {
  return Object.hasOwn(POLICY, operationId);
}

/** The roles `authorize` grants for an action. */
export function grantedRoles(action: Action): readonly Role[] {
  const rule: AccessRule = POLICY[action];
  if (rule.roles) return rule.roles;
  return rule.gate === 'public' ? [] : rule.gate;
}

/** Whether one of the caller's roles passes the action's gate. */
export function passesGate(action: Action, roles: readonly string[]): boolean {
  const rule: AccessRule = POLICY[action];
  if (rule.gate === 'public') return true;
  const gate: readonly string[] = rule.gate;
  return roles.some((r) => gate.includes(r));
}
