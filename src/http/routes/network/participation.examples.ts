import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CreateParticipationBody,
  EndParticipationBody,
  ParticipationState,
  UpdateParticipationBody,
} from './participation.schemas.ts';

export const createParticipationExample: Static<typeof CreateParticipationBody> = {
  agreementNo: 'PKS/KANA-JBI/001/2026',
  startDate: '2026-01-01',
  exposureLimit: 50_000_000,
};

export const updateParticipationExample: Static<typeof UpdateParticipationBody> = {
  effectiveFrom: '2026-04-01',
  reason: 'Adendum PKS No. 2: penjualan stabil tiga bulan, batas dinaikkan',
  exposureLimit: 75_000_000,
};

export const endParticipationExample: Static<typeof EndParticipationBody> = {
  endDate: '2026-06-30',
  reason: 'PKS tidak diperpanjang atas permintaan rapat anggota',
};

const first = {
  exposureLimit: 50_000_000,
  monthlySubsidy: 2_000_000,
  settlementPeriod: 'monthly',
  paymentTermsDays: 14,
  graceDays: 7,
  subsidyMode: 'payout',
  monthlySalesPotential: 200_000_000,
} as const;

export const participationExample: Static<typeof ParticipationState> = {
  id: '01936f6e-7c1a-7000-8000-000000000301',
  cooperativeId: EXAMPLE_IDS.coop,
  hubId: EXAMPLE_IDS.hub,
  agreementNo: 'PKS/KANA-JBI/001/2026',
  startDate: '2026-01-01',
  ...first,
  exposureLimit: 75_000_000,
  termsFrom: '2026-04-01',
  history: [
    {
      effectiveFrom: '2026-04-01',
      ...first,
      exposureLimit: 75_000_000,
      reason: updateParticipationExample.reason,
      changedBy: '01936f6e-7c1a-7000-8000-000000000901',
      changedByName: 'Rina Admin Hub',
      createdAt: '2026-03-25T03:10:00.000Z',
    },
    {
      effectiveFrom: '2026-01-01',
      ...first,
      reason: 'Perjanjian awal',
      changedBy: '01936f6e-7c1a-7000-8000-000000000901',
      changedByName: 'Rina Admin Hub',
      createdAt: '2025-12-15T03:00:00.000Z',
    },
  ],
};
