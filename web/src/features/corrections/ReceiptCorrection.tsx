import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useProducts } from '../cooperative/products.ts';
import { mayReverse } from './may-reverse.ts';
import { ReceiptCorrectionDialog } from './ReceiptCorrectionDialog.tsx';
import { previewReversal } from './reversal-api.ts';
import { ReverseAction } from './ReverseAction.tsx';
import './partial-strings.ts';
import './strings.ts';

/** "Koreksi penerimaan" of one delivery order: its received lines loaded, then the dialog. */
export function DeliveryReceiptCorrection({
  deliveryOrderId,
  number,
  onClose,
}: {
  deliveryOrderId: string;
  number: string;
  onClose: () => void;
}) {
  const products = useProducts();
  const order = useQuery({
    queryKey: ['deliveryOrder', deliveryOrderId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/delivery-orders/{id}', {
          params: { path: { id: deliveryOrderId } },
        }),
      ),
  });
  return (
    <QueryState query={order}>
      {(o) => (
        <ReceiptCorrectionDialog
          deliveryOrderId={deliveryOrderId}
          number={number}
          lines={o.lines.map((l) => ({
            productId: l.productId,
            name: products.data?.find((p) => p.id === l.productId)?.name ?? l.productId,
            received: l.qtyReceived ?? 0,
            dispatched: l.qty,
          }))}
          onClose={onClose}
        />
      )}
    </QueryState>
  );
}

/**
 * The corrections of a received delivery on its own page: "Batalkan" the receipt (or "Dibatalkan",
 * its reversal) and "Koreksi penerimaan", for those who may (the hub admin, the cooperative's manager).
 */
export function ReceivedDeliveryActions({
  order,
}: {
  order: { id: string; number: string; status: string; cooperativeId: string };
}) {
  const { t: tc } = useTranslation('corrections');
  const { t } = useTranslation('partialCorrections');
  const { me } = useSession();
  const [correcting, setCorrecting] = useState(false);
  const allowed = mayReverse(me?.memberships ?? [], {
    docType: 'delivery_receipt',
    cooperativeId: order.cooperativeId,
  });
  const received = order.status === 'received';
  const state = useQuery({
    queryKey: ['reversal', 'delivery_receipt', order.id],
    enabled: received,
    queryFn: () => previewReversal('delivery_receipt', order.id),
  });
  if (!received || !state.data) return null;
  const reversed = state.data.reversedBy !== undefined && state.data.reversedBy !== null;
  if (!allowed && !reversed) return null;
  return (
    <ReverseAction
      target={{
        docType: 'delivery_receipt',
        docId: order.id,
        what: `${tc('doc.delivery_receipt')} ${order.number}`,
      }}
      reversed={reversed}
      allowed={allowed}
    >
      {allowed && !reversed && (
        <button type="button" className="secondary" onClick={() => setCorrecting(true)}>
          {t('correct')}
        </button>
      )}
      {correcting && (
        <DeliveryReceiptCorrection
          deliveryOrderId={order.id}
          number={order.number}
          onClose={() => setCorrecting(false)}
        />
      )}
    </ReverseAction>
  );
}
