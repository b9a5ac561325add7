/** Positions of the cooperative officers a training invites (the pengurus, the pengawas and the hired manager). */
export type TrainingPosition = 'ketua' | 'sekretaris' | 'bendahara' | 'pengawas' | 'manager';
export const TRAINING_POSITIONS: TrainingPosition[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'pengawas',
  'manager',
];

/** A training event run by a government office (the owner, `orgId`). */
export interface TrainingEventTable {
  orgId: string;
  id: string;
  title: string;
  eventDate: string;
  venue: string;
  organizerName: string;
  /** Free text: the materials handed out, one per line, links allowed. */
  materials: string | null;
  contentHash: string;
  createdAt: string;
  createdBy: string | null;
}

/** One officer of a cooperative invited to an event: attendance and test scores (0–100). */
export interface TrainingParticipantTable {
  orgId: string;
  eventId: string;
  id: string;
  cooperativeId: string;
  name: string;
  position: TrainingPosition;
  /** 0 or 1. */
  attended: number;
  preScore: number | null;
  postScore: number | null;
  updatedAt: string;
}

export interface TrainingTables {
  trainingEvent: TrainingEventTable;
  trainingParticipant: TrainingParticipantTable;
}
