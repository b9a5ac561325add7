import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { Field } from '../../ui/forms.tsx';
import { instantWib, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { RatPackLinks } from './RatPackLinks.tsx';
import { ShuDistribution } from './ShuDistribution.tsx';
import { ShuResultView } from './ShuResultView.tsx';
import { YearEndRules } from './YearEndRules.tsx';
import './shu-strings.ts';

/** A read that answers null for 404 (no split set, a year not closed). */
async function orNull<T>(res: {
  data?: T;
  error?: unknown;
  response: Response;
}): Promise<T | null> {
  return res.response.status === 404 ? null : unwrap(res);
}

/**
 * The year end of a cooperative (`/koperasi/:id/tutup-buku`): pick a year; an open year shows its
 * SHU from the books, the split form, the simulation and the close; a closed year its split, the
 * members' SHU, the distribution and the RAT pack.
 */
export function YearEndPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('yearEnd');
  const current = Number(todayWib().slice(0, 4));
  const [year, setYear] = useState(current - 1);
  const path = { id, year: String(year) };
  const years = useQuery({
    queryKey: ['yearEnd', id, 'years'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}/fiscal-years', { params: { path: { id } } }))
        .items,
  });
  const closed = useQuery({
    queryKey: ['yearEnd', id, year, 'closed'],
    queryFn: async () =>
      orNull(await api.GET('/api/v1/cooperatives/{id}/fiscal-years/{year}', { params: { path } })),
  });
  const rules = useQuery({
    queryKey: ['yearEnd', id, year, 'rules'],
    queryFn: async () =>
      orNull(await api.GET('/api/v1/cooperatives/{id}/shu-rules/{year}', { params: { path } })),
  });
  const listed = years.data ?? [];
  const choices = [...new Set([current, current - 1, ...listed.map((y) => y.year)])].sort(
    (a, b) => b - a,
  );
  const item = listed.find((y) => y.year === year);
  const ended = todayWib() > `${year}-12-31`;

  return (
    <section>
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="form-row">
        <Field label={t('year')}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {item?.shu !== undefined && (
        <p>
          <strong>
            {item.shu < 0 ? t('loss', { year }) : t('shuOfYear', { year })}: {rupiah(item.shu)}
          </strong>{' '}
          {item.closedAt
            ? `— ${t('closedOn', { date: instantWib(item.closedAt, i18n.language) })}`
            : `— ${t('open')}`}
        </p>
      )}
      <QueryState query={closed}>
        {(view) =>
          view ? (
            <>
              <p role="status" className="notice">
                {t('closedNotice', { year })}
              </p>
              <ShuResultView result={view} />
              <ShuDistribution coopId={id} year={year} paid={view.distribution} />
              <RatPackLinks coopId={id} year={year} />
            </>
          ) : (
            <QueryState query={rules}>
              {(saved) => (
                <>
                  <YearEndRules key={year} coopId={id} year={year} saved={saved} ended={ended} />
                  {ended && <RatPackLinks coopId={id} year={year} />}
                </>
              )}
            </QueryState>
          )
        }
      </QueryState>
    </section>
  );
}
