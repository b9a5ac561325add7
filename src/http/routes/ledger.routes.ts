import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  chartFor,
  findJournal,
  findJournalEntriesPage,
  findJournalLinesOfEntries,
  formatHledgerJournal,
  sumJournalLines,
} from '../../core/ledger/index.ts';
import { findOrganizationById, findOrganizationsByKind } from '../../core/network/index.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { authorizeOrganization } from '../access.ts';
import { BusinessDate, Id, List, Rupiah, problems } from '../schemas.ts';
import { JournalEntry, JournalRow } from '../models.ts';
import { PageQuery, decodeCursor, pageLimit, pageOf } from '../cursor.ts';

const BOOK_READERS = ['hub_admin', 'hub_staff', 'coop_manager', 'gov_viewer'] as const;

export function registerLedgerRoutes(app: FastifyInstance) {
  const { deps } = app;
  const bookOf = async (request: Parameters<typeof authorizeOrganization>[1], orgId: string) => {
    const org = await authorizeOrganization(deps.db, request, orgId, [...BOOK_READERS]);
    if (org.kind !== 'hub' && org.kind !== 'cooperative')
      throw new DomainError('NotFound', {
        message: 'Organisasi ini tidak memiliki pembukuan',
        messageEn: 'This organization keeps no books here',
      });
    return { org, book: org.kind === 'hub' ? ('hub' as const) : ('cooperative' as const) };
  };

  /** Names of the counterparties of sub-ledger lines (a cooperative's hub, a hub's cooperatives). */
  const namesOf = async (ids: string[]) => {
    const out = new Map<string, string>();
    for (const id of new Set(ids.filter(Boolean))) {
      const o = await findOrganizationById(deps.db, id);
      if (o) out.set(id, o.name);
    }
    return out;
  };

  app.get(
    '/api/v1/orgs/:orgId/ledger/trial-balance',
    {
      config: { roles: [...BOOK_READERS] },
      schema: {
        operationId: 'getTrialBalance',
        tags: ['ledger'],
        summary: "An organization's trial balance (neraca saldo) as of a date",
        params: Type.Object({ orgId: Id }),
        querystring: Type.Object(
          { asOf: Type.Optional(BusinessDate) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            orgId: Type.String(),
            asOf: Type.Union([Type.String(), Type.Null()]),
            accounts: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                counterpartyOrgId: Type.Optional(Type.String()),
                counterpartyName: Type.Optional(Type.String()),
                debit: Rupiah,
                credit: Rupiah,
              }),
            ),
            totalDebit: Rupiah,
            totalCredit: Rupiah,
          }),
          ...problems(404),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params as { orgId: string };
      const { asOf } = request.query as { asOf?: string };
      const { book } = await bookOf(request, orgId);
      const chart = new Map(chartFor(book).map((a) => [a.code, a]));
      const rows = await sumJournalLines(deps.db, orgId, asOf);
      const names = await namesOf(rows.map((r) => r.counterpartyOrgId));
      const accounts = rows
        .map((r) => {
          const net = r.debit - r.credit;
          return {
            code: r.accountCode,
            name: chart.get(r.accountCode)?.name ?? r.accountCode,
            ...(r.counterpartyOrgId
              ? {
                  counterpartyOrgId: r.counterpartyOrgId,
                  counterpartyName: names.get(r.counterpartyOrgId) ?? r.counterpartyOrgId,
                }
              : {}),
            debit: net > 0 ? net : 0,
            credit: net < 0 ? -net : 0,
          };
        })
        .filter((a) => a.debit !== 0 || a.credit !== 0);
      return {
        orgId,
        asOf: asOf ?? null,
        accounts,
        totalDebit: accounts.reduce((t, a) => t + a.debit, 0),
        totalCredit: accounts.reduce((t, a) => t + a.credit, 0),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/journal',
    {
      config: { roles: [...BOOK_READERS] },
      schema: {
        operationId: 'exportJournal',
        tags: ['ledger'],
        summary:
          'The journal as plain text that hledger and ledger 3 read (format=hledger), or JSON',
        params: Type.Object({ orgId: Id }),
        querystring: Type.Object(
          {
            format: Type.Optional(Type.Union([Type.Literal('hledger'), Type.Literal('json')])),
            from: Type.Optional(BusinessDate),
            to: Type.Optional(BusinessDate),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description:
              'The journal: plain text for hledger/ledger (format=hledger, the default) or JSON lines (format=json)',
            content: {
              'text/plain': { schema: Type.String() },
              'application/json': {
                schema: Type.Object({
                  items: Type.Array(JournalRow),
                }),
              },
            },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params as { orgId: string };
      const q = request.query as { format?: 'hledger' | 'json'; from?: string; to?: string };
      const { org, book } = await bookOf(request, orgId);
      const rows = await findJournal(deps.db, orgId, { from: q.from, to: q.to });
      if (q.format === 'json') return { items: rows };
      const names = new Map<string, string>();
      for (const kind of ['hub', 'cooperative'] as const)
        for (const o of await findOrganizationsByKind(deps.db, kind)) names.set(o.id, o.name);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="jurnal-${orgId}.journal"`)
        .send(formatHledgerJournal(book, org.name, rows, names));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/entries',
    {
      config: { roles: [...BOOK_READERS] },
      schema: {
        operationId: 'listJournalEntries',
        tags: ['ledger'],
        summary:
          "An organization's journal entries in a period (date order), each with its lines and account names",
        params: Type.Object({ orgId: Id }),
        querystring: Type.Object(
          { from: Type.Optional(BusinessDate), to: Type.Optional(BusinessDate), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: List(JournalEntry), ...problems(404) },
      },
    },
    async (request) => {
      const { orgId } = request.params as { orgId: string };
      const q = request.query as { from?: string; to?: string; limit?: string; cursor?: string };
      const { book } = await bookOf(request, orgId);
      const chart = new Map(chartFor(book).map((a) => [a.code, a.name]));
      const limit = pageLimit(q.limit);
      const c = decodeCursor(q.cursor);
      const rows = await findJournalEntriesPage(deps.db, orgId, {
        from: q.from,
        to: q.to,
        after: c ? { date: c[0], id: c[1] } : undefined,
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (e) => [e.entryDate, e.id]);
      const lines = await findJournalLinesOfEntries(deps.db, orgId, page.items);
      const names = await namesOf(lines.map((l) => l.counterpartyOrgId));
      return {
        ...page,
        items: page.items.map((e) => ({
          id: e.id,
          date: e.entryDate,
          documentType: e.docType,
          documentId: e.docId,
          memo: e.memo,
          lines: lines
            .filter((l) => l.entryId === e.id)
            .map((l) => ({
              accountCode: l.accountCode,
              accountName: chart.get(l.accountCode) ?? l.accountCode,
              ...(l.counterpartyOrgId
                ? {
                    counterpartyOrgId: l.counterpartyOrgId,
                    counterpartyName: names.get(l.counterpartyOrgId) ?? l.counterpartyOrgId,
                  }
                : {}),
              debit: l.debit,
              credit: l.credit,
            })),
        })),
      };
    },
  );
}
