import { Type } from 'typebox';
import { BusinessDate, List, Nullable, OneOf, Rupiah, Text, Uuid } from '../../schemas.ts';

const AccountCode = Type.String({
  minLength: 1,
  maxLength: 8,
  description: 'An account code of the organization’s chart (see listAccounts)',
  examples: ['5102'],
});

export const JournalEntryBody = Type.Object(
  {
    id: Uuid,
    date: Type.Optional(BusinessDate),
    memo: Text(500),
    lines: Type.Array(
      Type.Object(
        { accountCode: AccountCode, debit: Rupiah, credit: Rupiah },
        { additionalProperties: false },
      ),
      {
        minItems: 2,
        maxItems: 100,
        description: 'At least 2 lines, each a debit or a credit; debits equal credits',
      },
    ),
  },
  { additionalProperties: false },
);

export const ManualEntry = Type.Object({
  id: Type.String(),
  date: Type.String(),
  memo: Type.String(),
  lines: Type.Array(
    Type.Object({
      accountCode: Type.String(),
      accountName: Type.String(),
      debit: Rupiah,
      credit: Rupiah,
    }),
  ),
  totalDebit: Rupiah,
  totalCredit: Rupiah,
});

export const Accounts = List(
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    type: OneOf(['aset', 'liabilitas', 'ekuitas', 'pendapatan', 'beban'] as const),
    section: Type.String({ description: 'Where the account appears in the SAK EP statements' }),
    manual: Type.Boolean({ description: 'Open to manual entries (recordJournalEntry)' }),
    contra: Type.Boolean({ description: 'Shown as a deduction (accumulated depreciation, CKPN)' }),
  }),
);

export const FixedAssetBody = Type.Object(
  {
    id: Uuid,
    name: Text(200),
    accountCode: OneOf(['1501', '1502', '1503'] as const, {
      description: '1501 Tanah dan Bangunan, 1502 Peralatan dan Inventaris, 1503 Kendaraan',
    }),
    acquiredOn: BusinessDate,
    cost: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991, description: 'Whole rupiah' }),
    residualValue: Type.Optional(Rupiah),
    usefulLifeMonths: Type.Integer({ minimum: 1, maximum: 1200 }),
    paidFromAccount: Type.String({
      minLength: 1,
      maxLength: 8,
      description:
        'The account credited: a manual asset, liability or equity account that is not a fixed asset (1101 Kas, 1102 Bank, 2103 Utang Lain-lain, 3201 Hibah…)',
      examples: ['1102'],
    }),
  },
  { additionalProperties: false },
);

export const FixedAsset = Type.Object({
  id: Type.String(),
  name: Type.String(),
  accountCode: Type.String(),
  acquiredOn: Type.String(),
  cost: Rupiah,
  residualValue: Rupiah,
  usefulLifeMonths: Type.Integer(),
  monthlyDepreciation: Rupiah,
  accumulatedDepreciation: Rupiah,
  bookValue: Rupiah,
  lastDepreciatedMonth: Nullable(Type.String()),
});

export const FixedAssets = List(FixedAsset);
