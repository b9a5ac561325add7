import { toDataURL } from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/forms.tsx';
import { rupiah } from '../../ui/format.ts';
import { dynamicQris, type QrisMerchant } from './qris.ts';
import './strings.ts';
import './cashier.css';

/**
 * A dynamic QRIS for `amount` rupiah of the cooperative's merchant (EMVCo
 * merchant-presented, built by `dynamicQris`), drawn as a QR code the buyer
 * scans; the cashier confirms the payment once it has arrived.
 */
export function QrisPayment({
  merchant,
  amount,
  paying,
  error,
  onPaid,
  onCancel,
}: {
  merchant: QrisMerchant;
  amount: number;
  paying: boolean;
  error: unknown;
  onPaid: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('cashier', { keyPrefix: 'qrisPayment' });
  const payload = useMemo(() => dynamicQris(merchant, amount), [merchant, amount]);
  const [image, setImage] = useState<{ payload: string; src: string } | 'failed'>();
  useEffect(() => {
    let live = true;
    // Error correction M and the standard 4-module quiet zone; 8 px a module before CSS scaling.
    toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 8 }).then(
      (src) => live && setImage({ payload, src }),
      () => live && setImage('failed'),
    );
    return () => {
      live = false;
    };
  }, [payload]);
  const amountText = rupiah(amount);
  return (
    <section className="qris-payment" aria-labelledby="qris-title">
      <h2 id="qris-title">{t('title')}</h2>
      <p className="qris-amount" data-testid="qris-amount">
        {amountText}
      </p>
      {image === 'failed' ? (
        <p role="alert" className="state error">
          {t('drawFailed')}
        </p>
      ) : image?.payload === payload ? (
        <img className="qris-code" src={image.src} alt={t('code', { amount: amountText })} />
      ) : (
        <p className="state">{t('drawing')}</p>
      )}
      <p>{t('merchant', { name: merchant.name })}</p>
      <p>{t('nmid', { nmid: merchant.nmid })}</p>
      <p className="muted">{t('scan', { amount: amountText })}</p>
      <ProblemAlert error={error} />
      <div className="actions">
        <button type="button" onClick={onPaid} disabled={paying || image === 'failed'}>
          {paying ? t('saving') : t('paid')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={paying}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
