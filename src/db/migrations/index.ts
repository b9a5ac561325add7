import type { Migration } from 'kysely';
import * as m20261128_1500 from './2026_11_28_1500_create_core_tables.ts';
import * as m20261128_1600 from './2026_11_28_1600_create_auth_tables.ts';
import * as m20261128_1800 from './2026_11_28_1800_create_training_tables.ts';
import * as m20261128_1900 from './2026_11_28_1900_create_sembako_tables.ts';
import * as m20261128_1910 from './2026_11_28_1910_create_qris_merchant_table.ts';
import * as m20261129_0100 from './2026_11_29_0100_add_sale_posting.ts';
import * as m20261206_1200 from './2026_12_06_1200_add_auth_token_id.ts';

/** Every migration, by name. Names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_1500_create_core_tables': m20261128_1500,
  '2026_11_28_1600_create_auth_tables': m20261128_1600,
  '2026_11_28_1800_create_training_tables': m20261128_1800,
  '2026_11_28_1900_create_sembako_tables': m20261128_1900,
  '2026_11_28_1910_create_qris_merchant_table': m20261128_1910,
  '2026_11_29_0100_add_sale_posting': m20261129_0100,
  '2026_12_06_1200_add_auth_token_id': m20261206_1200,
};
