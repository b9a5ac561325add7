import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Role } from '../../core/access/index.ts';
import { findParticipation } from '../../core/network/index.ts';
import {
  cancelOrder,
  createProgram,
  createProgramPeriod,
  findParticipantOfUser,
  findOrderForPickup,
  findProgramOrder,
  findPrograms,
  getPeriodDemand,
  getProgramDirectory,
  getProgramReconciliation,
  importParticipants,
  importPayrollResults,
  issueActivationCodes,
  listParticipantDeductions,
  listParticipantOrders,
  listPayrollDeductions,
  listProgramPeriods,
  loadProgram,
  payrollCsv,
  payrollXlsx,
  pickupOrder,
  placeOrder,
  proposeDeliveryOrders,
  recordSponsorPayment,
  toCsv,
  type SembakoProgramTable,
} from '../../core/sembako/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { ALL_ROLES, COOP_ROLES, HUB_ROLES, authOf, authorizeCooperative } from '../access.ts';
import {
  BusinessDate,
  Id,
  Instant,
  List,
  Month,
  Rupiah,
  Text,
  Uuid,
  problems,
} from '../schemas.ts';
import { commandContext, inTransaction } from './tx.ts';

const PARTICIPANT: Role[] = ['program_participant'];
const ADMIN: Role[] = ['program_admin'];
/**
 * The role gate of the program admin's writes also lets hub admins through, so
 * that a malformed body answers 400 like everywhere; the program check then
 * refuses them (403) — as for the office's training writes.
 */
const ADMIN_GATE: Role[] = ['program_admin', 'hub_admin'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function forbidden(): never {
  throw new DomainError('Forbidden', {
    message: 'Anda tidak berhak mengakses program ini',
    messageEn: 'You may not access this program',
  });
}

const has = (request: FastifyRequest, orgId: string, roles: Role[]) =>
  authOf(request).memberships.some((m) => m.orgId === orgId && roles.includes(m.role as Role));

/** The program, if the caller is its admin (sponsor's program_admin) or, with `hub`, its hub's user with those roles. */
async function authorizeProgram(
  app: FastifyInstance,
  request: FastifyRequest,
  programId: string,
  opts: { admin?: boolean; hubRoles?: Role[] } = { admin: true },
): Promise<SembakoProgramTable> {
  const program = await loadProgram(app.deps.db, programId);
  request.auditOrgId = program.orgId;
  if (opts.admin !== false && has(request, program.orgId, ADMIN)) return program;
  if (opts.hubRoles && has(request, program.hubId, opts.hubRoles)) return program;
  forbidden();
}

/** The caller's own roster row in the program (a signed-in participant), if any. */
async function ownParticipant(
  app: FastifyInstance,
  request: FastifyRequest,
  program: SembakoProgramTable,
) {
  if (!has(request, program.orgId, PARTICIPANT)) return undefined;
  return findParticipantOfUser(app.deps.db, program.id, authOf(request).id);
}

const ProgramParams = Type.Object({ programId: Uuid });
const PeriodParams = Type.Object({ programId: Uuid, month: Month });
const OrderParams = Type.Object({ programId: Uuid, orderId: Uuid });

const Program = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sponsorOrgId: Type.String(),
  hubId: Type.String(),
  ordersPerPeriod: Type.Integer(),
});
const toProgram = (p: SembakoProgramTable) => ({
  id: p.id,
  name: p.name,
  sponsorOrgId: p.orgId,
  hubId: p.hubId,
  ordersPerPeriod: p.ordersPerPeriod,
});
const Package = Type.Object({
  id: Type.String(),
  name: Type.String(),
  price: Rupiah,
  sponsorSubsidy: Rupiah,
  participantPays: Rupiah,
  items: Type.Array(Type.Object({ productId: Type.String(), qty: Type.Integer() })),
});
const Period = Type.Object({
  month: Type.String(),
  orderOpensAt: Type.String(),
  orderClosesAt: Type.String(),
  packages: Type.Array(Package),
});
const csvBody = (columns: string, example: string) => ({
  description: `CSV (${columns}), comma or semicolon, UTF-8 with or without BOM: as a text/csv body, or as JSON {csv}`,
  content: {
    'application/json': {
      schema: Type.Object(
        { csv: Type.String({ minLength: 1, maxLength: 100_000 }) },
        { additionalProperties: false },
      ),
    },
    'text/csv': {
      schema: Type.String({ minLength: 1, maxLength: 8_000_000, examples: [example] }),
    },
  },
});
const csvOf = (body: unknown) => (typeof body === 'string' ? body : (body as { csv: string }).csv);
const RowErrors = Type.Array(Type.String());
const ShareOut = Type.Object({
  cooperativeId: Type.String(),
  amount: Rupiah,
  paymentId: Type.String(),
});
const Account = Type.Object({
  ordered: Rupiah,
  pickedUp: Rupiah,
  subsidy: Rupiah,
  deducted: Rupiah,
  paidBySponsor: Rupiah,
  payable: Rupiah,
  open: Rupiah,
});

