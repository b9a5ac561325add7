import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from './audit.routes.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { registerCooperativeRoutes } from './cooperatives.routes.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerLedgerRoutes } from './ledger.routes.ts';
import { regionRoutes } from './region/region.routes.ts';
import { registerSembakoRoutes } from './sembako.routes.ts';
import { registerSettlementRoutes } from './settlement.routes.ts';
import { registerTrainingRoutes } from './training.routes.ts';
import { registerUserRoutes } from './users.routes.ts';

export async function registerRoutes(app: FastifyInstance) {
  registerAuthRoutes(app);
  registerCooperativeRoutes(app);
  registerCatalogRoutes(app);
  registerDocumentRoutes(app);
  registerSettlementRoutes(app);
  registerLedgerRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerTrainingRoutes(app);
  registerSembakoRoutes(app);
  await app.register(regionRoutes);
}
