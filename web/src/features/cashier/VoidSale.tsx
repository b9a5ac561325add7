import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useCachedTranslation } from '../../app/i18n.ts';
import { Notice } from '../../ui/forms.tsx';
import { instantWib, rupiah } from '../../ui/format.ts';
import { ReasonForm } from '../corrections/ReasonForm.tsx';
import { Sheet } from '../corrections/Sheet.tsx';
import '../corrections/strings.ts';
import { voidSale, type OutboxSale } from './outbox.ts';
import { canVoid, voidStateOf, wibDate, type VoidKind } from './void-sale.ts';

/** A sale of the cashier's history, and how to open its void. */
export interface HistoryRow {
  sale: OutboxSale;
  lang: string;
  onVoid: (sale: OutboxSale) => void;
}

/**
 * "Batalkan" on a sale of today in the cashier's history: works offline. It opens `VoidDialog`,
 * whose state the history keeps (the row changes, or goes, once the sale is voided).
 */
export function VoidSaleButton({ sale, lang, onVoid }: HistoryRow) {
  const { t } = useCachedTranslation('corrections', { keyPrefix: 'void' });
  if (!canVoid(sale, wibDate(Date.now()))) return null;
  const time = instantWib(sale.sale.occurredAt, lang);
  return (
    <button
      type="button"
      className="secondary reverse"
      aria-label={t('buttonOf', { time, amount: rupiah(sale.total) })}
      onClick={() => onVoid(sale)}
    >
      {t('button')}
    </button>
  );
}

/**
 * What voiding the sale will do (dropped from the queue, or a reversal queued), the reason, and
 * the void, written to the outbox.
 */
export function VoidDialog({
  sale,
  lang,
  onClose,
}: {
  sale: OutboxSale;
  lang: string;
  onClose: () => void;
}) {
  const time = instantWib(sale.sale.occurredAt, lang);
  const { t } = useCachedTranslation('corrections', { keyPrefix: 'void' });
  // Fixed when the dialog opens: pressing again writes the same reversal, never a second one.
  const [reversalId] = useState(() => uuidv7());
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<VoidKind | null>(null);
  const [saving, setSaving] = useState(false);
  const confirm = async (reason: string) => {
    if (saving || done) return;
    setSaving(true);
    try {
      setDone(await voidSale(sale.id, { reason, reversalId, today: wibDate(Date.now()) }));
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Sheet title={t('title', { time })} onClose={onClose}>
      <ul className="reversal-stock">
        {sale.sale.lines.map((l) => (
          <li key={l.productId}>
            {l.qty} × {sale.names[l.productId] ?? l.productId} · {rupiah(l.unitPrice * l.qty)}
          </li>
        ))}
      </ul>
      <p>
        <strong>{rupiah(sale.total)}</strong>
      </p>
      {done ? (
        <Notice>{done === 'local' ? t('doneLocal') : t('doneReversal')}</Notice>
      ) : (
        <>
          <p className="muted">
            {sale.state === 'sent' ? t('sent', { amount: rupiah(sale.total) }) : t('unsent')}
          </p>
          <ReasonForm
            onConfirm={(reason) => void confirm(reason)}
            error={error}
            pending={saving}
            label={t('confirm')}
            busyLabel={t('confirming')}
          />
        </>
      )}
    </Sheet>
  );
}

/** The badge of a voided sale in the history, or null when it stands. */
export function VoidBadge({ sale }: { sale: OutboxSale }) {
  const { t } = useCachedTranslation('corrections', { keyPrefix: 'void' });
  const state = voidStateOf(sale);
  if (state === 'none') return null;
  return (
    <span
      className={`badge ${state === 'reversalRefused' ? 'state-refused' : 'reversed'}`}
      title={
        state === 'reversalRefused'
          ? (sale.reversal?.message ?? '')
          : (sale.voidReason ?? sale.reversal?.reason)
      }
    >
      {t(state)}
    </span>
  );
}
