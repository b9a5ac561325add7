export type * from './training.table.ts';
export { TRAINING_POSITIONS } from './training.table.ts';
export {
  averageScoreOneDecimal,
  createTrainingEvent,
  getTrainingCoverage,
  getTrainingEvent,
  isValidScore,
  recordTrainingParticipants,
  type CoverageCooperative,
  type CoverageFigures,
  type ParticipantInput,
  type TrainingCoverage,
  type TrainingEventDetail,
  type TrainingEventInput,
  type TrainingParticipant,
} from './training.service.ts';
export { findTrainingEvents, insertTrainingParticipants } from './training.repository.ts';
export {
  readTrainingCoverage,
  readTrainingEvent,
  readTrainingEvents,
  trainingAudienceOf,
  type TrainingAudience,
} from './training-audience.ts';
