import { useTranslation } from 'react-i18next';
import './strings.ts';

/** Where a cooperative's payments go, as the statements list answers it. */
export interface PayTo {
  hubName: string;
  bankName: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
  paymentReference: string | null;
}

/** "Cara pembayaran": the hub's bank account and the reference to write in the transfer's remark. */
export function HowToPay({ payTo }: { payTo: PayTo }) {
  const { t } = useTranslation('settlement');
  return (
    <>
      {payTo.bankAccountNo ? (
        <>
          <p>{t('payToHub', { hub: payTo.hubName })}</p>
          <dl className="facts">
            <div>
              <dt>{t('bank')}</dt>
              <dd>{payTo.bankName ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('accountNo')}</dt>
              <dd>
                <strong>{payTo.bankAccountNo}</strong>
              </dd>
            </div>
            <div>
              <dt>{t('accountName')}</dt>
              <dd>{payTo.bankAccountName ?? '—'}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="state">{t('noBankAccount')}</p>
      )}
      {payTo.paymentReference && (
        <dl className="facts">
          <div>
            <dt>{t('paymentReference')}</dt>
            <dd>
              <strong>{payTo.paymentReference}</strong>
            </dd>
          </div>
        </dl>
      )}
      {payTo.paymentReference && <p className="muted">{t('paymentReferenceHint')}</p>}
    </>
  );
}
