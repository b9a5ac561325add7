import { Type } from 'typebox';
import { HUB_SETTING_BOUNDS, SHORT_CODE_PATTERN } from '../../../core/network/index.ts';
import { Nullable, Text } from '../../schemas.ts';

/** Schemas of the hub's own set-up: its profile, its warehouses and its dated settings. */
const S = Type.String();
const NS = Nullable(Type.String());

// --- Profile ---

export const HubProfile = Type.Object({
  id: S,
  name: S,
  shortCode: Nullable(Type.String({ description: 'The short code in document numbers' })),
  legalNumber: NS,
  nikKoperasi: NS,
  npwp: Nullable(Type.String({ description: '15 or 16 digits' })),
  bankName: NS,
  bankAccountNo: Nullable(Type.String({ description: 'Digits only' })),
  bankAccountName: NS,
  address: NS,
  regionCode: NS,
  regionName: NS,
});

/** A text to set, or null (or an empty text) to clear. */
const Clearable = (maxLength: number, options: object = {}) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...options })));

export const UpdateHubProfileBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    shortCode: Type.Optional(
      Nullable(
        Type.String({
          pattern: SHORT_CODE_PATTERN,
          maxLength: 12,
          description:
            'Printed in document numbers (SJ/KANA-JBI/2026/12/0001): 2–12 capitals, digits, dashes',
        }),
      ),
    ),
    legalNumber: Clearable(100, { description: 'Nomor badan hukum (AHU)' }),
    nikKoperasi: Clearable(30, { description: 'Nomor Induk Koperasi: 16 digits' }),
    npwp: Clearable(30, {
      description: '15 or 16 digits; dots and dashes as written are dropped',
    }),
    bankName: Clearable(100),
    bankAccountNo: Clearable(30, { description: '5 to 20 digits; spaces and dashes are dropped' }),
    bankAccountName: Clearable(100),
    address: Clearable(300),
  },
  { additionalProperties: false, minProperties: 1 },
);

// --- Warehouses ---

export const Warehouse = Type.Object({
  id: S,
  name: S,
  address: NS,
  isDefault: Type.Boolean({
    description: 'The oldest warehouse: where a goods receipt or delivery order naming none goes',
  }),
});
export const Warehouses = Type.Object({ items: Type.Array(Warehouse) });

export const CreateWarehouseBody = Type.Object(
  { name: Text(100), address: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export const WarehouseCreated = Type.Object({ id: S });

// --- Dated settings ---

const Setting = (key: keyof typeof HUB_SETTING_BOUNDS, description: string) =>
  Type.Integer({
    minimum: HUB_SETTING_BOUNDS[key].min,
    maximum: HUB_SETTING_BOUNDS[key].max,
    description,
  });

const SETTINGS = {
  subsidyEligibilityDays: Setting(
    'subsidyEligibilityDays',
    "Subsidy eligibility: no statement more than this many days past due at the month's end (default 30)",
  ),
  replenishmentCoverDays: Setting(
    'replenishmentCoverDays',
    'Days of sales a suggested delivery leaves at the cooperative (default 14)',
  ),
  salesWindowDays: Setting(
    'salesWindowDays',
    'Days of sales behind delivery suggestions and days of cover (default 28)',
  ),
  sessionHours: Setting(
    'sessionHours',
    "Length of a new sign-in of the hub's and its cooperatives' users (default 12)",
  ),
};

export const HubSettingValues = Type.Object(SETTINGS);
const Keys = Type.Union([
  Type.Literal('subsidyEligibilityDays'),
  Type.Literal('replenishmentCoverDays'),
  Type.Literal('salesWindowDays'),
  Type.Literal('sessionHours'),
]);

export const HubSettings = Type.Object({
  today: S,
  values: HubSettingValues,
  since: Type.Object(
    {
      subsidyEligibilityDays: NS,
      replenishmentCoverDays: NS,
      salesWindowDays: NS,
      sessionHours: NS,
    },
    { description: 'When each value in force took effect; null while the default applies' },
  ),
  defaults: HubSettingValues,
  history: Type.Array(
    Type.Object({
      key: Keys,
      value: Type.Integer(),
      effectiveFrom: S,
      reason: NS,
      changedBy: NS,
      changedByName: NS,
      changedAt: S,
    }),
    {
      description: 'Every change, the latest effective date first; those after today are scheduled',
    },
  ),
});

export const UpdateHubSettingsBody = Type.Object(
  {
    effectiveFrom: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      maxLength: 10,
      examples: ['2026-04-01'],
      description:
        'Business date YYYY-MM-DD (WIB), today or later, from which the new values apply',
    }),
    reason: Text(500),
    subsidyEligibilityDays: Type.Optional(SETTINGS.subsidyEligibilityDays),
    replenishmentCoverDays: Type.Optional(SETTINGS.replenishmentCoverDays),
    salesWindowDays: Type.Optional(SETTINGS.salesWindowDays),
    sessionHours: Type.Optional(SETTINGS.sessionHours),
  },
  { additionalProperties: false },
);
