import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { mayReverse } from './may-reverse.ts';
import { ReverseAction } from './ReverseAction.tsx';
import './strings.ts';

/**
 * "Batalkan" on a Sembako order picked up at this cooperative (the sale there and the participant's
 * deduction undone), for its manager or the hub admin; "Dibatalkan" once reversed.
 */
export function SembakoOrderReversal({
  order,
  cooperativeId,
  onReversed,
}: {
  order: {
    id: string;
    status: string;
    packageName: string;
    participantName: string;
    reversed?: boolean;
  };
  cooperativeId: string;
  /** Looks the order up again, so that the desk shows it reversed. */
  onReversed?: () => void;
}) {
  const { t } = useTranslation('corrections');
  const { me } = useSession();
  const reversed = order.reversed === true;
  const allowed = mayReverse(me?.memberships ?? [], { docType: 'sembako_order', cooperativeId });
  if (order.status !== 'picked_up' && !reversed) return null;
  if (!allowed && !reversed) return null;
  return (
    <ReverseAction
      target={{
        docType: 'sembako_order',
        docId: order.id,
        what: `${t('doc.sembako_order')} ${order.packageName} · ${order.participantName}`,
        ...(onReversed ? { onReversed } : {}),
      }}
      reversed={reversed}
      allowed={allowed}
    />
  );
}
