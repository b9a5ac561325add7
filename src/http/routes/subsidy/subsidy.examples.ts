import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type {
  MarkPaidBody,
  RunPaidResult,
  RunSubsidyBody,
  SubsidyGrant,
  SubsidyGrantList,
  SubsidyRun,
  SubsidyRunList,
} from './subsidy.schemas.ts';

const RUN = '01936f6e-7c1a-7000-8000-000000000601';

export const runSubsidyExample: Static<typeof RunSubsidyBody> = { month: '2026-02' };

export const subsidyRunsExample: Static<typeof SubsidyRunList> = {
  items: [
    {
      id: RUN,
      month: '2026-02',
      runDate: '2026-03-02',
      createdAt: '2026-03-02T02:00:00.000Z',
    },
  ],
};

const grant: Static<typeof SubsidyGrant> = {
  orgId: EXAMPLE_IDS.coop,
  id: '01936f6e-7c1a-7000-8000-000000000611',
  hubId: EXAMPLE_IDS.hub,
  runId: RUN,
  month: '2026-02',
  participationId: '01936f6e-7c1a-7000-8000-000000000621',
  activeDays: 28,
  daysInMonth: 28,
  amount: 2_000_000,
  eligible: true,
  reason: null,
  mode: 'payout',
  status: 'accrued',
  grantedOn: '2026-03-02',
  settledOn: null,
  paidReference: null,
  statementId: null,
};

export const subsidyRunExample: Static<typeof SubsidyRun> = {
  runId: RUN,
  month: '2026-02',
  items: [{ ...grant, cooperativeId: EXAMPLE_IDS.coop, cooperativeName: 'KDKMP Simpang IV Sipin' }],
};

export const markSubsidyPaidExample: Static<typeof MarkPaidBody> = {
  reference: 'TRF/SUBSIDI/2026-02/0042',
  paidOn: '2026-03-05',
};

export const cooperativeSubsidiesExample: Static<typeof SubsidyGrantList> = {
  items: [
    {
      ...grant,
      status: 'paid',
      settledOn: '2026-03-05',
      paidReference: 'TRF/SUBSIDI/2026-02',
    },
  ],
};

export const runPaidExample: Static<typeof RunPaidResult> = {
  month: '2026-02',
  paid: 61,
  total: 120_000_000,
};
