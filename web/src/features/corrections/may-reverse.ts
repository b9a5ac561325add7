import type { DocType } from './reversal-api.ts';

interface Membership {
  orgId: string;
  orgKind: string;
  role: string;
}

/** Documents of the hub (it records them); the rest are the cooperative's. */
const HUB_DOCUMENTS: readonly DocType[] = ['goods_receipt', 'payment', 'subsidy_grant'];

/**
 * Whether the signed-in user is offered "Batalkan" on a document (the server decides again, as
 * `checkReversalRight` does): the hub's admin any document of its network; the cooperative's manager
 * the cooperative's own documents (not the hub's: payments, goods receipts, subsidies); a cashier
 * only its own sale (`own`: a sale of its device) of today.
 */
export function mayReverse(
  memberships: readonly Membership[],
  doc: { docType: DocType; cooperativeId?: string; date?: string; today?: string; own?: boolean },
): boolean {
  return memberships.some((m) => {
    if (m.orgKind === 'hub') return m.role === 'hub_admin';
    if (m.orgKind !== 'cooperative' || m.orgId !== doc.cooperativeId) return false;
    if (HUB_DOCUMENTS.includes(doc.docType)) return false;
    if (m.role === 'coop_manager') return true;
    return (
      m.role === 'coop_cashier' &&
      doc.docType === 'sale' &&
      doc.own === true &&
      doc.date !== undefined &&
      doc.date === doc.today
    );
  });
}
