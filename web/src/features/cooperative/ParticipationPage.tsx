import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, dateColumn, moneyColumn, type Column } from '../../ui/DataTable.tsx';
import { Notice } from '../../ui/forms.tsx';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import {
  ChangeTermsForm,
  CreateParticipationForm,
  EndParticipationForm,
  type ParticipationState,
} from './ParticipationForms.tsx';
import './strings.ts';

type Version = ParticipationState['history'][number];

/**
 * A cooperative's consignment agreement: the terms in force today, every version of them (from when,
 * what, why and who), and for the hub admin the forms to change them from a date, to end the
 * participation, or, for a cooperative that takes part in nothing yet, to join it to the program.
 */
export function ParticipationPage() {
  const { t } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const { id = '' } = useParams();
  const { me } = useSession();
  const admin = me?.memberships.some((m) => m.orgKind === 'hub' && m.role === 'hub_admin') ?? false;
  const [notice, setNotice] = useState('');
  const coop = useQuery({
    queryKey: ['cooperative', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } })),
  });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">
        {coop.data ? `${coop.data.name} · ` : ''}
        <Link to={`/koperasi/${id}`}>{t('back')}</Link>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <QueryState query={coop}>
        {(c) =>
          c.participation ? (
            <Terms id={id} admin={admin} onNotice={setNotice} />
          ) : (
            <>
              <p className="state">{t('notParticipating')}</p>
              {admin && <CreateParticipationForm id={id} onDone={() => setNotice(t('created'))} />}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function Terms({
  id,
  admin,
  onNotice,
}: {
  id: string;
  admin: boolean;
  onNotice: (text: string) => void;
}) {
  const { t, i18n } = useTranslation('cooperative', { keyPrefix: 'terms' });
  const lang = i18n.language;
  const [open, setOpen] = useState<'change' | 'end' | null>(null);
  const participation = useQuery({
    queryKey: ['participation', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/participation', { params: { path: { id } } }),
      ),
  });
  const today = todayWib();
  const days = (n: number) => t('days', { count: n });
  const columns: Column<Version>[] = [
    {
      ...dateColumn('effectiveFrom', t('effectiveFrom'), (v) => v.effectiveFrom, lang),
      cell: ({ row }) => (
        <>
          {businessDate(row.original.effectiveFrom, lang)}
          {row.original.effectiveFrom > today && <small className="muted"> ({t('notYet')})</small>}
        </>
      ),
    },
    moneyColumn('exposureLimit', t('exposureLimit'), (v) => v.exposureLimit),
    moneyColumn('monthlySubsidy', t('monthlySubsidy'), (v) => v.monthlySubsidy),
    { id: 'period', header: t('settlementPeriod'), accessorFn: (v) => t(v.settlementPeriod) },
    {
      id: 'terms',
      header: t('paymentTermsDays'),
      accessorKey: 'paymentTermsDays',
      numeric: true,
    },
    { id: 'grace', header: t('graceDays'), accessorKey: 'graceDays', numeric: true },
    { id: 'mode', header: t('subsidyMode'), accessorFn: (v) => t(v.subsidyMode) },
    moneyColumn('potential', t('monthlySalesPotential'), (v) => v.monthlySalesPotential),
    {
      id: 'reason',
      header: t('reason'),
      accessorKey: 'reason',
      cell: ({ row }) => <span className="wrap">{row.original.reason}</span>,
    },
    {
      id: 'by',
      header: t('changedBy'),
      accessorFn: (v) => v.changedByName ?? (v.changedBy ? v.changedBy : t('before')),
    },
  ];
  return (
    <QueryState query={participation}>
      {(p) => (
        <>
          {p.endDate && (
            <p role="status" className="state">
              {t('ended', { date: businessDate(p.endDate, lang), reason: p.endReason ?? '' })}
            </p>
          )}
          <h2>{t('inForce')}</h2>
          <p className="muted">{t('inForceSince', { date: businessDate(p.termsFrom, lang) })}</p>
          <dl className="facts">
            <Fact label={t('agreementNo')}>{p.agreementNo}</Fact>
            <Fact label={t('startDate')}>{businessDate(p.startDate, lang)}</Fact>
            <Fact label={t('exposureLimit')}>{rupiah(p.exposureLimit)}</Fact>
            <Fact label={t('monthlySubsidy')}>{rupiah(p.monthlySubsidy)}</Fact>
            <Fact label={t('settlementPeriod')}>{t(p.settlementPeriod)}</Fact>
            <Fact label={t('paymentTermsDays')}>{days(p.paymentTermsDays)}</Fact>
            <Fact label={t('graceDays')}>{days(p.graceDays)}</Fact>
            <Fact label={t('subsidyMode')}>{t(p.subsidyMode)}</Fact>
            <Fact label={t('monthlySalesPotential')}>{rupiah(p.monthlySalesPotential)}</Fact>
          </dl>
          {admin && !open && (
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  onNotice('');
                  setOpen('change');
                }}
              >
                {t('change')}
              </button>
              {!p.endReason && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onNotice('');
                    setOpen('end');
                  }}
                >
                  {t('end')}
                </button>
              )}
            </div>
          )}
          {open === 'change' && (
            <ChangeTermsForm
              p={p}
              onClose={() => setOpen(null)}
              onDone={(from) => {
                setOpen(null);
                onNotice(t('changed', { date: businessDate(from, lang) }));
              }}
            />
          )}
          {open === 'end' && (
            <EndParticipationForm
              id={id}
              onClose={() => setOpen(null)}
              onDone={(date) => {
                setOpen(null);
                onNotice(t('endedDone', { date: businessDate(date, lang) }));
              }}
            />
          )}
          <h2>{t('history')}</h2>
          <p className="muted">{t('historyIntro')}</p>
          <DataTable
            data={p.history}
            columns={columns}
            empty={t('empty')}
            filterLabel={t('filter')}
          />
        </>
      )}
    </QueryState>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
