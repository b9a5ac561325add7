import type { Static } from 'typebox';
import type { ActivationCodeSummary, ActivationCodesBody } from './activation-codes.schemas.ts';

export const activationCodesBodyExample: Static<typeof ActivationCodesBody> = {
  opd: 'Dinas Pendidikan',
};

export const activationCodeSummaryExample: Static<typeof ActivationCodeSummary> = {
  notActivated: 412,
  withoutCode: 37,
  withCode: 375,
};
