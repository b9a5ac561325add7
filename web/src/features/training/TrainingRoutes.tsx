import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, dateColumn, type Column } from '../../ui/DataTable.tsx';
import { todayWib } from '../../ui/format.ts';
import { Field, ProblemAlert } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { TrainingCoverageView } from './TrainingCoverage.tsx';
import { TrainingEventPage } from './TrainingEvent.tsx';
import './strings.ts';
import './training.css';
import { useIsOffice } from './use-is-office.ts';

function TrainingNav() {
  const { t } = useTranslation('training');
  const office = useIsOffice();
  return (
    <p className="actions">
      <Link to="/pelatihan">{t('events')}</Link>
      <Link to="/pelatihan/cakupan">{t('coverage')}</Link>
      {office && <Link to="/pelatihan/baru">{t('newEvent')}</Link>}
    </p>
  );
}

type EventSummary = Awaited<ReturnType<typeof fetchEvents>>['items'][number];
async function fetchEvents() {
  return unwrap(await api.GET('/api/v1/training/events'));
}

function TrainingList() {
  const { t, i18n } = useTranslation('training');
  const events = useQuery({ queryKey: ['training-events'], queryFn: fetchEvents });
  const columns: Column<EventSummary>[] = [
    {
      id: 'title',
      header: t('eventTitle'),
      accessorFn: (e) => e.title,
      cell: (c) => <Link to={`/pelatihan/${c.row.original.id}`}>{c.row.original.title}</Link>,
    },
    dateColumn('date', t('date'), (e) => e.date, i18n.language),
    { id: 'venue', header: t('venue'), accessorFn: (e) => e.venue },
    { id: 'organizer', header: t('organizer'), accessorFn: (e) => e.organizerName },
    {
      id: 'cooperatives',
      header: t('cooperativesCount'),
      accessorFn: (e) => e.cooperatives,
      numeric: true,
    },
    { id: 'invited', header: t('invited'), accessorFn: (e) => e.invited, numeric: true },
    { id: 'attended', header: t('attendedCount'), accessorFn: (e) => e.attended, numeric: true },
  ];
  return (
    <section>
      <h1>{t('title')}</h1>
      <TrainingNav />
      <h2>{t('events')}</h2>
      <QueryState query={events}>
        {(data) => (
          <DataTable
            data={data.items}
            columns={columns}
            empty={t('noEvents')}
            filterLabel={t('filterEvents')}
            initialSort={[{ id: 'date', desc: true }]}
          />
        )}
      </QueryState>
    </section>
  );
}

interface Draft {
  title: string;
  date: string;
  venue: string;
  organizerName: string;
  materials: string;
}

function CreateTrainingEvent() {
  const { t } = useTranslation('training');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const office = useIsOffice();
  const { me } = useSession();
  // One client id per form: a resent request (a retry after a dropped connection) is a replay.
  const [id] = useState(() => uuidv7());
  const [draft, setDraft] = useState<Draft>({
    title: '',
    date: todayWib(),
    venue: '',
    organizerName: me?.memberships[0]?.orgName ?? '',
    materials: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const create = useMutation({
    mutationFn: async (body: Draft) =>
      unwrap(
        await api.POST('/api/v1/training/events', {
          body: {
            id,
            title: body.title.trim(),
            date: body.date,
            venue: body.venue.trim(),
            organizerName: body.organizerName.trim(),
            ...(body.materials.trim() ? { materials: body.materials.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (event) => {
      await client.invalidateQueries({ queryKey: ['training-events'] });
      navigate(`/pelatihan/${event.id}`);
    },
  });
  if (!office)
    return (
      <section>
        <h1>{t('newEvent')}</h1>
        <p className="state">{t('readOnly')}</p>
        <TrainingNav />
      </section>
    );
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    for (const key of ['title', 'venue', 'organizerName'] as const)
      if (!draft[key].trim()) next[key] = common('required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) next.date = common('required');
    setErrors(next);
    if (Object.keys(next).length === 0) create.mutate(draft);
  };
  return (
    <section>
      <h1>{t('newEvent')}</h1>
      <TrainingNav />
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('eventTitle')} error={errors.title}>
          <input value={draft.title} onChange={set('title')} maxLength={200} required />
        </Field>
        <div className="form-row">
          <Field label={t('date')} error={errors.date}>
            <input type="date" value={draft.date} onChange={set('date')} required />
          </Field>
          <Field label={t('venue')} error={errors.venue}>
            <input value={draft.venue} onChange={set('venue')} maxLength={200} required />
          </Field>
        </div>
        <Field label={t('organizer')} error={errors.organizerName}>
          <input
            value={draft.organizerName}
            onChange={set('organizerName')}
            maxLength={200}
            required
          />
        </Field>
        <Field label={t('materials')}>
          <textarea rows={4} value={draft.materials} onChange={set('materials')} maxLength={4000} />
        </Field>
        <ProblemAlert error={create.error} />
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('creating') : t('create')}
          </button>
          <Link to="/pelatihan">{common('cancel')}</Link>
        </div>
      </form>
    </section>
  );
}

/** Capacity building: the office's training events, one event's participants, coverage. */
export function TrainingRoutes() {
  return (
    <Routes>
      <Route index element={<TrainingList />} />
      <Route path="baru" element={<CreateTrainingEvent />} />
      <Route path="cakupan" element={<TrainingCoverageView />} />
      <Route path=":id" element={<TrainingEventPage />} />
    </Routes>
  );
}
