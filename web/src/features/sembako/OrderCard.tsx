import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/forms.tsx';
import { businessDate, instantWib, monthName, rupiah } from '../../ui/format.ts';
import './strings.ts';

/** The QR code of a pickup (payload from the API), drawn in the browser. */
function PickupQr({ payload, code }: { payload: string; code: string }) {
  const { t } = useTranslation('sembako');
  const [image, setImage] = useState<{ payload: string; src: string } | 'failed'>();
  useEffect(() => {
    let live = true;
    toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }).then(
      (src) => live && setImage({ payload, src }),
      () => live && setImage('failed'),
    );
    return () => {
      live = false;
    };
  }, [payload]);
  if (image === 'failed') return null;
  if (image?.payload !== payload) return <p className="state">{t('drawing')}</p>;
  return <img className="pickup-qr" src={image.src} alt={t('qrOf', { code })} />;
}

export type Order = {
  id: string;
  month: string;
  packageName: string;
  qty: number;
  amount: number;
  amountToDeduct: number;
  status: string;
  pickupCooperativeName: string;
  createdAt: string;
  pickedUpAt: string | null;
  pickupCode?: string;
  pickupQr?: string;
  /** Picked up, then undone by a correction: void, nothing deducted. */
  reversed?: boolean;
  reversedOn?: string;
  reversalReason?: string;
};

/** One of the civil servant's orders: its status, amounts, pickup code and QR; cancelled while not picked up. */
export function OrderCard({ programId, order }: { programId: string; order: Order }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const lang = i18n.language;
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/orders/{orderId}/cancel', {
          params: { path: { programId, orderId: order.id } },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'myOrders'] }),
  });
  const status = order.reversed
    ? t('statusReversed')
    : order.status === 'ordered'
      ? t('statusOrdered')
      : order.status === 'picked_up'
        ? t('statusPicked')
        : t('statusCancelled');
  const isVoid = order.status === 'cancelled' || order.reversed;
  return (
    <li className="card order-card">
      <h3>
        {order.packageName} × {order.qty}
      </h3>
      <p>
        <span className={`badge${isVoid ? ' hold' : ''}`}>{status}</span>{' '}
        {monthName(order.month, lang)}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('price')}</dt>
          <dd>{rupiah(order.amount)}</dd>
        </div>
        <div>
          <dt>{t('toDeduct')}</dt>
          <dd>{rupiah(order.amountToDeduct)}</dd>
        </div>
      </dl>
      <p className="muted">
        {order.pickupCooperativeName} · {t('orderedAt', { at: instantWib(order.createdAt, lang) })}
        {order.pickedUpAt && <> · {t('pickedUpAt', { at: instantWib(order.pickedUpAt, lang) })}</>}
      </p>
      {order.reversed && (
        <p className="notice">
          {t('reversedWhy', {
            date: order.reversedOn ? businessDate(order.reversedOn, lang) : '',
            reason: order.reversalReason ?? '',
          })}
        </p>
      )}
      {order.pickupCode && (
        <div className="pickup">
          <p>{t('pickupCode')}</p>
          <p className="pickup-code" data-testid="pickup-code">
            {order.pickupCode}
          </p>
          {order.pickupQr && <PickupQr payload={order.pickupQr} code={order.pickupCode} />}
        </div>
      )}
      <ProblemAlert error={cancel.error} />
      {order.status === 'ordered' && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={cancel.isPending}
            aria-label={t('cancelOrder', { name: order.packageName })}
            onClick={() => cancel.mutate()}
          >
            {cancel.isPending ? t('cancelling') : t('cancelOrder', { name: '' }).trim()}
          </button>
        </div>
      )}
    </li>
  );
}
