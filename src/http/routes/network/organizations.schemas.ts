import { Type } from 'typebox';
import { OneOf, Text } from '../../schemas.ts';

const Kind = OneOf(['government', 'employer'] as const, {
  description:
    'government: a Dinas, a Pemkot (program sponsor); employer: a payroll employer of the staple program',
});
const RegionCode = Type.String({
  pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2})?)?$',
  maxLength: 8,
  examples: ['15.71'],
  description:
    'Kemendagri code of the region it serves: province (15), regency or city (15.71) or district (15.71.01)',
});

export const CreateOrganizationBody = Type.Object(
  { kind: Kind, name: Text(200), regionCode: RegionCode },
  { additionalProperties: false },
);

/** A government body or employer: the region's official name beside its code. */
export const Organization = Type.Object({
  id: Type.String(),
  kind: Kind,
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
});

export const Organizations = Type.Object({ items: Type.Array(Organization) });

export const OrganizationsQuery = Type.Object(
  { kind: Type.Optional(Kind) },
  { additionalProperties: false },
);
