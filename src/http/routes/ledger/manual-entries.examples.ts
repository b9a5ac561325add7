import type { Static } from 'typebox';
import type {
  Accounts,
  FixedAsset,
  FixedAssetBody,
  FixedAssets,
  JournalEntryBody,
  ManualEntry,
} from './manual-entries.schemas.ts';

/** The electricity bill of November, paid from the cash box. */
export const journalEntryBodyExample: Static<typeof JournalEntryBody> = {
  id: '01936f6e-7c1a-7000-8000-000000001e01',
  date: '2026-11-30',
  memo: 'Listrik dan air kantor November 2026',
  lines: [
    { accountCode: '5102', debit: 450_000, credit: 0 },
    { accountCode: '1101', debit: 0, credit: 450_000 },
  ],
};

export const manualEntryExample: Static<typeof ManualEntry> = {
  id: journalEntryBodyExample.id,
  date: '2026-11-30',
  memo: journalEntryBodyExample.memo,
  lines: [
    {
      accountCode: '5102',
      accountName: 'Beban Listrik, Air dan Telepon',
      debit: 450_000,
      credit: 0,
    },
    { accountCode: '1101', accountName: 'Kas', debit: 0, credit: 450_000 },
  ],
  totalDebit: 450_000,
  totalCredit: 450_000,
};

export const accountsExample: Static<typeof Accounts> = {
  items: [
    {
      code: '1101',
      name: 'Kas',
      type: 'aset',
      section: 'aset_lancar',
      manual: true,
      contra: false,
    },
    {
      code: '2101',
      name: 'Utang kepada Pengamanat',
      type: 'liabilitas',
      section: 'liabilitas_jangka_pendek',
      manual: false,
      contra: false,
    },
    {
      code: '5102',
      name: 'Beban Listrik, Air dan Telepon',
      type: 'beban',
      section: 'beban_usaha',
      manual: true,
      contra: false,
    },
  ],
};

/** A motorbike for deliveries, bought through the bank: Rp 12.000.000 over 36 months. */
export const fixedAssetBodyExample: Static<typeof FixedAssetBody> = {
  id: '01936f6e-7c1a-7000-8000-000000001a01',
  name: 'Sepeda motor roda tiga',
  accountCode: '1503',
  acquiredOn: '2026-06-15',
  cost: 12_000_000,
  residualValue: 0,
  usefulLifeMonths: 36,
  paidFromAccount: '1102',
};

export const fixedAssetExample: Static<typeof FixedAsset> = {
  id: fixedAssetBodyExample.id,
  name: fixedAssetBodyExample.name,
  accountCode: '1503',
  acquiredOn: '2026-06-15',
  cost: 12_000_000,
  residualValue: 0,
  usefulLifeMonths: 36,
  monthlyDepreciation: 333_333,
  accumulatedDepreciation: 1_666_665,
  bookValue: 10_333_335,
  lastDepreciatedMonth: '2026-11',
};

export const fixedAssetsExample: Static<typeof FixedAssets> = { items: [fixedAssetExample] };
