import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Notice, ProblemScope } from '../../ui/forms.tsx';
import { CorrectionEnd, UnitsField } from './CorrectionEnd.tsx';
import { businessDate, parseQuantity } from '../../ui/format.ts';
import { correctDeliveryReceipt, type ReceiptCorrectionBody } from './partial-api.ts';
import { useCorrection } from './use-correction.ts';
import { Sheet } from './Sheet.tsx';
import './partial-strings.ts';

/** A product of a received delivery: what was received of it. */
export interface ReceivedLine {
  productId: string;
  name: string;
  received: number;
  /** Units dispatched: what was received can be corrected up to it. */
  dispatched: number;
}

type Direction = 'none' | 'plus' | 'minus';
const MIN_REASON = 3;

/**
 * "Koreksi penerimaan" on a received delivery: per product, units found later (+) or that turned out
 * short (−), and why. Sent as one correction with signed quantities; its client id is fixed when
 * the dialog opens.
 */
export function ReceiptCorrectionDialog({
  deliveryOrderId,
  number,
  lines,
  onClose,
}: {
  deliveryOrderId: string;
  number: string;
  lines: ReceivedLine[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('partialCorrections');
  const [direction, setDirection] = useState<Record<string, Direction>>({});
  const form = useCorrection((body: ReceiptCorrectionBody, id: string) =>
    correctDeliveryReceipt(deliveryOrderId, { ...body, id }),
  );
  const { mutation: correct, qty, reason, setErrors } = form;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (correct.isPending || correct.isSuccess) return;
    const errs: Record<string, string> = {};
    const out: { productId: string; quantity: number }[] = [];
    for (const l of lines) {
      const d = direction[l.productId] ?? 'none';
      if (d === 'none') continue;
      const n = parseQuantity(qty[l.productId] || '0') ?? NaN;
      // Received stays between 0 and what was dispatched.
      const max = d === 'plus' ? l.dispatched - l.received : l.received;
      if (!Number.isInteger(n) || n < 1) errs[l.productId] = t('nothingChosen');
      else if (n > max) errs[l.productId] = t('tooMany', { max });
      else out.push({ productId: l.productId, quantity: d === 'plus' ? n : -n });
    }
    if (out.length === 0 && Object.keys(errs).length === 0) errs.lines = t('noCorrection');
    if (reason.trim().length < MIN_REASON) errs.reason = t('reasonRequired');
    setErrors(errs);
    if (Object.keys(errs).length === 0) correct.mutate({ reason: reason.trim(), lines: out });
  };
  return (
    <Sheet title={t('correctOf', { number })} onClose={onClose}>
      {correct.data ? (
        <Notice>
          {t('correctDone', { date: businessDate(correct.data.date, i18n.language) })}
        </Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <ProblemScope error={correct.error}>
            <p className="muted">{t('correctIntro')}</p>
            {lines.map((l) => (
              <fieldset key={l.productId}>
                <legend>
                  {l.name} · {t('received', { qty: l.received })}
                </legend>
                <Field label={t('directionOf', { product: l.name })}>
                  <select
                    value={direction[l.productId] ?? 'none'}
                    onChange={(e) =>
                      setDirection({
                        ...direction,
                        [l.productId]:
                          e.target.value === 'plus'
                            ? 'plus'
                            : e.target.value === 'minus'
                              ? 'minus'
                              : 'none',
                      })
                    }
                  >
                    <option value="none">{t('none')}</option>
                    <option value="plus">{t('foundLater')}</option>
                    <option value="minus">{t('turnedShort')}</option>
                  </select>
                </Field>
                {(direction[l.productId] ?? 'none') !== 'none' && (
                  <UnitsField
                    productId={l.productId}
                    label={t('correctQtyOf', { product: l.name })}
                    path={form.linePaths(l.productId)}
                    form={form}
                  />
                )}
              </fieldset>
            ))}
            <CorrectionEnd form={form} label={t('correctConfirm')} />
          </ProblemScope>
        </form>
      )}
    </Sheet>
  );
}
