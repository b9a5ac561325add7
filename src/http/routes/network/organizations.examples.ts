import type { Static } from 'typebox';
import { EXAMPLE_IDS } from '../../schemas.ts';
import type { CreateOrganizationBody, Organizations } from './organizations.schemas.ts';

export const createOrganizationExample: Static<typeof CreateOrganizationBody> = {
  kind: 'government',
  name: 'Dinas Koperasi dan UKM Kota Jambi',
  regionCode: '15.71',
};

export const organizationsExample: Static<typeof Organizations> = {
  items: [
    {
      id: EXAMPLE_IDS.dinas,
      kind: 'government',
      name: 'Dinas Koperasi dan UKM Kota Jambi',
      regionCode: '15.71',
      regionName: 'KOTA JAMBI',
    },
    {
      id: '01936f6e-7c1a-7000-8000-0000000000f2',
      kind: 'government',
      name: 'Pemerintah Kota Jambi',
      regionCode: '15.71',
      regionName: 'KOTA JAMBI',
    },
  ],
};
