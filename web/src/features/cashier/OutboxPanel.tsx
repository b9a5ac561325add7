import { useCachedTranslation } from '../../app/i18n.ts';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useEffect } from 'react';
import { instantWib, rupiah } from '../../ui/format.ts';
import { dismissSale, type OutboxSale } from './outbox.ts';
import { useOutbox } from './useOutbox.ts';
import './strings.ts';

/**
 * What happened to each sale of this device: waiting, sent, or refused with the server's reason.
 * Refused sales stay listed until the manager deals with them; they never hold the others back.
 */
export const OutboxPanel = memo(function OutboxPanel({ coopId }: { coopId: string }) {
  const { t, i18n } = useCachedTranslation('cashier');
  const { sales, status } = useOutbox(coopId);
  const client = useQueryClient();
  const sent = sales.filter((s) => s.state === 'sent').length;
  useEffect(() => {
    // What the outbox sent shows in today's sales once the server has it.
    if (sent > 0) void client.invalidateQueries({ queryKey: ['dashboard', coopId] });
  }, [sent, client, coopId]);
  const waiting = sales.filter((s) => s.state === 'waiting');
  const refused = sales.filter((s) => s.state === 'refused');
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
      {refused.length > 0 && (
        <div role="alert" className="state error">
          <p>
            <strong>{t('refusedTitle', { count: refused.length })}</strong>
          </p>
          <ul className="refused">
            {refused.map((s) => (
              <li key={s.id}>
                {instantWib(s.sale.occurredAt, i18n.language)} · {rupiah(s.total)} —{' '}
                {s.message || s.code}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void dismissSale(s.id)}
                  aria-label={t('dismissRefused', { amount: rupiah(s.total) })}
                >
                  {t('dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {recent.length > 0 && (
        <ul className="outbox-list">
          {recent.map((s) => (
            <OutboxRow
              key={s.id}
              state={s.state}
              occurredAt={s.sale.occurredAt}
              total={s.total}
              lang={i18n.language}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

/** One sale of the list; re-rendered only when its state changes (the list is re-read on every change). */
const OutboxRow = memo(function OutboxRow({
  state,
  occurredAt,
  total,
  lang,
}: {
  state: OutboxSale['state'];
  occurredAt: string;
  total: number;
  lang: string;
}) {
  const { t } = useCachedTranslation('cashier');
  return (
    <li data-state={state}>
      <span>{instantWib(occurredAt, lang)}</span>
      <span className="num">{rupiah(total)}</span>
      <span className={`badge state-${state}`}>{t(`state_${state}`)}</span>
    </li>
  );
});