export function registerSembakoRoutes(app: FastifyInstance) {
  const { deps } = app;

  /** The program, if the caller runs it, takes part in it, or works for its hub or one of the hub's cooperatives. */
  async function authorizeProgramReader(request: FastifyRequest, programId: string) {
    const program = await loadProgram(deps.db, programId);
    const auth = authOf(request);
    let ok =
      has(request, program.orgId, [...ADMIN, ...PARTICIPANT]) ||
      has(request, program.hubId, HUB_ROLES);
    for (const m of auth.memberships.filter((x) => x.orgKind === 'cooperative' && !ok))
      ok = !!(await findParticipation(deps.db, m.orgId, { hubId: program.hubId }));
    if (!ok) forbidden();
    return program;
  }

  app.get(
    '/api/v1/programs',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'listPrograms',
        tags: ['sembako'],
        summary:
          'Sembako programs the caller takes part in: as sponsor, supplying hub, its cooperatives, or a participant',
        response: { 200: List(Program), ...problems() },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const sponsors = auth.memberships
        .filter((m) => m.role === 'program_admin' || m.role === 'program_participant')
        .map((m) => m.orgId);
      const hubs = auth.memberships.filter((m) => m.orgKind === 'hub').map((m) => m.orgId);
      for (const m of auth.memberships.filter((x) => x.orgKind === 'cooperative')) {
        const p = await findParticipation(deps.db, m.orgId);
        if (p) hubs.push(p.hubId);
      }
      let programs = await findPrograms(deps.db, sponsors, hubs);
      // A participant sees only the programs whose roster holds them.
      if (auth.memberships.every((m) => m.role === 'program_participant')) {
        const mine = [];
        for (const p of programs)
          if (await findParticipantOfUser(deps.db, p.id, auth.id)) mine.push(p);
        programs = mine;
      }
      return { items: programs.map(toProgram) };
    },
  );

  app.post(
    '/api/v1/programs',
    {
      config: { roles: ADMIN_GATE },
      schema: {
        operationId: 'createProgram',
        tags: ['sembako'],
        summary: "A program of the sponsor (the caller's organization), supplied by a hub",
        body: Type.Object(
          {
            name: Text(200),
            sponsorOrgId: Id,
            hubId: Id,
            ordersPerPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Program, ...problems(409) },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        name: string;
        sponsorOrgId: string;
        hubId: string;
        ordersPerPeriod?: number;
      };
      if (!has(request, body.sponsorOrgId, ADMIN)) forbidden();
      request.auditOrgId = body.sponsorOrgId;
      const p = await inTransaction(app, (db) =>
        createProgram(db, commandContext(app, request), body),
      );
      request.auditTarget = { type: 'sembako_program', id: p.id };
      return reply.code(201).send(toProgram(p));
    },
  );

  app.post(
    '/api/v1/programs/:programId/participants/import',
    {
      config: { roles: ADMIN_GATE },
      schema: {
        operationId: 'importParticipants',
        tags: ['sembako'],
        summary:
          'Import the ASN roster; each row judged on its own (valid rows in or updated, invalid ones reported with every reason)',
        params: ProgramParams,
        body: csvBody(
          'nip,nama,opd,telepon,kode_kelurahan',
          'nip,nama,opd,telepon,kode_kelurahan\n198503152010011002,Budi Santoso,Dinas Pendidikan,081234567890,15.71.01.1001\n',
        ),
        response: {
          200: Type.Object({
            imported: Type.Integer(),
            updated: Type.Integer(),
            rejected: Type.Array(
              Type.Object({ row: Type.Integer(), nip: Type.String(), errors: RowErrors }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      await authorizeProgram(app, request, programId);
      request.auditTarget = { type: 'sembako_roster', id: programId };
      return inTransaction(app, (db) =>
        importParticipants(db, commandContext(app, request), programId, csvOf(request.body)),
      );
    },
  );

  app.get(
    '/api/v1/programs/:programId/participants/activation-codes',
    {
      config: { roles: ADMIN },
      schema: {
        operationId: 'exportActivationCodes',
        tags: ['sembako'],
        summary:
          'Fresh one-time activation codes (CSV nip,nama,opd,kode_aktivasi) for the not-yet-activated participants of an OPD; earlier codes stop working',
        params: ProgramParams,
        querystring: Type.Object(
          { opd: Type.Optional(Text(200)) },
          { additionalProperties: false },
        ),
        response: {
          200: { description: 'CSV', content: { 'text/csv': { schema: Type.String() } } },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId } = request.params as { programId: string };
      const { opd } = request.query as { opd?: string };
      await authorizeProgram(app, request, programId);
      const codes = await inTransaction(app, (db) =>
        issueActivationCodes(db, commandContext(app, request), programId, opd),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="kode-aktivasi.csv"')
        .send(
          toCsv(
            ['nip', 'nama', 'opd', 'kode_aktivasi'],
            codes.map((c) => [c.nip, c.name, c.opd, c.code]),
          ),
        );
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'listProgramPeriods',
        tags: ['sembako'],
        summary: 'Periods with their ordering windows and packages, newest first',
        params: ProgramParams,
        response: { 200: List(Period), ...problems(404) },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      const program = await authorizeProgramReader(request, programId);
      return { items: await listProgramPeriods(deps.db, program) };
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods',
    {
      config: { roles: ADMIN_GATE },
      schema: {
        operationId: 'createProgramPeriod',
        tags: ['sembako'],
        summary:
          'A monthly period: ordering window and packages (each item at or under its regulated ceiling)',
        params: ProgramParams,
        body: Type.Object(
          {
            month: Month,
            orderOpensAt: Instant,
            orderClosesAt: Instant,
            packages: Type.Array(
              Type.Object(
                {
                  name: Text(100),
                  items: Type.Array(
                    Type.Object(
                      { productId: Id, qty: Type.Integer({ minimum: 1, maximum: 1000 }) },
                      { additionalProperties: false },
                    ),
                    { minItems: 1, maxItems: 20 },
                  ),
                  price: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
                  sponsorSubsidy: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Period, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { programId } = request.params as { programId: string };
      await authorizeProgram(app, request, programId);
      const period = await inTransaction(app, (db) =>
        createProgramPeriod(db, commandContext(app, request), programId, request.body as never),
      );
      request.auditTarget = { type: 'sembako_period', id: `${programId}/${period.month}` };
      return reply.code(201).send(period);
    },
  );

  app.get(
    '/api/v1/programs/:programId/directory',
    {
      config: { roles: [...ALL_ROLES, 'program_participant'] },
      schema: {
        operationId: 'getProgramDirectory',
        tags: ['sembako'],
        summary:
          "Names for the program's screens: the supplying hub's products and the cooperatives taking part in the hub",
        params: ProgramParams,
        response: {
          200: Type.Object({
            products: Type.Array(
              Type.Object({
                id: Type.String(),
                sku: Type.String(),
                name: Type.String(),
                unit: Type.String(),
              }),
            ),
            cooperatives: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      await authorizeProgramReader(request, programId);
      return getProgramDirectory(deps.db, programId);
    },
  );

  app.get(
    '/api/v1/programs/:programId/pickups',
    {
      config: { roles: COOP_ROLES },
      schema: {
        operationId: 'findOrderByPickupCode',
        tags: ['sembako'],
        summary:
          "The order behind a pickup code (typed, or a scanned QR payload), for the pickup cooperative's staff before the hand-over: participant, package contents, status",
        params: ProgramParams,
        querystring: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 200, examples: ['K7PQ2M9XWA'] }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            month: Type.String(),
            nip: Type.String(),
            participantName: Type.String(),
            packageName: Type.String(),
            qty: Type.Integer(),
            amount: Rupiah,
            amountToDeduct: Rupiah,
            status: Type.String(),
            pickupCooperativeId: Type.String(),
            pickupCooperativeName: Type.String(),
            pickedUpAt: Type.Union([Type.String(), Type.Null()]),
            items: Type.Array(
              Type.Object({
                productId: Type.String(),
                productName: Type.String(),
                unit: Type.String(),
                qty: Type.Integer(),
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      const { code } = request.query as { code: string };
      const order = await findOrderForPickup(deps.db, programId, code);
      // Only the pickup cooperative's own staff learn whose order it is.
      await authorizeCooperative(deps.db, request, order.pickupCooperativeId, 'write', COOP_ROLES);
      return order;
    },
  );

  const PlacedOrder = Type.Object({
    id: Type.String(),
    pickupCode: Type.String(),
    pickupCooperativeId: Type.String(),
    amountToDeduct: Rupiah,
  });
  app.post(
    '/api/v1/programs/:programId/orders',
    {
      config: { roles: [...ADMIN_GATE, ...PARTICIPANT] },
      schema: {
        operationId: 'placeOrder',
        tags: ['sembako'],
        summary:
          'Order a package (a participant for themself, or the program admin): inside the ordering window, up to the orders per period; idempotent by id',
        params: ProgramParams,
        body: Type.Object(
          {
            id: Uuid,
            nip: Type.String({ pattern: '^\\d{18}$', examples: ['198503152010011002'] }),
            month: Month,
            packageId: Id,
            qty: Type.Integer({ minimum: 1, maximum: 100 }),
            pickupCooperativeId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: PlacedOrder, 201: PlacedOrder, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { programId } = request.params as { programId: string };
      const body = request.body as {
        id: string;
        nip: string;
        month: string;
        packageId: string;
        qty: number;
        pickupCooperativeId?: string;
      };
      const program = await loadProgram(deps.db, programId);
      request.auditOrgId = program.orgId;
      const admin = has(request, program.orgId, ADMIN);
      if (!admin && !has(request, program.orgId, PARTICIPANT)) forbidden();
      // A participant orders for themself: placeOrder checks the NIP is theirs.
      const r = await inTransaction(app, (db) =>
        placeOrder(db, commandContext(app, request), programId, body, {
          program,
          participantUserId: admin ? undefined : authOf(request).id,
        }),
      );
      request.auditTarget = { type: 'sembako_order', id: r.id };
      const { created, ...out } = r;
      return reply.code(created ? 201 : 200).send(out);
    },
  );

  /** The order's program, if the caller is its admin or the participant who placed it. */
  async function authorizeOwnOrder(request: FastifyRequest, programId: string, orderId: string) {
    const { program, order } = await findProgramOrder(deps.db, programId, orderId);
    request.auditOrgId = program.orgId;
    if (has(request, program.orgId, ADMIN)) return;
    const me = await ownParticipant(app, request, program);
    if (!me || me.nip !== order.nip) forbidden();
  }

  app.post(
    '/api/v1/programs/:programId/orders/:orderId/cancel',
    {
      config: { roles: [...ADMIN, ...PARTICIPANT] },
      schema: {
        operationId: 'cancelOrder',
        tags: ['sembako'],
        summary: 'Cancel an order until it is picked up',
        params: OrderParams,
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String() }),
          ...problems(404, 409),
        },
      },
    },
    async (request) => {
      const { programId, orderId } = request.params as { programId: string; orderId: string };
      await authorizeOwnOrder(request, programId, orderId);
      request.auditTarget = { type: 'sembako_order', id: orderId };
      const o = await inTransaction(app, (db) =>
        cancelOrder(db, commandContext(app, request), programId, orderId),
      );
      return { id: o.id, status: o.status };
    },
  );

  app.post(
    '/api/v1/programs/:programId/orders/:orderId/pickup',
    {
      config: { roles: [...COOP_ROLES, 'hub_admin'] },
      schema: {
        operationId: 'pickupOrder',
        tags: ['sembako'],
        summary:
          "The pickup cooperative's staff hand the package over against its one-time code; recorded as a payroll sale there",
        params: OrderParams,
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 40, examples: ['K7PQ2M9XWA'] }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            status: Type.String(),
            saleId: Type.String(),
            cooperativeId: Type.String(),
            pickupDate: BusinessDate,
            amount: Rupiah,
            amountToDeduct: Rupiah,
            lines: Type.Array(
              Type.Object({ productId: Type.String(), qty: Type.Integer(), unitPrice: Rupiah }),
            ),
          }),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request) => {
      const { programId, orderId } = request.params as { programId: string; orderId: string };
      const { code } = request.body as { code: string };
      request.auditTarget = { type: 'sembako_order', id: orderId };
      return inTransaction(app, async (db) => {
        const { order } = await findProgramOrder(db, programId, orderId);
        await authorizeCooperative(db, request, order.pickupCooperativeId, 'write', COOP_ROLES);
        return pickupOrder(db, commandContext(app, request), programId, orderId, code);
      });
    },
  );

  app.get(
    '/api/v1/programs/:programId/my/orders',
    {
      config: { roles: PARTICIPANT },
      schema: {
        operationId: 'listMyOrders',
        tags: ['sembako'],
        summary:
          "The signed-in participant's orders, with the pickup code and QR payload while it can be used",
        params: ProgramParams,
        response: {
          200: List(
            Type.Object({
              id: Type.String(),
              month: Type.String(),
              packageId: Type.String(),
              packageName: Type.String(),
              qty: Type.Integer(),
              amount: Rupiah,
              amountToDeduct: Rupiah,
              status: Type.String(),
              pickupCooperativeId: Type.String(),
              pickupCooperativeName: Type.String(),
              createdAt: Type.String(),
              pickedUpAt: Type.Union([Type.String(), Type.Null()]),
              pickupCode: Type.Optional(Type.String()),
              pickupQr: Type.Optional(Type.String()),
            }),
          ),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      const program = await loadProgram(deps.db, programId);
      const me = await ownParticipant(app, request, program);
      if (!me) forbidden();
      return { items: await listParticipantOrders(deps.db, program, me.nip) };
    },
  );

  app.get(
    '/api/v1/programs/:programId/my/deductions',
    {
      config: { roles: PARTICIPANT },
      schema: {
        operationId: 'listMyDeductions',
        tags: ['sembako'],
        summary: "The signed-in participant's payroll deductions per period: due, deducted, open",
        params: ProgramParams,
        response: {
          200: List(
            Type.Object({
              month: Type.String(),
              amountDue: Rupiah,
              amountDeducted: Rupiah,
              status: Type.Union([Type.String(), Type.Null()]),
              open: Rupiah,
            }),
          ),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId } = request.params as { programId: string };
      const program = await loadProgram(deps.db, programId);
      const me = await ownParticipant(app, request, program);
      if (!me) forbidden();
      return { items: await listParticipantDeductions(deps.db, program, me.nip) };
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods/:month/demand',
    {
      config: { roles: [...ADMIN, ...HUB_ROLES] },
      schema: {
        operationId: 'getPeriodDemand',
        tags: ['sembako'],
        summary: 'Units per cooperative and product: ordered, picked up, pending',
        params: PeriodParams,
        response: {
          200: List(
            Type.Object({
              cooperativeId: Type.String(),
              productId: Type.String(),
              ordered: Type.Integer(),
              pickedUp: Type.Integer(),
              pending: Type.Integer(),
            }),
          ),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId, month } = request.params as { programId: string; month: string };
      await authorizeProgram(app, request, programId, { admin: true, hubRoles: HUB_ROLES });
      return { items: (await getPeriodDemand(deps.db, programId, month)).items };
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods/:month/delivery-orders',
    {
      config: { roles: HUB_ROLES },
      schema: {
        operationId: 'proposeDeliveryOrders',
        tags: ['sembako'],
        summary:
          "Draft delivery orders from the program's hub covering each cooperative's pending demand minus the stock there, in transit or on drafts",
        params: PeriodParams,
        response: {
          201: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                cooperativeId: Type.String(),
                status: Type.String(),
                value: Rupiah,
                lines: Type.Array(Type.Object({ productId: Type.String(), qty: Type.Integer() })),
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params as { programId: string; month: string };
      const program = await authorizeProgram(app, request, programId, {
        admin: false,
        hubRoles: HUB_ROLES,
      });
      request.auditOrgId = program.hubId;
      request.auditTarget = { type: 'sembako_period', id: `${programId}/${month}` };
      const items = await inTransaction(app, (db) =>
        proposeDeliveryOrders(db, commandContext(app, request), programId, month),
      );
      return reply.code(201).send({ items });
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods/:month/payroll-deductions',
    {
      config: { roles: ADMIN },
      schema: {
        operationId: 'exportPayrollDeductions',
        tags: ['sembako'],
        summary:
          'The payroll-deduction file per OPD (nip, nama, opd, jumlah, periode) for the packages picked up in the period',
        params: PeriodParams,
        querystring: Type.Object(
          {
            opd: Type.Optional(Text(200)),
            format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'CSV or XLSX',
            content: {
              'text/csv': { schema: Type.String() },
              [XLSX]: { schema: Type.String({ format: 'binary' }) },
            },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params as { programId: string; month: string };
      const { opd, format } = request.query as { opd?: string; format?: 'csv' | 'xlsx' };
      await authorizeProgram(app, request, programId);
      const rows = await listPayrollDeductions(deps.db, programId, month, opd);
      const name = `potongan-gaji-${month}${opd ? `-${opd.replace(/[^A-Za-z0-9]+/g, '-')}` : ''}`;
      if (format === 'xlsx')
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(payrollXlsx(rows)));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(payrollCsv(rows));
    },
  );

  app.post(
    '/api/v1/programs/:programId/periods/:month/payroll-results',
    {
      config: { roles: ADMIN_GATE },
      schema: {
        operationId: 'importPayrollResults',
        tags: ['sembako'],
        summary:
          "The payroll office's result (CSV nip,jumlah,status berhasil|gagal): per-row results; failed deductions stay open",
        params: PeriodParams,
        body: csvBody(
          'nip,jumlah,status',
          'nip,jumlah,status\n198503152010011002,50000,berhasil\n',
        ),
        response: {
          200: Type.Object({
            recorded: Type.Integer(),
            rejected: Type.Integer(),
            results: Type.Array(
              Type.Object({
                row: Type.Integer(),
                nip: Type.String(),
                status: Type.String(),
                errors: Type.Optional(RowErrors),
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId, month } = request.params as { programId: string; month: string };
      await authorizeProgram(app, request, programId);
      request.auditTarget = { type: 'sembako_payroll', id: `${programId}/${month}` };
      return inTransaction(app, (db) =>
        importPayrollResults(
          db,
          commandContext(app, request),
          programId,
          month,
          csvOf(request.body),
        ),
      );
    },
  );

  const SponsorPayment = Type.Object({
    id: Type.String(),
    month: Type.String(),
    amount: Rupiah,
    receivedOn: BusinessDate,
    reference: Type.String(),
    shares: Type.Array(ShareOut),
  });
  app.post(
    '/api/v1/programs/:programId/periods/:month/sponsor-payments',
    {
      config: { roles: [...ADMIN, 'hub_admin'] },
      schema: {
        operationId: 'recordSponsorPayment',
        tags: ['sembako'],
        summary:
          "The sponsor's transfer, received at the hub on the cooperatives' behalf and credited to each cooperative's balance for its picked-up packages; idempotent by id",
        params: PeriodParams,
        body: Type.Object(
          {
            id: Uuid,
            amount: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
            receivedOn: Type.Optional(BusinessDate),
            reference: Type.String({ minLength: 1, maxLength: 150 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SponsorPayment, 201: SponsorPayment, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { programId, month } = request.params as { programId: string; month: string };
      await authorizeProgram(app, request, programId, { admin: true, hubRoles: ['hub_admin'] });
      const body = request.body as {
        id: string;
        amount: number;
        receivedOn?: string;
        reference: string;
      };
      request.auditTarget = { type: 'sembako_sponsor_payment', id: body.id };
      const r = await inTransaction(app, (db) =>
        recordSponsorPayment(db, commandContext(app, request), programId, month, body),
      );
      return reply.code(r.created ? 201 : 200).send({
        id: r.id,
        month: r.month,
        amount: r.amount,
        receivedOn: r.receivedOn,
        reference: r.reference,
        shares: r.shares,
      });
    },
  );

  app.get(
    '/api/v1/programs/:programId/periods/:month/reconciliation',
    {
      config: { roles: [...ADMIN, ...HUB_ROLES] },
      schema: {
        operationId: 'getProgramReconciliation',
        tags: ['sembako'],
        summary:
          'Per cooperative and in total: ordered, picked up, subsidy, deducted, paid by the sponsor, payable, open; and the participants with open amounts',
        params: PeriodParams,
        response: {
          200: Type.Object({
            month: Type.String(),
            cooperatives: Type.Array(
              Type.Object({ cooperativeId: Type.String(), ...Account.properties }),
            ),
            total: Account,
            openParticipants: Type.Array(
              Type.Object({
                nip: Type.String(),
                name: Type.String(),
                opd: Type.String(),
                due: Rupiah,
                deducted: Rupiah,
                status: Type.Union([Type.String(), Type.Null()]),
                open: Rupiah,
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { programId, month } = request.params as { programId: string; month: string };
      await authorizeProgram(app, request, programId, { admin: true, hubRoles: HUB_ROLES });
      return getProgramReconciliation(deps.db, programId, month);
    },
  );
}
