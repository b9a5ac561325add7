import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  CreateTrainingEventBody,
  TrainingCoverage,
  TrainingEventDetail,
  TrainingEventList,
  TrainingParticipantsBody,
} from './training.schemas.ts';

const event = {
  id: EXAMPLE_IDS.training,
  organizerId: EXAMPLE_IDS.dinas,
  title: 'Pelatihan Pengurus KDKMP: Pembukuan Konsinyasi',
  date: '2026-02-12',
  venue: 'Aula BKPSDM Kota Jambi',
  organizerName: 'Dinas Koperasi dan UKM Kota Jambi',
  materials: 'Modul pembukuan konsinyasi (PDF)',
  createdAt: '2026-02-01T02:00:00.000Z',
};

export const createTrainingEventExample: Static<typeof CreateTrainingEventBody> = {
  id: EXAMPLE_IDS.training,
  title: event.title,
  date: event.date,
  venue: event.venue,
  organizerName: event.organizerName,
  materials: 'Modul pembukuan konsinyasi (PDF)\nhttps://example.org/modul-konsinyasi',
};

export const trainingParticipantsExample: Static<typeof TrainingParticipantsBody> = {
  participants: [
    {
      cooperativeId: EXAMPLE_IDS.coop,
      name: 'Ketua KDKMP Simpang IV Sipin',
      position: 'ketua',
      attended: true,
      preScore: 55,
      postScore: 80,
    },
    {
      cooperativeId: EXAMPLE_IDS.coop,
      name: 'Bendahara KDKMP Simpang IV Sipin',
      position: 'bendahara',
      attended: false,
    },
  ],
};

export const trainingEventsExample: Static<typeof TrainingEventList> = {
  items: [{ ...event, invited: 170, attended: 158, cooperatives: 68 }],
};

export const trainingEventExample: Static<typeof TrainingEventDetail> = {
  ...event,
  participants: [
    {
      id: '01936f6e-7c1a-7000-8000-000000000911',
      cooperativeId: EXAMPLE_IDS.coop,
      cooperativeName: 'KDKMP Simpang IV Sipin',
      districtName: 'Telanaipura',
      name: 'Ketua KDKMP Simpang IV Sipin',
      position: 'ketua',
      attended: true,
      preScore: 55,
      postScore: 80,
      updatedAt: '2026-02-12T09:00:00.000Z',
    },
  ],
};

const figures = {
  cooperatives: 1,
  trainedCooperatives: 1,
  officersInvited: 2,
  officersTrained: 1,
  avgPreScore: 55,
  avgPostScore: 80,
};

export const trainingCoverageExample: Static<typeof TrainingCoverage> = {
  month: '2026-03',
  asOf: '2026-03-10',
  districts: [{ districtCode: '15.71.01', districtName: 'Telanaipura', ...figures }],
  totals: figures,
  items: [
    {
      cooperativeId: EXAMPLE_IDS.coop,
      name: 'KDKMP Simpang IV Sipin',
      districtName: 'Telanaipura',
      officersInvited: 2,
      officersTrained: 1,
      avgPreScore: 55,
      avgPostScore: 80,
      participating: true,
      salesAmount: 41_250_000,
      overdueAmount: 0,
      onHold: false,
    },
  ],
};
