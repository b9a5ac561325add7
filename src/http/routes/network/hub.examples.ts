import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CreateWarehouseBody,
  HubProfile,
  HubSettings,
  UpdateHubProfileBody,
  UpdateHubSettingsBody,
  Warehouses,
} from './hub.schemas.ts';

const ADMIN = '01936f6e-7c1a-7000-8000-000000000a02';

export const hubProfileExample: Static<typeof HubProfile> = {
  id: EXAMPLE_IDS.hub,
  name: 'Koperasi Kana — Cabang Jambi',
  shortCode: 'KANA-JBI',
  legalNumber: 'AHU-0001234.AH.01.26.TAHUN 2020',
  nikKoperasi: '3578010020000123',
  npwp: '012345678901000',
  bankName: 'Bank Mandiri',
  bankAccountNo: '1100012345678',
  bankAccountName: 'Koperasi Kana',
  address: 'Jl. Hayam Wuruk No. 10, Jelutung, Kota Jambi',
  regionCode: '15.71',
  regionName: 'KOTA JAMBI',
};

export const updateHubProfileExample: Static<typeof UpdateHubProfileBody> = {
  shortCode: 'KANA-JBI',
  npwp: '01.234.567.8-901.000',
  bankName: 'Bank Mandiri',
  bankAccountNo: '110-0012345678',
  bankAccountName: 'Koperasi Kana',
};

export const warehousesExample: Static<typeof Warehouses> = {
  items: [
    {
      id: '01936f6e-7c1a-7000-8000-0000000000e1',
      name: 'Gudang Utama',
      address: 'Jl. Lingkar Selatan KM 5, Kota Jambi',
      isDefault: true,
    },
    {
      id: '01936f6e-7c1a-7000-8000-0000000000e2',
      name: 'Gudang Talang Banjar',
      address: null,
      isDefault: false,
    },
  ],
};

export const createWarehouseExample: Static<typeof CreateWarehouseBody> = {
  name: 'Gudang Talang Banjar',
  address: 'Jl. Sumantri Brojonegoro No. 2, Kota Jambi',
};

const defaults = {
  subsidyEligibilityDays: 30,
  replenishmentCoverDays: 14,
  salesWindowDays: 28,
  sessionHours: 12,
};

export const hubSettingsExample: Static<typeof HubSettings> = {
  today: '2026-03-10',
  values: { ...defaults, subsidyEligibilityDays: 45 },
  since: {
    subsidyEligibilityDays: '2026-03-01',
    replenishmentCoverDays: null,
    salesWindowDays: null,
    sessionHours: null,
  },
  defaults,
  history: [
    {
      key: 'sessionHours',
      value: 8,
      effectiveFrom: '2026-04-01',
      reason: 'Kasir memakai HP bersama',
      changedBy: ADMIN,
      changedByName: 'Admin Hub',
      changedAt: '2026-03-10T03:00:00.000Z',
    },
    {
      key: 'subsidyEligibilityDays',
      value: 45,
      effectiveFrom: '2026-03-01',
      reason: 'Keputusan rapat pengurus 27 Februari 2026',
      changedBy: ADMIN,
      changedByName: 'Admin Hub',
      changedAt: '2026-02-27T08:00:00.000Z',
    },
  ],
};

export const updateHubSettingsExample: Static<typeof UpdateHubSettingsBody> = {
  effectiveFrom: '2026-04-01',
  reason: 'Kasir memakai HP bersama',
  sessionHours: 8,
};
