import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { businessDate } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { AttendanceForm } from './AttendanceForm.tsx';
import { useIsOffice } from './use-is-office.ts';

type Detail = Awaited<ReturnType<typeof fetchEvent>>;
type Participant = Detail['participants'][number];

async function fetchEvent(id: string) {
  return unwrap(await api.GET('/api/v1/training/events/{id}', { params: { path: { id } } }));
}

/** One training event: its details, its participants by cooperative, and the office's attendance list. */
export function TrainingEventPage() {
  const { t, i18n } = useTranslation('training');
  const { id = '' } = useParams();
  const office = useIsOffice();
  const event = useQuery({ queryKey: ['training-event', id], queryFn: () => fetchEvent(id) });
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
      {
        id: 'attended',
        header: t('attended'),
        accessorFn: (p) => (p.attended ? 1 : 0),
        cell: (c) => (c.row.original.attended ? t('yes') : t('no')),
      },
      {
        id: 'pre',
        header: t('preScore'),
        accessorFn: (p) => p.preScore ?? -1,
        cell: (c) => c.row.original.preScore ?? '—',
        numeric: true,
      },
      {
        id: 'post',
        header: t('postScore'),
        accessorFn: (p) => p.postScore ?? -1,
        cell: (c) => c.row.original.postScore ?? '—',
        numeric: true,
      },
    ],
    [t],
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
            {office && <AttendanceForm eventId={e.id} saved={e.participants} />}
            <h2>{t('participants')}</h2>
            {!office && <p className="muted">{t('readOnly')}</p>}
            <DataTable
              data={e.participants}
              columns={columns}
              empty={t('noParticipants')}
              filterLabel={t('filterParticipants')}
              pageSize={30}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
