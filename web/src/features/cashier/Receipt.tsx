import { useLayoutEffect, useRef } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import { instantWib, rupiah } from '../../ui/format.ts';
import {
  RECEIPT_LABELS,
  receiptLang,
  receiptLineTotal,
  receiptNumber,
  whatsAppLink,
  type Receipt as ReceiptData,
} from './receipt-text.ts';
import './strings.ts';
import './cashier.css';

/**
 * The receipt of a finished sale: on screen, printed on a 58-mm thermal
 * printer (the browser's print; cashier.css prints only the receipt) or sent
 * as text through WhatsApp.
 */
export function Receipt({ receipt, onNew }: { receipt: ReceiptData; onNew: () => void }) {
  const { t, i18n } = useCachedTranslation('cashier', { keyPrefix: 'receipt' });
  const lang = receiptLang(i18n.language);
  const l = RECEIPT_LABELS[lang];
  const heading = useRef<HTMLHeadingElement>(null);
  // The receipt replaces the cart and its finish button, which had the focus: the focus moves to the
  // receipt's heading before the first paint (one layout, no extra frame), without scrolling (the
  // receipt is already where the cashier is looking).
  useLayoutEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [receipt.saleId]);
  const cash =
    receipt.paymentMethod === 'cash' &&
    receipt.cashReceived !== undefined &&
    receipt.change !== undefined;
  return (
    <section className="receipt-screen" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      <article className="receipt" data-testid="receipt">
        <p className="receipt-coop">{receipt.cooperativeName}</p>
        <p className="receipt-meta">
          {l.receipt} {receiptNumber(receipt.saleId)}
        </p>
        <p className="receipt-meta">{instantWib(receipt.occurredAt, lang)}</p>
        {receipt.member && (
          <p className="receipt-meta" data-testid="receipt-member">
            {l.member}: {receipt.member.memberNo} {receipt.member.name}
          </p>
        )}
        <ul className="receipt-lines">
          {receipt.lines.map((line, i) => (
            <li key={i}>
              <p>{line.name}</p>
              <p className="receipt-calc">
                <span>
                  {line.qty} × {rupiah(line.unitPrice)}
                </span>
                <span>{rupiah(receiptLineTotal(line))}</span>
              </p>
            </li>
          ))}
        </ul>
        <dl className="receipt-sums">
          <div className="receipt-total">
            <dt>{l.total}</dt>
            <dd data-testid="receipt-total">{rupiah(receipt.total)}</dd>
          </div>
          <div>
            <dt>{l.method}</dt>
            <dd>{l[receipt.paymentMethod]}</dd>
          </div>
          {cash && (
            <>
              <div>
                <dt>{l.cashReceived}</dt>
                <dd>{rupiah(receipt.cashReceived!)}</dd>
              </div>
              <div>
                <dt>{l.change}</dt>
                <dd data-testid="receipt-change">{rupiah(receipt.change!)}</dd>
              </div>
            </>
          )}
        </dl>
        <p className="receipt-thanks">{l.thanks}</p>
      </article>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a
          className="button secondary"
          href={whatsAppLink(receipt, lang)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('share')}
        </a>
        <button type="button" className="secondary" onClick={onNew}>
          {t('newSale')}
        </button>
      </div>
    </section>
  );
}
