import type { Static } from 'typebox';
import type { Regions } from './regions.schemas.ts';

export const regionsExample: Static<typeof Regions> = {
  items: [
    { code: '15.71.01', name: 'Telanaipura', level: 'district' },
    { code: '15.71.02', name: 'Jambi Selatan', level: 'district' },
  ],
};
