import type { Migration } from 'kysely';
import * as m20261128_1500 from './2026_11_28_1500_create_core_tables.ts';
import * as m20261128_1600 from './2026_11_28_1600_create_auth_tables.ts';
import * as m20261128_1800 from './2026_11_28_1800_create_training_tables.ts';
import * as m20261128_1900 from './2026_11_28_1900_create_sembako_tables.ts';
import * as m20261128_1910 from './2026_11_28_1910_create_qris_merchant_table.ts';
import * as m20261129_0100 from './2026_11_29_0100_add_sale_posting.ts';
import * as m20261206_1200 from './2026_12_06_1200_add_auth_token_id.ts';
import * as m20261206_1300 from './2026_12_06_1300_add_participation_terms.ts';
import * as m20261206_1310 from './2026_12_06_1310_add_hub_settings.ts';
import * as m20261206_1320 from './2026_12_06_1320_add_jobs.ts';
import * as m20261206_1330 from './2026_12_06_1330_add_document_numbers.ts';
import * as m20261206_1340 from './2026_12_06_1340_add_user_codes.ts';
import * as m20261206_1350 from './2026_12_06_1350_add_payroll_authorization.ts';
import * as m20261206_1500 from './2026_12_06_1500_add_reversals.ts';
import * as m20261206_1510 from './2026_12_06_1510_number_more_documents.ts';
import * as m20261206_1600 from './2026_12_06_1600_add_partial_corrections.ts';
import * as m20261206_1700 from './2026_12_06_1700_add_members.ts';
import * as m20261206_1710 from './2026_12_06_1710_add_bank_statements.ts';
import * as m20261206_1720 from './2026_12_06_1720_add_supplier_payables.ts';
import * as m20261206_1730 from './2026_12_06_1730_add_credit_loss_provision.ts';
import * as m20261206_1800 from './2026_12_06_1800_add_year_end.ts';
import * as m20261207_0300 from './2026_12_07_0300_partition_facts_by_month.ts';
import * as m20261207_0400 from './2026_12_07_0400_sembako_order_indexes.ts';
import * as m20261207_0500 from './2026_12_07_0500_sembako_nip_directory.ts';
import * as m20261207_0600 from './2026_12_07_0600_sale_day_totals.ts';
import * as m20261207_0700 from './2026_12_07_0700_forecast_weeks.ts';
import * as m20261207_0800 from './2026_12_07_0800_account_months.ts';
import * as m20261207_0900 from './2026_12_07_0900_kept_epoch.ts';
import * as m20261207_1000 from './2026_12_07_1000_position_month_ends.ts';
import * as m20261207_1100 from './2026_12_07_1100_hub_read_indexes.ts';
import * as m20261207_1200 from './2026_12_07_1200_statement_payment_reads.ts';

/** Every migration, by name. Names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_1500_create_core_tables': m20261128_1500,
  '2026_11_28_1600_create_auth_tables': m20261128_1600,
  '2026_11_28_1800_create_training_tables': m20261128_1800,
  '2026_11_28_1900_create_sembako_tables': m20261128_1900,
  '2026_11_28_1910_create_qris_merchant_table': m20261128_1910,
  '2026_11_29_0100_add_sale_posting': m20261129_0100,
  '2026_12_06_1200_add_auth_token_id': m20261206_1200,
  '2026_12_06_1300_add_participation_terms': m20261206_1300,
  '2026_12_06_1310_add_hub_settings': m20261206_1310,
  '2026_12_06_1320_add_jobs': m20261206_1320,
  '2026_12_06_1330_add_document_numbers': m20261206_1330,
  '2026_12_06_1340_add_user_codes': m20261206_1340,
  '2026_12_06_1350_add_payroll_authorization': m20261206_1350,
  '2026_12_06_1500_add_reversals': m20261206_1500,
  '2026_12_06_1510_number_more_documents': m20261206_1510,
  '2026_12_06_1600_add_partial_corrections': m20261206_1600,
  '2026_12_06_1700_add_members': m20261206_1700,
  '2026_12_06_1710_add_bank_statements': m20261206_1710,
  '2026_12_06_1720_add_supplier_payables': m20261206_1720,
  '2026_12_06_1730_add_credit_loss_provision': m20261206_1730,
  '2026_12_06_1800_add_year_end': m20261206_1800,
  '2026_12_07_0300_partition_facts_by_month': m20261207_0300,
  '2026_12_07_0400_sembako_order_indexes': m20261207_0400,
  '2026_12_07_0500_sembako_nip_directory': m20261207_0500,
  '2026_12_07_0600_sale_day_totals': m20261207_0600,
  '2026_12_07_0700_forecast_weeks': m20261207_0700,
  '2026_12_07_0800_account_months': m20261207_0800,
  '2026_12_07_0900_kept_epoch': m20261207_0900,
  '2026_12_07_1000_position_month_ends': m20261207_1000,
  '2026_12_07_1100_hub_read_indexes': m20261207_1100,
  '2026_12_07_1200_statement_payment_reads': m20261207_1200,
};
