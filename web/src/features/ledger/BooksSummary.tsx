import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { businessDate, monthName, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { StatementsLink } from '../yearend/StatementsLink.tsx';
import { AccountLines } from './BooksAccountLines.tsx';
import { trialBalanceQuery } from './BooksTrialBalance.tsx';
import './strings.ts';

const CASH = ['1101', '1102'] as const;
const COMMISSION = ['4101', '4102'];
const EARNED = [...COMMISSION, '4201'];

/** A detail under a figure, read only once it is opened. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="books-detail" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {open && children}
    </details>
  );
}

/**
 * A cooperative's books in plain words: its cash and bank now, what it owes its hub and by when,
 * and what it earned this month, each with the detail behind it one tap away.
 */
export function BooksSummary({ orgId }: { orgId: string }) {
  const { t } = useTranslation('ledger');
  const id = useId();
  return (
    <section aria-labelledby={id} className="books-summary">
      <h2 id={id}>{t('summary')}</h2>
      <CashNow orgId={orgId} />
      <OwedToHub orgId={orgId} />
      <EarnedThisMonth orgId={orgId} />
    </section>
  );
}

function CashNow({ orgId }: { orgId: string }) {
  const { t } = useTranslation('ledger');
  const today = todayWib();
  const tb = useQuery(trialBalanceQuery(orgId, today));
  return (
    <div className="books-fact">
      <QueryState query={tb}>
        {(d) => {
          const accounts = CASH.map((code) => {
            const rows = d.accounts.filter((a) => a.code === code);
            return {
              code,
              name: rows[0]?.name ?? t(`account_${code}`),
              amount: rows.reduce((s, a) => s + a.debit - a.credit, 0),
            };
          });
          return (
            <>
              <p className="books-headline">
                {t('cashNow')} <strong>{rupiah(accounts.reduce((s, a) => s + a.amount, 0))}</strong>
              </p>
              <p className="muted">
                {accounts.map((a, i) => (
                  <span key={a.code}>
                    {i > 0 && ' · '}
                    <span className="nowrap">
                      {a.name} {rupiah(a.amount)}
                    </span>
                  </span>
                ))}
              </p>
              <Detail label={t('cashDetail')}>
                <AccountLines orgId={orgId} codes={CASH} kind="balance" />
              </Detail>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function OwedToHub({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('ledger');
  const lang = i18n.language;
  const balance = useQuery({
    queryKey: ['balance', orgId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/balance', { params: { path: { id: orgId } } }),
      ),
  });
  const statements = useQuery({
    queryKey: ['statements', orgId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/statements', {
          params: { path: { id: orgId } },
        }),
      ),
  });
  return (
    <div className="books-fact">
      <QueryState query={balance}>
        {(b) => (
          <QueryState query={statements}>
            {(s) => {
              const hub = s.payTo?.hubName ?? t('theHub');
              // The oldest statement not yet paid in full (the list is newest first), as on the dashboard.
              const next = s.items.filter((x) => x.outstanding > 0).at(-1);
              const billed = s.items.reduce((sum, x) => sum + x.outstanding, 0);
              const unbilled = billed > 0 ? b.balanceDue - billed : 0;
              return (
                <>
                  <p className="books-headline">
                    {b.balanceDue < 0 ? t('creditWith', { hub }) : t('owedTo', { hub })}{' '}
                    <strong>{rupiah(Math.abs(b.balanceDue))}</strong>
                  </p>
                  {next ? (
                    <p>
                      {t(next.dueDate < todayWib() ? 'payLate' : 'payBy', {
                        amount: rupiah(next.outstanding),
                        date: businessDate(next.dueDate, lang),
                        number: next.number,
                      })}
                    </p>
                  ) : (
                    <p>{t('nothingBilled')}</p>
                  )}
                  {unbilled > 0 && (
                    <p className="muted">{t('unbilled', { amount: rupiah(unbilled) })}</p>
                  )}
                  {b.overdueAmount > 0 && (
                    <p className="warn">{t('overdue', { amount: rupiah(b.overdueAmount) })}</p>
                  )}
                  <p>
                    <Link to={`/koperasi/${encodeURIComponent(orgId)}/tagihan`}>
                      {t('owedLink')}
                    </Link>
                  </p>
                </>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

function EarnedThisMonth({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('ledger');
  const today = todayWib();
  const month = today.slice(0, 7);
  const fs = useQuery({
    queryKey: ['ledger', 'statements', orgId, 'month', month],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/statements', {
          params: { path: { orgId }, query: { from: month, to: month } },
        }),
      ),
  });
  return (
    <div className="books-fact">
      <QueryState query={fs}>
        {(d) => {
          const is = d.incomeStatement;
          const commission = is.memberRevenue + is.nonMemberRevenue;
          return (
            <>
              <p className="books-headline">
                {t('earned')} <strong>{rupiah(commission + is.subsidyRevenue)}</strong>
              </p>
              <p className="muted">
                {monthName(month, i18n.language)}:{' '}
                <span className="nowrap">{t('commission', { amount: rupiah(commission) })}</span>
                {' · '}
                <span className="nowrap">
                  {t('subsidy', { amount: rupiah(is.subsidyRevenue) })}
                </span>
              </p>
              {is.subsidyRevenue === 0 && <p className="muted">{t('subsidyAtMonthEnd')}</p>}
              <Detail label={t('earnedDetail')}>
                <AccountLines orgId={orgId} codes={EARNED} kind="earned" />
                <StatementsLink orgId={orgId} />
              </Detail>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
