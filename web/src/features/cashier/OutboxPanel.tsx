import { useCachedTranslation } from '../../app/i18n.ts';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useState } from 'react';
import { instantWib, rupiah } from '../../ui/format.ts';
import { RefusedList } from './Choices.tsx';
import { DepositOutbox } from './DepositOutbox.tsx';
import { dismissSale, type OutboxSale } from './outbox.ts';
import type { SyncStatus } from './sync.ts';
import { VoidBadge, VoidDialog, VoidSaleButton, type HistoryRow } from './VoidSale.tsx';
import { voidStateOf } from './void-sale.ts';
import './strings.ts';

/** Today's business date in WIB of an instant. */
const wibDay = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The top of the till: today's sales (the server's and this device's sales still waiting to be
 * sent) and, when offline, that sales are kept on the device.
 */
export const SyncBar = memo(function SyncBar({
  todaySales,
  sales,
  status,
}: {
  todaySales: number | undefined;
  sales: OutboxSale[];
  status: SyncStatus;
}) {
  const { t } = useCachedTranslation('cashier');
  const today = wibDay(new Date().toISOString());
  const waiting = sales
    .filter((s) => s.state === 'waiting' && wibDay(s.sale.occurredAt) === today)
    .reduce((sum, s) => sum + s.total, 0);
  return (
    <>
      {status.kind === 'offline' && (
        <p className="warn offline-top" data-testid="offline-top">
          {t('offlineTop')}
        </p>
      )}
      {todaySales !== undefined && (
        <p className="muted" data-testid="today-sales">
          {t('todaySales', { amount: rupiah(todaySales + waiting) })}
          {waiting > 0 && ` ${t('todayWaiting', { amount: rupiah(waiting) })}`}
        </p>
      )}
    </>
  );
});

/**
 * What happened to each sale of this device: waiting, sent, or refused with the server's reason.
 * Refused sales stay listed until the manager deals with them; they never hold the others back.
 */
export const OutboxPanel = memo(function OutboxPanel({
  coopId,
  sales,
  status,
}: {
  coopId: string;
  sales: OutboxSale[];
  status: SyncStatus;
}) {
  const { t, i18n } = useCachedTranslation('cashier');
  const { t: tv } = useCachedTranslation('corrections', { keyPrefix: 'void' });
  // The sale being voided: kept here, not in its row, which changes once the sale is voided.
  const [voiding, setVoiding] = useState<OutboxSale | null>(null);
  const client = useQueryClient();
  const sent = sales.filter((s) => s.state === 'sent').length;
  useEffect(() => {
    // What the outbox sent shows in today's sales once the server has it.
    if (sent > 0) void client.invalidateQueries({ queryKey: ['dashboard', coopId] });
  }, [sent, client, coopId]);
  const waiting = sales.filter((s) => s.state === 'waiting');
  const refused = sales.filter((s) => s.state === 'refused');
  const voided = sales.filter((s) => voidStateOf(s) !== 'none');
  const reversalsWaiting = sales.filter((s) => s.reversal?.state === 'waiting').length;
  const recent = sales.slice(0, 10);
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outboxTitle')}</h2>
      <p
        role="status"
        className={status.kind === 'offline' ? 'warn' : 'muted'}
        data-testid="sync-status"
      >
        {status.kind === 'offline'
          ? t('syncOffline', {
              count: waiting.length,
              seconds: Math.round(status.retryInMs / 1000),
            })
          : status.kind === 'signedOut'
            ? t('syncSignedOut', { count: waiting.length })
            : waiting.length > 0
              ? t('syncSending', { count: waiting.length })
              : t('syncAllSent')}
      </p>
      <p className="muted" data-testid="outbox-counts">
        {t('outboxCounts', {
          waiting: waiting.length,
          sent: sales.filter((s) => s.state === 'sent').length,
          refused: refused.length,
        })}
      </p>
      {voided.length > 0 && (
        <p className="muted" data-testid="outbox-voids">
          {tv('voidCounts', { count: voided.length, waiting: reversalsWaiting })}
        </p>
      )}
      <RefusedList
        title={t('refusedTitle', { count: refused.length })}
        items={refused.map((s) => ({
          id: s.id,
          text: `${instantWib(s.sale.occurredAt, i18n.language)} · ${rupiah(s.total)} — ${s.message || s.code}`,
          dismissLabel: t('dismissRefused', { amount: rupiah(s.total) }),
          onDismiss: () => void dismissSale(s.id),
        }))}
      />
      {recent.length > 0 && (
        <ul className="outbox-list">
          {recent.map((s) => (
            <OutboxRow key={s.id} sale={s} lang={i18n.language} onVoid={setVoiding} />
          ))}
        </ul>
      )}
      {voiding && (
        <VoidDialog sale={voiding} lang={i18n.language} onClose={() => setVoiding(null)} />
      )}
      <DepositOutbox coopId={coopId} lang={i18n.language} />
    </section>
  );
});

/**
 * One sale of the list, with its void ("Batalkan", or what became of the void); re-rendered only
 * when its state or its reversal's changes (the list is re-read on every change).
 */
const OutboxRow = memo(
  function OutboxRow({ sale, lang, onVoid }: HistoryRow) {
    const { t } = useCachedTranslation('cashier');
    const { state, total } = sale;
    const voided = voidStateOf(sale) !== 'none';
    return (
      <li data-state={state}>
        <span>
          {instantWib(sale.sale.occurredAt, lang)}
          {sale.member && ` · ${sale.member.memberNo} ${sale.member.name}`}
        </span>
        <span className="num">
          {voided ? <del className="reversed-amount">{rupiah(total)}</del> : rupiah(total)}
        </span>
        {state === 'voided' ? (
          <VoidBadge sale={sale} />
        ) : (
          <span className={`badge state-${state}`}>{t(`state_${state}`)}</span>
        )}
        {state !== 'voided' && (
          <span className="row-actions">
            <VoidBadge sale={sale} />
            <VoidSaleButton sale={sale} lang={lang} onVoid={onVoid} />
          </span>
        )}
        {state === 'sent' && sale.message && (
          <small className="row-note muted">{sale.message}</small>
        )}
      </li>
    );
  },
  (a, b) =>
    a.lang === b.lang &&
    a.onVoid === b.onVoid &&
    a.sale.id === b.sale.id &&
    a.sale.state === b.sale.state &&
    a.sale.reversal?.state === b.sale.reversal?.state,
);
