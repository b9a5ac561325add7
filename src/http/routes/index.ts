import type { FastifyInstance } from 'fastify';
import { authRoutes } from './access/auth.routes.ts';
import { apiTokenRoutes } from './access/tokens.routes.ts';
import { userCodeRoutes } from './access/user-codes.routes.ts';
import { usersRoutes } from './access/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { ceilingRoutes } from './catalog/ceilings.routes.ts';
import { deliveryOrderRoutes } from './consignment/delivery-orders.routes.ts';
import { correctionRoutes } from './corrections/corrections.routes.ts';
import { partialCorrectionRoutes } from './corrections/partial.routes.ts';
import { dispatchRoutes } from './consignment/dispatch.routes.ts';
import { goodsReceiptRoutes } from './consignment/goods-receipts.routes.ts';
import { jobRoutes } from './jobs/jobs.routes.ts';
import { salesRoutes } from './consignment/sales.routes.ts';
import { memberPurchaseRoutes } from './members/purchases.routes.ts';
import { memberCardRoutes } from './members/member-card.routes.ts';
import { memberImportRoutes } from './members/member-import.routes.ts';
import { memberRoutes } from './members/members.routes.ts';
import { savingsRoutes } from './members/savings.routes.ts';
import { stockDocumentRoutes } from './consignment/stock-documents.routes.ts';
import { ledgerRoutes } from './ledger/ledger.routes.ts';
import { manualEntryRoutes } from './ledger/manual-entries.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { cooperativeImportRoutes } from './network/cooperative-import.routes.ts';
import { networkRoutes } from './network/network.routes.ts';
import { hubRoutes } from './network/hub.routes.ts';
import { warehouseStockRoutes } from './network/warehouse-stock.routes.ts';
import { organizationRoutes } from './network/organizations.routes.ts';
import { participationRoutes } from './network/participation.routes.ts';
import { regionRoutes } from './region/region.routes.ts';
import { regionLookupRoutes } from './region/regions.routes.ts';
import { sembakoActivationCodeRoutes } from './sembako/activation-codes.routes.ts';
import { sembakoOrderRoutes } from './sembako/orders.routes.ts';
import { sembakoParticipantRoutes } from './sembako/participants.routes.ts';
import { sembakoPeriodRoutes } from './sembako/periods.routes.ts';
import { sembakoProgramRoutes } from './sembako/programs.routes.ts';
import { settlementRoutes } from './settlement/settlement.routes.ts';
import { subsidyRoutes } from './subsidy/subsidy.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { bankStatementRoutes } from './treasury/bank-statements.routes.ts';
import { payablesRoutes } from './treasury/payables.routes.ts';
import { riskRoutes } from './treasury/risk.routes.ts';
import { forecastRoutes } from './treasury/forecast.routes.ts';
import { hubSummaryRoutes } from './treasury/summary.routes.ts';
import { ratPackRoutes } from './yearend/rat-pack.routes.ts';
import { shuRoutes } from './yearend/shu.routes.ts';
import { fiscalYearRoutes } from './yearend/fiscal-years.routes.ts';
import { statementsRoutes } from './yearend/statements.routes.ts';

/** Every module's routes, each a TypeBox-typed plugin (in the order the reference page lists them). */
export async function registerRoutes(app: FastifyInstance) {
  for (const routes of [
    systemRoutes,
    authRoutes,
    apiTokenRoutes,
    usersRoutes,
    userCodeRoutes,
    networkRoutes,
    participationRoutes,
    cooperativeImportRoutes,
    organizationRoutes,
    hubRoutes,
    warehouseStockRoutes,
    salesRoutes,
    memberRoutes,
    memberImportRoutes,
    memberCardRoutes,
    memberPurchaseRoutes,
    savingsRoutes,
    stockDocumentRoutes,
    settlementRoutes,
    bankStatementRoutes,
    payablesRoutes,
    riskRoutes,
    forecastRoutes,
    hubSummaryRoutes,
    subsidyRoutes,
    dashboardRoutes,
    catalogRoutes,
    ceilingRoutes,
    goodsReceiptRoutes,
    deliveryOrderRoutes,
    dispatchRoutes,
    correctionRoutes,
    partialCorrectionRoutes,
    ledgerRoutes,
    statementsRoutes,
    manualEntryRoutes,
    shuRoutes,
    fiscalYearRoutes,
    ratPackRoutes,
    auditRoutes,
    jobRoutes,
    regionRoutes,
    regionLookupRoutes,
    trainingRoutes,
    sembakoProgramRoutes,
    sembakoOrderRoutes,
    sembakoPeriodRoutes,
    sembakoParticipantRoutes,
    sembakoActivationCodeRoutes,
  ])
    await app.register(routes);
}
