import { Type } from 'typebox';
import { TRAINING_POSITIONS, type TrainingPosition } from '../../../core/training/index.ts';
import { BusinessDate, Id, List, Nullable, Rupiah, Text, Uuid } from '../../schemas.ts';

/** A training event's own fields. */
const TrainingEventProps = {
  id: Type.String(),
  organizerId: Type.String(),
  title: Type.String(),
  date: Type.String(),
  venue: Type.String(),
  organizerName: Type.String(),
  materials: Nullable(Type.String()),
  createdAt: Type.String(),
};

export const TrainingEventSummary = Type.Object({
  ...TrainingEventProps,
  invited: Type.Integer(),
  attended: Type.Integer(),
  cooperatives: Type.Integer(),
});

export const TrainingEventList = List(TrainingEventSummary);

export const TrainingParticipant = Type.Object({
  id: Type.String(),
  cooperativeId: Type.String(),
  cooperativeName: Type.String(),
  districtName: Type.String(),
  name: Type.String(),
  position: Type.String(),
  attended: Type.Boolean(),
  preScore: Nullable(Type.Integer()),
  postScore: Nullable(Type.Integer()),
  updatedAt: Type.String(),
});

export const TrainingEventDetail = Type.Object({
  ...TrainingEventProps,
  participants: Type.Array(TrainingParticipant),
});

/** An average of test scores, to one decimal place; null without scores. */
const AverageScore = Nullable(Type.Number({ minimum: 0, maximum: 100 }));

const CoverageFiguresProps = {
  cooperatives: Type.Integer(),
  trainedCooperatives: Type.Integer(),
  officersInvited: Type.Integer(),
  officersTrained: Type.Integer(),
  avgPreScore: AverageScore,
  avgPostScore: AverageScore,
};

export const TrainingCoverage = Type.Object({
  month: Type.String(),
  asOf: Type.String(),
  districts: Type.Array(
    Type.Object({
      districtCode: Type.String(),
      districtName: Type.String(),
      ...CoverageFiguresProps,
    }),
  ),
  totals: Type.Object(CoverageFiguresProps),
  items: Type.Array(
    Type.Object({
      cooperativeId: Type.String(),
      name: Type.String(),
      districtName: Type.String(),
      officersInvited: Type.Integer(),
      officersTrained: Type.Integer(),
      avgPreScore: AverageScore,
      avgPostScore: AverageScore,
      participating: Type.Boolean(),
      salesAmount: Rupiah,
      overdueAmount: Rupiah,
      onHold: Type.Boolean(),
    }),
  ),
});

export const TrainingEventParams = Type.Object({ id: Id });

export const CreateTrainingEventBody = Type.Object(
  {
    id: Uuid,
    title: Text(200),
    date: BusinessDate,
    venue: Text(200),
    organizerName: Text(200),
    materials: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

const TestScore = Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], {
  description: 'test score, a whole number 0–100; only for an officer who attended',
});

export const TrainingParticipantsBody = Type.Object(
  {
    participants: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Uuid),
          cooperativeId: Id,
          name: Text(200),
          // One literal per position; Unsafe only gives the union its static type (same JSON).
          position: Type.Unsafe<TrainingPosition>(
            Type.Union(TRAINING_POSITIONS.map((p) => Type.Literal(p))),
          ),
          attended: Type.Optional(Type.Boolean()),
          preScore: Type.Optional(TestScore),
          postScore: Type.Optional(TestScore),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
