import type { Db } from '../../db/database.ts';
import { findOrganizationById, findParticipation } from '../network/index.ts';

/** How a cooperative pays the hub: the hub's bank account and the reference to write in the transfer's remark. */
export interface PayTo {
  hubName: string;
  bankName: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
  /** The cooperative's payment reference: a transfer whose remark carries it is recognized as its payment. */
  paymentReference: string | null;
}

/** Where the cooperative's payments go (its participation's hub); null for a cooperative that takes part in no program. */
export async function getPayTo(db: Db, coopId: string): Promise<PayTo | null> {
  const participation = await findParticipation(db, coopId);
  if (!participation) return null;
  const [hub, coop] = await Promise.all([
    findOrganizationById(db, participation.hubId),
    findOrganizationById(db, coopId),
  ]);
  return {
    hubName: hub?.name ?? '',
    bankName: hub?.bankName ?? null,
    bankAccountNo: hub?.bankAccountNo ?? null,
    bankAccountName: hub?.bankAccountName ?? null,
    paymentReference: coop?.paymentReference ?? null,
  };
}
