import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { businessDate } from '../../ui/format.ts';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { POSITIONS, type Position } from './strings.ts';
import { useIsOffice } from './use-is-office.ts';

type Detail = Awaited<ReturnType<typeof fetchEvent>>;
type Participant = Detail['participants'][number];
interface ParticipantBody {
  id?: string;
  cooperativeId: string;
  name: string;
  position: Position;
  attended?: boolean;
  preScore?: number | null;
  postScore?: number | null;
}

async function fetchEvent(id: string) {
  return unwrap(await api.GET('/api/v1/training/events/{id}', { params: { path: { id } } }));
}

function useRecord(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (participants: ParticipantBody[]) =>
      unwrap(
        await api.PUT('/api/v1/training/events/{id}/participants', {
          params: { path: { id: eventId } },
          body: { participants },
        }),
      ),
    onSuccess: async (detail) => {
      client.setQueryData(['training-event', eventId], detail);
      await client.invalidateQueries({ queryKey: ['training-events'] });
      await client.invalidateQueries({ queryKey: ['training-coverage'] });
    },
  });
}

/** `''` → null; a whole number 0–100 → it; anything else → undefined (invalid). */
function parseScore(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d{1,3}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

/** One officer's attendance and scores, saved on its own. */
function ParticipantEditor({ eventId, p }: { eventId: string; p: Participant }) {
  const { t } = useTranslation('training');
  const [attended, setAttended] = useState(p.attended);
  const [pre, setPre] = useState(p.preScore == null ? '' : String(p.preScore));
  const [post, setPost] = useState(p.postScore == null ? '' : String(p.postScore));
  const [error, setError] = useState<string>();
  const record = useRecord(eventId);
  const save = () => {
    const preScore = parseScore(pre);
    const postScore = parseScore(post);
    if (preScore === undefined || postScore === undefined) return setError(t('scoreRange'));
    if (!attended && (preScore !== null || postScore !== null))
      return setError(t('scoreNeedsAttendance'));
    setError(undefined);
    record.mutate([
      {
        id: p.id,
        cooperativeId: p.cooperativeId,
        name: p.name,
        position: p.position as Position,
        attended,
        preScore,
        postScore,
      },
    ]);
  };
  return (
    <div className="participant-edit">
      <label className="check">
        <input
          type="checkbox"
          checked={attended}
          onChange={(e) => setAttended(e.target.checked)}
          aria-label={t('attendedFor', { name: p.name })}
        />
        {t('attended')}
      </label>
      <label>
        <span aria-hidden="true">{t('preScore')}</span>
        <input
          inputMode="numeric"
          value={pre}
          onChange={(e) => setPre(e.target.value)}
          aria-label={t('preFor', { name: p.name })}
          aria-invalid={error ? true : undefined}
          size={4}
        />
      </label>
      <label>
        <span aria-hidden="true">{t('postScore')}</span>
        <input
          inputMode="numeric"
          value={post}
          onChange={(e) => setPost(e.target.value)}
          aria-label={t('postFor', { name: p.name })}
          aria-invalid={error ? true : undefined}
          size={4}
        />
      </label>
      <button
        type="button"
        className="secondary"
        onClick={save}
        disabled={record.isPending}
        aria-label={t('saveFor', { name: p.name })}
      >
        {record.isPending ? '…' : t('saveShort')}
      </button>
      {error && (
        <small role="alert" className="error">
          {error}
        </small>
      )}
      <ProblemAlert error={record.error} />
      {record.isSuccess && <Notice>{t('saved', { name: p.name })}</Notice>}
    </div>
  );
}

function InviteForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation('training');
  const { t: common } = useTranslation();
  const coops = useQuery({
    queryKey: ['cooperatives', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives', { params: { query: { limit: '200' } } })),
  });
  const [coopId, setCoopId] = useState('');
  const [name, setName] = useState('');
  const [position, setPosition] = useState<Position>('ketua');
  const [errors, setErrors] = useState<{ coop?: string; name?: string }>({});
  const record = useRecord(eventId);
  const [done, setDone] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(coopId ? {} : { coop: common('required') }),
      ...(name.trim() ? {} : { name: common('required') }),
    };
    setErrors(next);
    if (Object.keys(next).length) return;
    record.mutate([{ cooperativeId: coopId, name: name.trim(), position }], {
      onSuccess: () => {
        setDone(name.trim());
        setName('');
      },
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2>{t('invite')}</h2>
      <div className="form-row">
        <Field label={t('cooperative')} error={errors.coop}>
          <select value={coopId} onChange={(e) => setCoopId(e.target.value)}>
            <option value="">{t('chooseCooperative')}</option>
            {(coops.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('officer')} error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </Field>
        <Field label={t('position')}>
          <select value={position} onChange={(e) => setPosition(e.target.value as Position)}>
            {POSITIONS.map((p) => (
              <option key={p} value={p}>
                {t(p)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ProblemAlert error={record.error} />
      {done && record.isSuccess && <Notice>{t('invitedOk', { name: done })}</Notice>}
      <div className="actions">
        <button type="submit" disabled={record.isPending}>
          {t('inviteButton')}
        </button>
      </div>
    </form>
  );
}

/** One training event: its details and the invited officers by cooperative, editable by the office. */
export function TrainingEventPage() {
  const { t, i18n } = useTranslation('training');
  const { id = '' } = useParams();
  const office = useIsOffice();
  const event = useQuery({ queryKey: ['training-event', id], queryFn: () => fetchEvent(id) });
  // Stable cell renderers: a new one each render would remount the editors and lose their state.
  const columns = useMemo<Column<Participant>[]>(
    () => [
      { id: 'cooperative', header: t('cooperative'), accessorFn: (p) => p.cooperativeName },
      { id: 'district', header: t('district'), accessorFn: (p) => p.districtName },
      { id: 'name', header: t('officer'), accessorFn: (p) => p.name },
      {
        id: 'position',
        header: t('position'),
        accessorFn: (p) => p.position,
        cell: (c) => t(c.row.original.position),
      },
      ...(office
        ? [
            {
              id: 'edit',
              header: t('attended'),
              accessorFn: (p: Participant) => (p.attended ? 1 : 0),
              cell: (c: { row: { original: Participant } }) => (
                <ParticipantEditor key={c.row.original.id} eventId={id} p={c.row.original} />
              ),
            } satisfies Column<Participant>,
          ]
        : [
            {
              id: 'attended',
              header: t('attended'),
              accessorFn: (p: Participant) => (p.attended ? 1 : 0),
              cell: (c: { row: { original: Participant } }) =>
                c.row.original.attended ? t('yes') : t('no'),
            } satisfies Column<Participant>,
            {
              id: 'pre',
              header: t('preScore'),
              accessorFn: (p: Participant) => p.preScore ?? -1,
              cell: (c: { row: { original: Participant } }) => c.row.original.preScore ?? '—',
              numeric: true,
            } satisfies Column<Participant>,
            {
              id: 'post',
              header: t('postScore'),
              accessorFn: (p: Participant) => p.postScore ?? -1,
              cell: (c: { row: { original: Participant } }) => c.row.original.postScore ?? '—',
              numeric: true,
            } satisfies Column<Participant>,
          ]),
    ],
    [t, office, id],
  );
  return (
    <section>
      <QueryState query={event}>
        {(e) => (
          <>
            <h1>{e.title}</h1>
            <p>
              <Link to="/pelatihan">{t('backToList')}</Link>
            </p>
            <dl className="facts">
              <div>
                <dt>{t('date')}</dt>
                <dd>{businessDate(e.date, i18n.language)}</dd>
              </div>
              <div>
                <dt>{t('venue')}</dt>
                <dd>{e.venue}</dd>
              </div>
              <div>
                <dt>{t('organizer')}</dt>
                <dd>{e.organizerName}</dd>
              </div>
              <div>
                <dt>{t('invited')}</dt>
                <dd>
                  {e.participants.length} ({t('attendedCount')}:{' '}
                  {e.participants.filter((p) => p.attended).length})
                </dd>
              </div>
            </dl>
            {e.materials && (
              <>
                <h2>{t('materialsShort')}</h2>
                <ul className="materials">
                  {e.materials.split('\n').map((line, i) => (
                    <li key={i}>
                      {/^https?:\/\/\S+$/.test(line.trim()) ? (
                        <a href={line.trim()} rel="noopener noreferrer" target="_blank">
                          {line.trim()}
                        </a>
                      ) : (
                        line
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>{t('participants')}</h2>
            {!office && <p className="muted">{t('readOnly')}</p>}
            <DataTable
              data={e.participants}
              columns={columns}
              empty={t('noParticipants')}
              filterLabel={t('filterParticipants')}
              pageSize={30}
            />
            {office && <InviteForm eventId={e.id} />}
          </>
        )}
      </QueryState>
    </section>
  );
}
