import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CooperativeDetail,
  Cooperatives,
  CreateCooperativeBody,
  QrisMerchant,
  QrisMerchantBody,
} from './network.schemas.ts';

const coop = {
  name: 'KDKMP Simpang IV Sipin',
  villageCode: '15.71.01.1001',
  villageName: 'Simpang IV Sipin',
  districtName: 'Telanaipura',
};

export const cooperativesExample: Static<typeof Cooperatives> = {
  items: [
    {
      id: EXAMPLE_IDS.coop,
      ...coop,
      status: 'active',
      exposure: 31_200_000,
      exposureLimit: 50_000_000,
      balanceDue: 12_450_000,
      overdueAmount: 0,
      onHold: false,
      monthSales: 41_250_000,
      monthlyPotential: 200_000_000,
    },
  ],
  nextCursor: 'WyJLREtNUCBTaW1wYW5nIElWIFNpcGluIiwiLi4uIl0',
};

export const createCooperativeExample: Static<typeof CreateCooperativeBody> = {
  name: coop.name,
  villageCode: coop.villageCode,
};

export const cooperativeDetailExample: Static<typeof CooperativeDetail> = {
  id: EXAMPLE_IDS.coop,
  kind: 'cooperative',
  ...coop,
  districtCode: '15.71.01',
  regencyCode: '15.71',
  provinceCode: '15',
  legalNumber: 'AHU-0001234.AH.01.29.TAHUN 2025',
  nikKoperasi: null,
  npwp: null,
  bankName: 'Bank Jambi',
  bankAccountNo: '1234567890',
  bankAccountName: 'KDKMP Simpang IV Sipin',
  paymentReference: 'LMB15710110014',
  status: 'active',
  createdAt: '2025-12-01T02:00:00.000Z',
  participation: {
    orgId: EXAMPLE_IDS.coop,
    id: '01936f6e-7c1a-7000-8000-000000000301',
    hubId: EXAMPLE_IDS.hub,
    program: 'koperasi_manis',
    agreementNo: 'PKS/KANA-JBI/001/2025',
    startDate: '2026-01-01',
    endDate: null,
    exposureLimit: 50_000_000,
    monthlySubsidy: 2_000_000,
    settlementPeriod: 'monthly',
    paymentTermsDays: 14,
    graceDays: 7,
    subsidyMode: 'payout',
    monthlySalesPotential: 200_000_000,
    createdAt: '2025-12-15T03:00:00.000Z',
  },
  officers: [
    {
      orgId: EXAMPLE_IDS.coop,
      id: '01936f6e-7c1a-7000-8000-000000000311',
      role: 'ketua',
      name: 'Siti Aminah',
      phone: '0812-7400-1001',
    },
  ],
};

export const qrisMerchantBodyExample: Static<typeof QrisMerchantBody> = {
  nmid: 'ID1026157100001',
  mcc: '5411',
  name: 'KDKMP Simpang IV Sipin',
  city: 'KOTA JAMBI',
  postalCode: '36124',
  criteria: 'UMI',
};

export const qrisMerchantExample: Static<typeof QrisMerchant> = {
  cooperativeId: EXAMPLE_IDS.coop,
  ...qrisMerchantBodyExample,
  postalCode: '36124',
  updatedAt: '2026-03-01T02:15:00.000Z',
};
