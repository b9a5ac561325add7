import { useEffect, useState } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import { instantWib, rupiah } from '../../ui/format.ts';
import { RefusedList } from './Choices.tsx';
import { dismissDeposit, listDeposits } from './deposit-outbox.ts';
import { onOutboxChange } from './outbox.ts';
import type { OutboxDeposit } from './savings-deposit.ts';
import './strings.ts';

/** The cooperative's deposits on this device, read again whenever the outbox changes. */
function useDeposits(coopId: string) {
  const [deposits, setDeposits] = useState<OutboxDeposit[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void listDeposits(coopId).then((d) => live && setDeposits(d));
    load();
    const unsubscribe = onOutboxChange(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [coopId]);
  return deposits;
}

/**
 * The savings deposits of this device in the outbox panel: waiting, sent, or refused with the
 * server's reason (kept until the cashier removes it; never sent again). Nothing when there are none.
 */
export function DepositOutbox({ coopId, lang }: { coopId: string; lang: string }) {
  const { t } = useCachedTranslation('cashier', { keyPrefix: 'deposit' });
  const { t: tc } = useCachedTranslation('cashier');
  const deposits = useDeposits(coopId);
  if (deposits.length === 0) return null;
  const count = (s: OutboxDeposit['state']) => deposits.filter((d) => d.state === s).length;
  const refused = deposits.filter((d) => d.state === 'refused');
  return (
    <section aria-labelledby="deposit-outbox-title">
      <h3 id="deposit-outbox-title">{t('outboxTitle')}</h3>
      <p className="muted" data-testid="deposit-counts">
        {t('counts', {
          waiting: count('waiting'),
          sent: count('sent'),
          refused: refused.length,
        })}
      </p>
      <RefusedList
        title={t('refusedTitle', { count: refused.length })}
        items={refused.map((d) => ({
          id: d.id,
          text: `${d.member.memberNo} ${d.member.name} · ${t(d.deposit.kind)} ${rupiah(d.deposit.amount)} — ${d.message || d.code}`,
          dismissLabel: t('dismissRefused', {
            amount: rupiah(d.deposit.amount),
            name: d.member.name,
          }),
          onDismiss: () => void dismissDeposit(d.id),
        }))}
      />
      <ul className="outbox-list">
        {deposits.slice(0, 5).map((d) => (
          <li key={d.id} data-state={d.state}>
            <span>
              {instantWib(new Date(d.createdAt).toISOString(), lang)} · {d.member.memberNo}{' '}
              {d.member.name} · {t(d.deposit.kind)}
            </span>
            <span className="num">{rupiah(d.deposit.amount)}</span>
            <span className={`badge state-${d.state}`}>{tc(`state_${d.state}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
