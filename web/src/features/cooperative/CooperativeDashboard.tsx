import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { businessDate, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';

/** A cooperative at a glance: what it owes and how late, the hub's exposure, and its statements. Two API requests. */
export function CooperativeDashboard() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const balance = useQuery({
    queryKey: ['balance', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/balance', { params: { path: { id } } })),
  });
  const statements = useQuery({
    queryKey: ['statements', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/statements', { params: { path: { id } } })),
  });
  return (
    <section>
      <h1>{t('dashboard')}</h1>
      <QueryState query={balance}>
        {(b) => (
          <>
            <div className="cards">
              <div className="card">
                <span>{t('balanceDue')}</span>
                <strong>{rupiah(b.balanceDue)}</strong>
              </div>
              <div className={`card${b.overdueAmount > 0 ? ' warn' : ''}`}>
                <span>{t('overdue')}</span>
                <strong>{rupiah(b.overdueAmount)}</strong>
                {b.onHold && <span className="badge hold">{t('hold')}</span>}
              </div>
              <div className="card">
                <span>{t('exposure')}</span>
                <strong>{rupiah(b.exposure)}</strong>
                <small>
                  {t('limit')} {rupiah(b.exposureLimit)}
                </small>
              </div>
              <div className="card">
                <span>{t('consignedStock')}</span>
                <strong>{rupiah(b.consignedStockValue)}</strong>
                <small>
                  {t('inTransit')} {rupiah(b.inTransitValue)}
                </small>
              </div>
            </div>
            <h2>{t('aging')}</h2>
            <dl className="aging">
              <div>
                <dt>{t('current')}</dt>
                <dd>{rupiah(b.aging.current)}</dd>
              </div>
              <div>
                <dt>1–30 {t('days')}</dt>
                <dd>{rupiah(b.aging.d1to30)}</dd>
              </div>
              <div>
                <dt>31–60 {t('days')}</dt>
                <dd>{rupiah(b.aging.d31to60)}</dd>
              </div>
              <div>
                <dt>61–90 {t('days')}</dt>
                <dd>{rupiah(b.aging.d61to90)}</dd>
              </div>
              <div>
                <dt>&gt;90 {t('days')}</dt>
                <dd>{rupiah(b.aging.d90plus)}</dd>
              </div>
            </dl>
          </>
        )}
      </QueryState>
      <h2>{t('statements')}</h2>
      <QueryState query={statements}>
        {(s) =>
          s.items.length === 0 ? (
            <p className="state">{t('noStatements')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('period')}</th>
                    <th scope="col">{t('dueDate')}</th>
                    <th scope="col">{t('closing')}</th>
                    <th scope="col">{t('outstanding')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.items.map((st) => (
                    <tr key={st.id}>
                      <td>
                        {businessDate(st.periodStart, i18n.language)} –{' '}
                        {businessDate(st.periodEnd, i18n.language)}
                      </td>
                      <td>{businessDate(st.dueDate, i18n.language)}</td>
                      <td className="num">{rupiah(st.closingBalance)}</td>
                      <td className="num">{rupiah(st.outstanding)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
