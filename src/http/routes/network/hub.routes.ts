import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  createWarehouse,
  getHubProfile,
  getHubSettings,
  listWarehouses,
  updateHubProfile,
  updateHubSettings,
} from '../../../core/network/index.ts';
import { todayWib } from '../../../core/shared/clock.ts';
import { authorize } from '../../authorize.ts';
import { commandContext, inTransaction } from '../../command.ts';
import { problems, withExample } from '../../schemas.ts';
import {
  createWarehouseExample,
  hubProfileExample,
  hubSettingsExample,
  updateHubProfileExample,
  updateHubSettingsExample,
  warehousesExample,
} from './hub.examples.ts';
import {
  CreateWarehouseBody,
  HubProfile,
  HubSettings,
  UpdateHubProfileBody,
  UpdateHubSettingsBody,
  WarehouseCreated,
  Warehouses,
} from './hub.schemas.ts';

/**
 * The caller's hub's own set-up: its profile (legal data, bank account,
 * short code), its warehouses and its dated settings. Read by the hub's
 * users, changed by its admins.
 */
export const hubRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/api/v1/hub/profile',
    {
      schema: {
        operationId: 'getHubProfile',
        tags: ['hub'],
        summary:
          "The caller's hub: name, short code of its document numbers, legal data, bank account, address",
        response: { 200: withExample(HubProfile, hubProfileExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getHubProfile(deps.db, hubId);
    },
  );

  app.patch(
    '/api/v1/hub/profile',
    {
      schema: {
        operationId: 'updateHubProfile',
        tags: ['hub'],
        summary:
          "Changes the hub's profile: a field given sets it, null or an empty text clears it (not the name); the short code is unique",
        body: withExample(UpdateHubProfileBody, updateHubProfileExample),
        response: { 200: HubProfile, ...problems(409) },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const profile = await inTransaction(request, (db) =>
        updateHubProfile(db, hubId, request.body),
      );
      request.auditTarget = { type: 'organization', id: hubId };
      return profile;
    },
  );

  app.get(
    '/api/v1/hub/warehouses',
    {
      schema: {
        operationId: 'listWarehouses',
        tags: ['hub'],
        summary:
          "The hub's warehouses, oldest first; the first is where a document naming no warehouse goes",
        response: { 200: withExample(Warehouses, warehousesExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return { items: await listWarehouses(deps.db, hubId) };
    },
  );

  app.post(
    '/api/v1/hub/warehouses',
    {
      schema: {
        operationId: 'createWarehouse',
        tags: ['hub'],
        summary: 'Adds a warehouse to the hub (a name no other location of the hub has)',
        body: withExample(CreateWarehouseBody, createWarehouseExample),
        response: { 201: WarehouseCreated, ...problems(409) },
      },
    },
    async (request, reply) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const w = await inTransaction(request, (db) => createWarehouse(db, hubId, request.body));
      request.auditTarget = { type: 'location', id: w.id };
      return reply.code(201).send({ id: w.id });
    },
  );

  app.get(
    '/api/v1/hub/settings',
    {
      schema: {
        operationId: 'getHubSettings',
        tags: ['hub'],
        summary:
          "The hub's dated settings: the values in force today and since when, the defaults, and every change with its reason and author",
        response: { 200: withExample(HubSettings, hubSettingsExample), ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      return getHubSettings(deps.db, hubId, todayWib(deps.clock));
    },
  );

  app.patch(
    '/api/v1/hub/settings',
    {
      schema: {
        operationId: 'updateHubSettings',
        tags: ['hub'],
        summary:
          'Changes some settings from a date (today or later) with a reason: documents dated from then use the new values',
        body: withExample(UpdateHubSettingsBody, updateHubSettingsExample),
        response: { 200: HubSettings, ...problems() },
      },
    },
    async (request) => {
      const hubId = await authorize(request, { kind: 'hub' });
      const settings = await inTransaction(request, (db) =>
        updateHubSettings(db, commandContext(request), hubId, request.body),
      );
      request.auditTarget = { type: 'hub_settings', id: hubId };
      return settings;
    },
  );
};
