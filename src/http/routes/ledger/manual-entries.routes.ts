import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  checkBookkeeperRight,
  listAccounts,
  listFixedAssets,
  recordJournalEntry,
  registerFixedAsset,
} from '../../../core/ledger/index.ts';
import type { Db } from '../../../db/database.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  accountsExample,
  fixedAssetBodyExample,
  fixedAssetsExample,
  journalEntryBodyExample,
  manualEntryExample,
} from './manual-entries.examples.ts';
import {
  Accounts,
  FixedAsset,
  FixedAssetBody,
  FixedAssets,
  JournalEntryBody,
  ManualEntry,
} from './manual-entries.schemas.ts';
import { OrgParams } from './ledger.schemas.ts';

/**
 * The caller keeps this organization's books by hand: its manager for a
 * cooperative, a hub admin for the hub's own (the core's `checkBookkeeperRight`).
 */
async function authorizeBookkeeper(request: FastifyRequest, db: Db, orgId: string) {
  const org = await authorize(request, { kind: 'organization', id: orgId }, db);
  checkBookkeeperRight({ memberships: request.auth?.memberships ?? [] }, org);
}

/** Manual journal entries, the chart of accounts and fixed assets of an organization's books. */
export const manualEntryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.post(
    '/api/v1/orgs/:orgId/ledger/entries',
    {
      schema: {
        operationId: 'recordJournalEntry',
        tags: ['ledger'],
        summary:
          'A manual journal entry (expenses, opening balances) on accounts open to manual posting: debits equal credits; the same id again → the first entry',
        params: OrgParams,
        body: withExample(JournalEntryBody, journalEntryBodyExample),
        response: {
          200: ManualEntry,
          201: withExample(ManualEntry, manualEntryExample),
          ...problems(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const entry = await inTransaction(request, async (db) => {
        await authorizeBookkeeper(request, db, orgId);
        return recordJournalEntry(db, commandContext(request), orgId, request.body);
      });
      request.auditTarget = { type: 'manual_entry', id: entry.id };
      const { created, ...body } = entry;
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags: ['ledger'],
        summary:
          "The organization's chart of accounts (SAK EP): code, name, type, statement section, whether open to manual entries",
        params: OrgParams,
        response: { 200: withExample(Accounts, accountsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await authorize(request, { kind: 'organization', id: orgId });
      return { items: await listAccounts(deps.db, orgId) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/fixed-assets',
    {
      schema: {
        operationId: 'registerFixedAsset',
        tags: ['ledger'],
        summary:
          "A fixed asset bought or brought into a cooperative's books (Dr its account, Cr the account it was paid from), then depreciated straight line monthly; the same id again → the first",
        params: OrgParams,
        body: withExample(FixedAssetBody, fixedAssetBodyExample),
        response: { 200: FixedAsset, 201: FixedAsset, ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const asset = await inTransaction(request, async (db) => {
        await authorizeBookkeeper(request, db, orgId);
        return registerFixedAsset(db, commandContext(request), orgId, request.body);
      });
      request.auditTarget = { type: 'fixed_asset', id: asset.id };
      const { created, ...body } = asset;
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/fixed-assets',
    {
      schema: {
        operationId: 'listFixedAssets',
        tags: ['ledger'],
        summary:
          "A cooperative's fixed assets with their monthly depreciation, depreciation so far and book value",
        params: OrgParams,
        response: { 200: withExample(FixedAssets, fixedAssetsExample), ...problems(404) },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await authorize(request, { kind: 'organization', id: orgId });
      return { items: await listFixedAssets(deps.db, orgId) };
    },
  );
};
