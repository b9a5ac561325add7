import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { useFieldProblem } from '../../ui/problem-scope.tsx';
import {
  changesOf,
  rowsOf,
  type AttendanceRow,
  type Marks,
  type ParticipantBody,
  type SavedParticipant,
} from './attendance.ts';
import { POSITIONS, type Position } from './strings.ts';

async function fetchOfficers(id: string) {
  const c = unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } }));
  return { id: c.id, name: c.name, districtName: c.districtName, officers: c.officers };
}
type CoopOfficers = Awaited<ReturnType<typeof fetchOfficers>>;

/**
 * One person's line: name and role in words, invited, attended, the two scores, and its message:
 * the form's own, or the server's for the participant this row was sent as (`path`).
 */
function PersonRow({
  row,
  marks,
  own,
  path,
  onChange,
}: {
  row: AttendanceRow;
  marks: Marks;
  own: string | undefined;
  path: string | undefined;
  onChange: (m: Marks) => void;
}) {
  const { t } = useTranslation('training');
  const server = useFieldProblem(path);
  const error = own ?? server;
  const n = row.name;
  const invalid = error ? true : undefined;
  return (
    <li className={`person${error ? ' invalid' : ''}`}>
      <div className="who">
        <strong>{n}</strong> <span>{t(row.position)}</span>
        {row.saved && (
          <small className="muted">
            {row.saved.attended ? t('savedAttended') : t('savedInvited')}
          </small>
        )}
      </div>
      <div className="marks">
        <span className="checks">
          <label className="check">
            <input
              type="checkbox"
              checked={marks.invited}
              disabled={!!row.saved}
              onChange={(e) =>
                onChange({
                  ...marks,
                  invited: e.target.checked,
                  attended: e.target.checked && marks.attended,
                })
              }
              aria-label={t('invitedFor', { name: n })}
            />
            {t('invitedShort')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={marks.attended}
              onChange={(e) =>
                onChange({
                  ...marks,
                  attended: e.target.checked,
                  invited: marks.invited || e.target.checked,
                })
              }
              aria-label={t('attendedFor', { name: n })}
            />
            {t('attended')}
          </label>
        </span>
        <span className="scores">
          {(['pre', 'post'] as const).map((k) => (
            <label key={k}>
              <span aria-hidden="true">{t(`${k}Short`)}</span>
              <input
                inputMode="numeric"
                value={marks[k]}
                onChange={(e) => onChange({ ...marks, [k]: e.target.value })}
                aria-label={t(`${k}For`, { name: n })}
                aria-invalid={invalid}
                size={4}
              />
            </label>
          ))}
        </span>
      </div>
      {error && <small className="error">{error}</small>}
    </li>
  );
}

/** A person not among the officers, typed by hand into a cooperative's list. */
function AddPerson({ onAdd }: { onAdd: (name: string, position: Position) => void }) {
  const { t } = useTranslation('training');
  const { t: common } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState<Position>('manager');
  const [error, setError] = useState<string>();
  const add = () => {
    if (!name.trim()) return setError(common('required'));
    setError(undefined);
    onAdd(name.trim(), position);
    setName('');
  };
  return (
    <div className="form-row add-person">
      <Field label={t('otherName')} error={error}>
        <input
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
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
      <button type="button" className="secondary" onClick={add}>
        {t('addToList')}
      </button>
    </div>
  );
}

/**
 * The office's attendance list of an event: the cooperatives it chooses, each with its officers
 * (and anyone typed by hand) to mark invited, attended and scored, all saved with one button.
 */
export function AttendanceForm({ eventId, saved }: { eventId: string; saved: SavedParticipant[] }) {
  const { t } = useTranslation('training');
  const client = useQueryClient();
  const coops = useQuery({
    queryKey: ['cooperatives', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives', { params: { query: { limit: '200' } } })),
  });
  const [choice, setChoice] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [typed, setTyped] = useState<Record<string, { name: string; position: Position }[]>>({});
  const [marks, setMarks] = useState<Record<string, Marks>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const details = useQueries({
    queries: chosen.map((id) => ({
      queryKey: ['training-officers', id],
      queryFn: () => fetchOfficers(id),
    })),
  });
  const record = useMutation({
    mutationFn: async (v: { body: ParticipantBody[]; keys: string[] }) =>
      unwrap(
        await api.PUT('/api/v1/training/events/{id}/participants', {
          params: { path: { id: eventId } },
          body: { participants: v.body },
        }),
      ),
    onSuccess: async (detail, v) => {
      client.setQueryData(['training-event', eventId], detail);
      setMarks({});
      setTyped({});
      setNotice(
        t('savedN', { count: v.body.length, attended: v.body.filter((p) => p.attended).length }),
      );
      await client.invalidateQueries({ queryKey: ['training-events'] });
      await client.invalidateQueries({ queryKey: ['training-coverage'] });
    },
  });
  const lists = chosen.map((id, i) => {
    const d: CoopOfficers | undefined = details[i]?.data;
    return {
      id,
      d,
      query: details[i],
      rows: rowsOf(id, d?.officers ?? [], saved, typed[id] ?? []),
    };
  });
  /** The server's path of the participant a row was last sent as. */
  const sentAs = (key: string) => {
    const i = record.variables?.keys.indexOf(key) ?? -1;
    return i < 0 ? undefined : `/participants/${i}/*`;
  };
  const show = () => {
    if (choice && !chosen.includes(choice)) setChosen([choice, ...chosen]);
    setChoice('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(undefined);
    const c = changesOf(
      lists.flatMap((l) => l.rows),
      marks,
    );
    setErrors(Object.fromEntries(Object.entries(c.errors).map(([k, v]) => [k, t(v)])));
    if (Object.keys(c.errors).length) return;
    if (c.body.length === 0) return setNotice(t('nothingToSave'));
    record.mutate({ body: c.body, keys: c.keys });
  };
  return (
    <form className="form attendance" onSubmit={submit} noValidate>
      <ProblemScope error={record.error}>
        <h2>{t('attendanceTitle')}</h2>
        <p className="muted">{t('attendanceHint')}</p>
        <div className="form-row">
          <Field label={t('cooperative')}>
            <select value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('chooseCooperative')}</option>
              {(coops.data?.items ?? [])
                .filter((c) => !chosen.includes(c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </Field>
          <button type="button" className="secondary" onClick={show} disabled={!choice}>
            {t('showOfficers')}
          </button>
        </div>
        {lists.map((l) => (
          <fieldset key={l.id} className="coop-attendance">
            <legend>{l.d?.name ?? t('loadingCooperative')}</legend>
            {l.d?.districtName && <p className="muted">{l.d.districtName}</p>}
            {l.query?.isError && <p className="error">{l.query.error.message}</p>}
            {l.d && l.d.officers.length === 0 && <p className="muted">{t('noOfficers')}</p>}
            <ul className="people">
              {l.rows.map((r) => (
                <PersonRow
                  key={r.key}
                  row={r}
                  marks={marks[r.key] ?? r.base}
                  own={errors[r.key]}
                  path={sentAs(r.key)}
                  onChange={(m) => setMarks((all) => ({ ...all, [r.key]: m }))}
                />
              ))}
            </ul>
            <AddPerson
              onAdd={(name, position) =>
                setTyped((all) => ({ ...all, [l.id]: [...(all[l.id] ?? []), { name, position }] }))
              }
            />
          </fieldset>
        ))}
        {chosen.length > 0 && (
          <div className="save-bar">
            <SubmitRow
              error={record.error}
              {...(notice ? { notice } : {})}
              pending={record.isPending}
              label={t('saveAll')}
              busyLabel={t('creating')}
            />
          </div>
        )}
      </ProblemScope>
    </form>
  );
}
