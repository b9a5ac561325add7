import { DomainError } from '../shared/errors.ts';
import type { ReversalPlan } from './plan-reversal.ts';

/** Who asks for a reversal: the user and their memberships. */
export interface Reverser {
  userId: string;
  memberships: { orgId: string; role: string }[];
}

/**
 * Who may reverse a document (the fine rule under the `reverseDocument`
 * gate): a hub admin of the document's hub, anything of its network; the
 * manager of the cooperative, the cooperative's own documents; a cashier of
 * the cooperative, only a sale they recorded themselves, on its own day
 * (`today`, WIB). Throws `Forbidden` otherwise.
 */
export function checkReversalRight(
  who: Reverser,
  plan: Pick<ReversalPlan, 'hubId' | 'owner' | 'coopId' | 'docType' | 'sale'>,
  today: string,
): void {
  const has = (role: string, orgId: string | null) =>
    orgId !== null && who.memberships.some((m) => m.role === role && m.orgId === orgId);
  if (has('hub_admin', plan.hubId)) return;
  if (plan.owner === 'cooperative') {
    if (has('coop_manager', plan.coopId)) return;
    if (
      has('coop_cashier', plan.coopId) &&
      plan.docType === 'sale' &&
      plan.sale?.recordedBy === who.userId &&
      plan.sale.saleDate === today
    )
      return;
  }
  throw new DomainError('Forbidden', {
    message:
      plan.owner === 'hub'
        ? 'Hanya admin hub yang dapat membatalkan dokumen hub'
        : 'Kasir hanya dapat membatalkan penjualannya sendiri hari ini; selebihnya oleh pengurus koperasi',
    messageEn:
      plan.owner === 'hub'
        ? "Only a hub admin may reverse the hub's documents"
        : 'A cashier may void only their own sale of today; anything else needs the manager',
  });
}
