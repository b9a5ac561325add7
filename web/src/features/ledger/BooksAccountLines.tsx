import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { documentName, firstOfMonth } from './BooksDocuments.ts';
import { trialBalanceQuery } from './BooksTrialBalance.tsx';
import './strings.ts';

/** The day before a business date `YYYY-MM-DD`. */
function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

const signed = (n: number) => (n > 0 ? `+${rupiah(n)}` : rupiah(n));

/**
 * What lies behind one figure of the summary: this month's journal lines of `codes` up to today,
 * summed per account and kind of document. An asset (`balance`) starts from its balance on the
 * month's eve and ends on today's; revenue (`earned`) is the month's credits less debits, the
 * year-end closing entry left out as in the statements.
 */
export function AccountLines({
  orgId,
  codes,
  kind,
}: {
  orgId: string;
  codes: readonly string[];
  kind: 'balance' | 'earned';
}) {
  const to = todayWib();
  const from = firstOfMonth(to);
  const { t, i18n } = useTranslation('ledger');
  const lang = i18n.language;
  const openingOn = dayBefore(from);
  const opening = useQuery({ ...trialBalanceQuery(orgId, openingOn), enabled: kind === 'balance' });
  const entries = useInfiniteQuery({
    queryKey: ['ledger', 'entries', orgId, from, to, 'every-page'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/orgs/{orgId}/ledger/entries', {
          params: {
            path: { orgId },
            query: { from, to, limit: '200', ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  // The sums stand for the figure only once every page is here: the pages are read one after another.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = entries;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const groups = useMemo(() => {
    const byKey = new Map<string, { label: string; code: string; count: number; amount: number }>();
    for (const e of (entries.data?.pages ?? []).flatMap((p) => p.items)) {
      if (kind === 'earned' && e.documentType === 'fiscal_year_close') continue;
      for (const l of e.lines) {
        if (!codes.includes(l.accountCode)) continue;
        const key = `${l.accountCode}|${e.documentType}`;
        const g = byKey.get(key) ?? {
          label: `${l.accountName} · ${documentName(e.documentType, lang)}`,
          code: l.accountCode,
          count: 0,
          amount: 0,
        };
        g.count += 1;
        g.amount += kind === 'balance' ? l.debit - l.credit : l.credit - l.debit;
        byKey.set(key, g);
      }
    }
    return [...byKey.values()].sort(
      (a, b) => a.code.localeCompare(b.code) || Math.abs(b.amount) - Math.abs(a.amount),
    );
  }, [entries.data, codes, kind, lang]);
  const openingAmount = (opening.data?.accounts ?? [])
    .filter((a) => codes.includes(a.code))
    .reduce((s, a) => s + a.debit - a.credit, 0);
  const moved = groups.reduce((s, g) => s + g.amount, 0);
  const body = () =>
    hasNextPage ? (
      <p className="state">{t('loading', { ns: 'translation' })}</p>
    ) : (
      <>
        {kind === 'balance' && (
          <p>
            {t('linesOpening', { date: businessDate(openingOn, lang) })}{' '}
            <strong>{rupiah(openingAmount)}</strong>
          </p>
        )}
        {groups.length === 0 ? (
          <p className="muted">{t('linesNone')}</p>
        ) : (
          <ul className="account-lines-list">
            {groups.map((g) => (
              <li key={g.label}>
                <span>
                  {g.label} <small className="muted">({t('linesCount', { count: g.count })})</small>
                </span>
                <strong>{signed(g.amount)}</strong>
              </li>
            ))}
          </ul>
        )}
        <p>
          {kind === 'balance' ? t('linesNow') : t('linesTotal')}{' '}
          <strong>{rupiah(kind === 'balance' ? openingAmount + moved : moved)}</strong>
        </p>
        <p className="muted">{t('linesWhere')}</p>
      </>
    );
  return (
    <div className="account-lines">
      <QueryState query={entries}>
        {() =>
          kind === 'balance' ? <QueryState query={opening}>{() => body()}</QueryState> : body()
        }
      </QueryState>
    </div>
  );
}
