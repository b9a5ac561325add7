import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { rupiah } from '../../ui/format.ts';
import { LoadMore, QueryState } from '../../ui/QueryState.tsx';
import { ExposureGauge } from '../../ui/Exposure.tsx';
import { AddCooperativesLink, NetworkStart } from './NetworkStart.tsx';
import '../delivery/hub.css';

const loadHubSummary = () => import('../treasury/summary/HubSummary.tsx');
const HubSummary = lazy(() => loadHubSummary().then((m) => ({ default: m.HubSummary })));

type SortKey = 'name' | 'monthSales' | 'balanceDue' | 'overdueAmount' | 'exposure';
type Show = 'all' | 'hold' | 'overdue' | 'notParticipating';

/** The hub's (or the office's) cooperatives grouped by kecamatan: balance, overdue, exposure against the limit, holds. */
export function NetworkOverview() {
  const { t } = useTranslation();
  const { me } = useSession();
  const hubAdmin = !!me?.memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin');
  const hubId = me?.memberships.find((m) => m.orgKind === 'hub')?.orgId;
  const client = useQueryClient();
  // The hub summary (a slower request, its own code chunk) starts with the list, not after it.
  useEffect(() => {
    if (!hubId) return;
    void loadHubSummary();
    void client.prefetchQuery({
      queryKey: ['treasury', 'summary'],
      queryFn: async () => unwrap(await api.GET('/api/v1/treasury/summary')),
    });
  }, [client, hubId]);
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const query = useInfiniteQuery({
    queryKey: ['cooperatives'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/cooperatives', {
          params: { query: { limit: '200', ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => (query.data?.pages ?? []).flatMap((p) => p.items), [query.data]);
  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const filtered = items.filter(
      (c) =>
        (!needle ||
          c.name.toLowerCase().includes(needle) ||
          c.districtName.toLowerCase().includes(needle)) &&
        (show === 'all' ||
          (show === 'hold' && c.onHold) ||
          (show === 'overdue' && c.overdueAmount > 0) ||
          (show === 'notParticipating' && c.status === 'not_participating')),
    );
    const sorted = [...filtered].sort((a, b) => {
      const d = sort.key === 'name' ? a.name.localeCompare(b.name) : a[sort.key] - b[sort.key];
      return sort.desc ? -d : d;
    });
    const byDistrict = new Map<string, typeof sorted>();
    for (const c of sorted)
      byDistrict.set(c.districtName, [...(byDistrict.get(c.districtName) ?? []), c]);
    return [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [items, q, sort, show]);

  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="sort"
        title={t('sortBy', { col: label })}
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}
      >
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  return (
    <QueryState query={query}>
      {() => (
        <section>
          <div className="page-head">
            <h1>{t('network')}</h1>
            {hubAdmin && <AddCooperativesLink />}
          </div>
          {hubAdmin && items.length === 0 && <NetworkStart />}
          {hubId && items.length > 0 && (
            <Suspense fallback={<p className="state">{t('loading')}</p>}>
              <HubSummary hubId={hubId} />
            </Suspense>
          )}
          <div className="table-tools" id="daftar-koperasi">
            <label className="search">
              {t('search')}
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            </label>
            <label>
              {t('show')}
              <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
                <option value="all">{t('showAll')}</option>
                <option value="hold">{t('hold')}</option>
                <option value="overdue">{t('overdue')}</option>
                <option value="notParticipating">{t('notParticipating')}</option>
              </select>
            </label>
            <label className="mobile-only">
              {t('sortLabel')}
              <select
                value={`${sort.key}:${sort.desc ? 'desc' : 'asc'}`}
                onChange={(e) => {
                  const [key, dir] = e.target.value.split(':') as [SortKey, string];
                  setSort({ key, desc: dir === 'desc' });
                }}
              >
                {(
                  [
                    ['name', t('cooperative')],
                    ['monthSales', t('monthSales')],
                    ['balanceDue', t('balanceDue')],
                    ['overdueAmount', t('overdue')],
                    ['exposure', t('exposure')],
                  ] as const
                ).flatMap(([key, label]) => [
                  <option key={`${key}:asc`} value={`${key}:asc`}>
                    {label} ▲
                  </option>,
                  <option key={`${key}:desc`} value={`${key}:desc`}>
                    {label} ▼
                  </option>,
                ])}
              </select>
            </label>
          </div>
          {groups.length === 0 && (items.length > 0 || !hubAdmin) && (
            <p className="state">{t('noResults')}</p>
          )}
          {groups.map(([district, coops]) => (
            <div key={district} className="group">
              <h2>
                {t('district')} {district} <span className="muted">({coops.length})</span>
              </h2>
              <div className="table-wrap">
                <table className="stack">
                  <thead>
                    <tr>
                      {header('name', t('cooperative'))}
                      <th scope="col">{t('status')}</th>
                      {header('monthSales', t('monthSales'))}
                      {header('balanceDue', t('balanceDue'))}
                      {header('overdueAmount', t('overdue'))}
                      {header('exposure', t('exposure'))}
                    </tr>
                  </thead>
                  <tbody>
                    {coops.map((c) => (
                      <tr key={c.id}>
                        <td data-label={t('cooperative')}>
                          <Link to={`/koperasi/${c.id}`}>{c.name}</Link>
                        </td>
                        <td data-label={t('status')}>
                          {c.onHold ? (
                            <span className="badge hold">{t('hold')}</span>
                          ) : c.status === 'not_participating' ? (
                            t('notParticipating')
                          ) : (
                            t('active')
                          )}
                        </td>
                        <td className="num" data-label={t('monthSales')}>
                          {rupiah(c.monthSales)}
                          <meter
                            min={0}
                            max={c.monthlyPotential}
                            value={Math.min(c.monthSales, c.monthlyPotential)}
                            aria-label={t('ofPotential', { amount: rupiah(c.monthlyPotential) })}
                            title={t('ofPotential', { amount: rupiah(c.monthlyPotential) })}
                          />
                        </td>
                        <td className="num" data-label={t('balanceDue')}>
                          {rupiah(c.balanceDue)}
                        </td>
                        <td
                          className={`num${c.overdueAmount > 0 ? ' warn' : ''}`}
                          data-label={t('overdue')}
                        >
                          {rupiah(c.overdueAmount)}
                        </td>
                        <td className="num" data-label={t('exposure')}>
                          {rupiah(c.exposure)} / {rupiah(c.exposureLimit)}
                          <ExposureGauge exposure={c.exposure} limit={c.exposureLimit} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
          <LoadMore query={query} />
        </section>
      )}
    </QueryState>
  );
}
