import type { Kysely, Transaction } from 'kysely';
import type { AccessTables } from '../core/access/access.table.ts';
import type { AuditTables } from '../core/audit/audit.table.ts';
import type { CatalogTables } from '../core/catalog/catalog.table.ts';
import type { ConsignmentTables } from '../core/consignment/consignment.table.ts';
import type { CorrectionsTables } from '../core/corrections/corrections.table.ts';
import type { InventoryTables } from '../core/inventory/inventory.table.ts';
import type { JobsTables } from '../core/jobs/jobs.table.ts';
import type { KeptTables } from '../core/kept/kept.table.ts';
import type { MembersTables } from '../core/members/members.table.ts';
import type { LedgerTables } from '../core/ledger/ledger.table.ts';
import type { NetworkTables } from '../core/network/network.table.ts';
import type { ParticipationTermsTables } from '../core/network/participation-terms.table.ts';
import type { HubSettingTables } from '../core/network/hub-settings.table.ts';
import type { NumberingTables } from '../core/numbering/numbering.table.ts';
import type { QrisMerchantTables } from '../core/network/qris-merchant.table.ts';
import type { SettlementTables } from '../core/settlement/settlement.table.ts';
import type { SubsidyTables } from '../core/subsidy/subsidy.table.ts';
import type { SembakoTables } from '../core/sembako/sembako.table.ts';
import type { TrainingTables } from '../core/training/training.table.ts';
import type { BankStatementTables } from '../core/treasury/bank-statement.table.ts';
import type { SuppliersTables } from '../core/suppliers/suppliers.table.ts';
import type { PayablesTables } from '../core/treasury/payables.table.ts';
import type { ForecastTables } from '../core/treasury/forecast.table.ts';
import type { RiskTables } from '../core/treasury/risk.table.ts';
import type { ManualBookTables } from '../core/ledger/manual.table.ts';
import type { YearEndTables } from '../core/yearend/yearend.table.ts';

export interface Database
  extends
    NetworkTables,
    ParticipationTermsTables,
    HubSettingTables,
    QrisMerchantTables,
    CatalogTables,
    InventoryTables,
    LedgerTables,
    ConsignmentTables,
    SettlementTables,
    NumberingTables,
    SubsidyTables,
    TrainingTables,
    SembakoTables,
    AccessTables,
    AuditTables,
    JobsTables,
    CorrectionsTables,
    MembersTables,
    BankStatementTables,
    SuppliersTables,
    PayablesTables,
    ForecastTables,
    RiskTables,
    KeptTables,
    ManualBookTables,
    YearEndTables {}

/** A database handle or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
export type Engine = 'sqlite' | 'postgres';
