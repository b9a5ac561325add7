import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Notice, ProblemScope } from '../../ui/forms.tsx';
import { CorrectionEnd, UnitsField } from './CorrectionEnd.tsx';
import { businessDate, rupiah, parseQuantity } from '../../ui/format.ts';
import { refundSale, type RefundBody } from './partial-api.ts';
import { useCorrection } from './use-correction.ts';
import { refundAmountOf, type Returnable } from './refund-lines.ts';
import { Sheet } from './Sheet.tsx';
import './partial-strings.ts';

const MIN_REASON = 3;

/**
 * "Retur pembeli" on one sale: per product the units returned (at most what was sold and not yet
 * returned), how the money goes back and why; the amount is shown before anything is sent. The
 * refund's client id is fixed when the dialog opens (a retry is the same refund).
 */
export function RefundDialog({
  coopId,
  saleId,
  what,
  products,
  onClose,
}: {
  coopId: string;
  saleId: string;
  what: string;
  products: Returnable[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('partialCorrections');
  const [method, setMethod] = useState<'cash' | 'qris'>('cash');
  const form = useCorrection((body: RefundBody, id: string) =>
    refundSale(coopId, saleId, { ...body, id }),
  );
  const { mutation: refund, qty, reason, setErrors } = form;
  const units = (p: Returnable) => {
    const n = parseQuantity(qty[p.productId] || '0') ?? NaN;
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  const left = products.filter((p) => p.prices.length > 0);
  const amount = left.reduce(
    (s, p) => s + refundAmountOf(p, Math.min(units(p), p.prices.length)),
    0,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (refund.isPending || refund.isSuccess) return;
    const errs: Record<string, string> = {};
    for (const p of left)
      if (units(p) > p.prices.length) errs[p.productId] = t('tooMany', { max: p.prices.length });
    const lines = left
      .filter((p) => units(p) > 0)
      .map((p) => ({ productId: p.productId, quantity: units(p) }));
    if (lines.length === 0) errs.lines = t('nothingChosen');
    if (reason.trim().length < MIN_REASON) errs.reason = t('reasonRequired');
    setErrors(errs);
    if (Object.keys(errs).length === 0) refund.mutate({ reason: reason.trim(), lines, method });
  };
  return (
    <Sheet title={t('refundOf', { what })} onClose={onClose}>
      {refund.data ? (
        <Notice>
          {t('refundDone', {
            date: businessDate(refund.data.date, i18n.language),
            amount: rupiah(refund.data.amount),
          })}
        </Notice>
      ) : left.length === 0 ? (
        <p className="state">{t('nothingLeft')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ProblemScope error={refund.error}>
            <p className="muted">{t('refundIntro')}</p>
            {left.map((p) => (
              <UnitsField
                key={p.productId}
                productId={p.productId}
                label={t('quantityOf', { product: p.name, max: p.prices.length })}
                hint={t('soldLine', { sold: p.sold, refunded: p.refunded })}
                max={p.prices.length}
                path={form.linePaths(p.productId)}
                form={form}
              />
            ))}
            <Field label={t('method')} path="/method">
              <select
                value={method}
                onChange={(e) => setMethod(e.target.value === 'qris' ? 'qris' : 'cash')}
              >
                <option value="cash">{t('cash')}</option>
                <option value="qris">{t('qris')}</option>
              </select>
            </Field>
            <CorrectionEnd
              form={form}
              hint={t('reasonHint')}
              label={t('refundConfirm', { amount: rupiah(amount) })}
            >
              <dl className="facts">
                <div>
                  <dt>{t('refundAmount')}</dt>
                  <dd>
                    <strong data-testid="refund-amount">{rupiah(amount)}</strong>
                  </dd>
                </div>
              </dl>
            </CorrectionEnd>
          </ProblemScope>
        </form>
      )}
    </Sheet>
  );
}
