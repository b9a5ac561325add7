import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { Notice, ProblemAlert } from '../../ui/forms.tsx';
import { instantWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import '../delivery/hub.css';
import './strings.ts';

type Job =
  paths['/api/v1/jobs']['get']['responses'][200]['content']['application/json']['items'][number];
type Result = NonNullable<Job['lastRun']>['result'];

/**
 * The scheduled jobs (the month end) for the hub admin: each with its schedule, last run (when, how
 * started, status, what it did, what failed), next run, and a button that runs it now.
 */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/jobs')).items,
    // A running job finishes on its own: look again while one runs.
    refetchInterval: (q) => (q.state.data?.some((j) => j.running) ? 5_000 : false),
  });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <QueryState query={jobs}>
        {(items) => (
          <div className="lines-form">
            {items.map((job) => (
              <JobCard key={job.name} job={job} />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function JobCard({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('jobs');
  const lang = i18n.language;
  const en = lang === 'en';
  const client = useQueryClient();
  const [done, setDone] = useState('');
  const title = en ? job.titleEn : job.title;
  const summary = (r: Result) => (en ? r.summaryEn : r.summary);
  const run = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/jobs/{name}/run', { params: { path: { name: job.name } } })),
    onMutate: () => setDone(''),
    onSuccess: async (r) => {
      setDone(t(r.status === 'ok' ? 'done' : 'doneFailed', { title, summary: summary(r.result) }));
      await client.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
  const last = job.lastRun;
  const overdue = new Date(job.nextRunAt).getTime() < Date.now();
  const next = instantWib(job.nextRunAt, lang);
  return (
    <article className="line-card" aria-labelledby={`job-${job.name}`}>
      <h2 id={`job-${job.name}`}>{title}</h2>
      <dl className="facts">
        <div>
          <dt>{t('schedule')}</dt>
          <dd>{en ? job.scheduleEn : job.schedule}</dd>
        </div>
        <div>
          <dt>{t('lastRun')}</dt>
          <dd>
            {last
              ? `${instantWib(last.startedAt, lang)} (${t(last.trigger === 'manual' ? 'byHand' : 'bySchedule')})`
              : t('never')}
          </dd>
        </div>
        {last && (
          <div>
            <dt>{t('status')}</dt>
            <dd>
              <span className={`badge ${last.status === 'ok' ? 'state-sent' : 'state-refused'}`}>
                {t(last.status === 'ok' ? 'ok' : 'failed')}
              </span>
            </dd>
          </div>
        )}
        {last && (
          <div>
            <dt>{t('result')}</dt>
            <dd>{summary(last.result)}</dd>
          </div>
        )}
        <div>
          <dt>{t('nextRun')}</dt>
          <dd>{job.running ? t('running') : overdue ? t('overdue', { when: next }) : next}</dd>
        </div>
      </dl>
      {last && last.result.failures.length > 0 && (
        <>
          <h3>{t('failures')}</h3>
          <ul className="refused">
            {last.result.failures.map((f) => (
              <li key={f.orgId}>
                <strong>{f.orgName}</strong>: {en ? (f.messageEn ?? f.message) : f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {done && <Notice>{done}</Notice>}
      <ProblemAlert error={run.error} />
      <div className="actions">
        <button
          type="button"
          aria-label={t('runNowOf', { title })}
          disabled={run.isPending || job.running}
          onClick={() => run.mutate()}
        >
          {run.isPending ? t('runningNow') : t('runNow')}
        </button>
      </div>
    </article>
  );
}
