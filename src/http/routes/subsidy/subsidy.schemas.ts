import { Type } from 'typebox';
import { BusinessDate, Id, List, Month, Nullable, Rupiah, Text } from '../../schemas.ts';

const S = Type.String();
const I = Type.Integer();

/** One cooperative's line of a run: what the run (or marking paid) answers. */
export const SubsidyItem = Type.Object({
  cooperativeId: Type.String(),
  amount: Rupiah,
  eligible: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  status: Type.String(),
  activeDays: Type.Integer(),
  daysInMonth: Type.Integer(),
});

export const SubsidyGrant = Type.Object({
  orgId: S,
  cooperativeId: Type.Optional(S),
  id: S,
  hubId: S,
  runId: S,
  month: S,
  participationId: S,
  activeDays: I,
  daysInMonth: I,
  amount: Rupiah,
  eligible: Type.Boolean(),
  reason: Nullable(S),
  mode: S,
  status: S,
  grantedOn: S,
  settledOn: Nullable(S),
  paidReference: Nullable(S),
  statementId: Nullable(S),
  reversed: Type.Optional(
    Type.Boolean({
      description: 'Reversed by a reversing document (reverseDocument): shown as such',
    }),
  ),
  reversalId: Type.Optional(Type.String({ description: 'The reversal that undid it' })),
});

export const SubsidyGrantList = List(SubsidyGrant);

export const RunSubsidyBody = Type.Object(
  { month: Month, date: Type.Optional(BusinessDate) },
  { additionalProperties: false },
);

export const SubsidyRunResult = Type.Object({
  runId: Type.String(),
  month: Type.String(),
  /** The whole month: the grants of earlier runs of the month and this run's. */
  items: Type.Array(SubsidyItem),
  newGrants: Type.Optional(
    Type.Integer({
      minimum: 0,
      description:
        'How many of the items this call granted: all of them on the first run of the month; on a later run, the participations that had no grant for the month yet',
    }),
  ),
});

export const SubsidyRunList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      month: Type.String(),
      runDate: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

export const MonthParams = Type.Object({ month: Month });

export const SubsidyRun = Type.Object({
  runId: Type.String(),
  month: Type.String(),
  items: Type.Array(Type.Object({ ...SubsidyGrant.properties, cooperativeName: Type.String() })),
});

export const GrantParams = Type.Object({ id: Id, month: Month });

export const RunPaidResult = Type.Object({
  month: Type.String(),
  paid: Type.Integer({ description: 'Subsidies marked paid by this request' }),
  total: Type.Integer({ description: 'Their amount in rupiah' }),
});

export const MarkPaidBody = Type.Object(
  { reference: Text(200), paidOn: Type.Optional(BusinessDate) },
  { additionalProperties: false },
);
