import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  bookOf,
  findJournal,
  formatHledgerJournal,
  getTrialBalance,
  listJournalEntries,
  type OrganizationNames,
} from '../../../core/ledger/index.ts';
import { findOrganizationById, findOrganizationsByKind } from '../../../core/network/index.ts';
import type { Db } from '../../../db/database.ts';
import { authorize } from '../../authorize.ts';
import { pageLimit } from '../../cursor.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  hledgerJournalExample,
  journalEntriesExample,
  journalRowsExample,
  trialBalanceExample,
} from './ledger.examples.ts';
import {
  JournalEntriesQuery,
  JournalEntryList,
  JournalQuery,
  JournalRows,
  OrgParams,
  TrialBalance,
  TrialBalanceQuery,
} from './ledger.schemas.ts';

/** The organization whose books the caller reads, and which book it keeps. */
async function booksOf(request: FastifyRequest, orgId: string) {
  const org = await authorize(request, { kind: 'organization', id: orgId });
  return { org, book: bookOf(org) };
}

/** Names of the counterparties of sub-ledger lines (a cooperative's hub, a hub's cooperatives). */
const organizationNames =
  (db: Db): OrganizationNames =>
  async (ids) => {
    const out = new Map<string, string>();
    for (const id of new Set(ids.filter(Boolean))) {
      const o = await findOrganizationById(db, id);
      if (o) out.set(id, o.name);
    }
    return out;
  };

/** An organization's books: trial balance, journal entries, the journal for hledger. */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const namesOf = organizationNames(deps.db);

  app.get(
    '/api/v1/orgs/:orgId/ledger/trial-balance',
    {
      schema: {
        operationId: 'getTrialBalance',
        tags: ['ledger'],
        summary: "An organization's trial balance (neraca saldo) as of a date",
        params: OrgParams,
        querystring: TrialBalanceQuery,
        response: { 200: withExample(TrialBalance, trialBalanceExample), ...problems(404) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { book } = await booksOf(request, orgId);
      return getTrialBalance(deps.db, orgId, book, request.query.asOf, namesOf);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/journal',
    {
      schema: {
        operationId: 'exportJournal',
        tags: ['ledger'],
        summary:
          'The journal as plain text that hledger and ledger 3 read (format=hledger), or JSON',
        params: OrgParams,
        querystring: JournalQuery,
        response: {
          200: {
            description:
              'The journal: plain text for hledger/ledger (format=hledger, the default) or JSON lines (format=json)',
            content: {
              'text/plain': { schema: Type.String(), example: hledgerJournalExample },
              'application/json': { schema: JournalRows, example: journalRowsExample },
            },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const { format, from, to } = request.query;
      const { org, book } = await booksOf(request, orgId);
      const rows = await findJournal(deps.db, orgId, { from, to });
      if (format === 'json') return { items: rows };
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
      schema: {
        operationId: 'listJournalEntries',
        tags: ['ledger'],
        summary:
          "An organization's journal entries in a period (date order), each with its lines and account names",
        params: OrgParams,
        querystring: JournalEntriesQuery,
        response: { 200: withExample(JournalEntryList, journalEntriesExample), ...problems(404) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const { from, to, documentType, cursor, limit } = request.query;
      const { book } = await booksOf(request, orgId);
      return listJournalEntries(
        deps.db,
        orgId,
        book,
        { from, to, docType: documentType, cursor, limit: pageLimit(limit) },
        namesOf,
      );
    },
  );
};
