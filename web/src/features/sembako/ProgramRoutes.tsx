import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../ui/forms.tsx';
import { monthName } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useDirectory, usePeriods, usePrograms, type ProgramCtx } from './data.ts';
import { Demand } from './Demand.tsx';
import { Participants } from './Participants.tsx';
import { Payroll } from './Payroll.tsx';
import { Periods } from './Periods.tsx';
import { Reconciliation } from './Reconciliation.tsx';
import { Roster } from './Roster.tsx';
import './participants.strings.ts';
import './strings.ts';
import './sembako.css';

/** The program admin's area (and the hub's view of a program): reconciliation, roster, periods, payroll, demand. */
export function ProgramRoutes() {
  const { t, i18n } = useTranslation('sembako');
  const programs = usePrograms();
  const [chosen, setChosen] = useState('');
  const program = programs.data?.find((p) => p.id === chosen) ?? programs.data?.[0];
  const periods = usePeriods(program?.id);
  const [month, setMonth] = useState('');
  const current = periods.data?.find((p) => p.month === month)?.month ?? periods.data?.[0]?.month;
  const dir = useDirectory(program?.id);
  const ctx: ProgramCtx | undefined = program
    ? { programId: program.id, month: current, dir: dir.data }
    : undefined;
  const { me } = useSession();
  // The roster, periods and payroll are the sponsor's; the hub reads the reconciliation and demand.
  const admin = !!me?.memberships.some((m) => m.role === 'program_admin');
  const tabs = [
    { to: '/program', label: t('tabOverview'), end: true, admin: false },
    { to: '/program/peserta', label: t('tabRoster'), admin: true },
    { to: '/program/daftar-peserta', label: t('tabParticipants'), admin: true },
    { to: '/program/periode', label: t('tabPeriods'), admin: true },
    { to: '/program/potong-gaji', label: t('tabPayroll'), admin: true },
    { to: '/program/permintaan', label: t('tabDemand'), admin: false },
  ].filter((x) => admin || !x.admin);
  return (
    <section>
      <h1>{t('programTitle')}</h1>
      <QueryState query={programs}>
        {(list) =>
          list.length === 0 || !ctx ? (
            <p className="state">{t('noProgram')}</p>
          ) : (
            <>
              <div className="form-row">
                {list.length > 1 && (
                  <Field label={t('program')}>
                    <select value={ctx.programId} onChange={(e) => setChosen(e.target.value)}>
                      {list.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {periods.data && periods.data.length > 0 && (
                  <Field label={t('period')}>
                    <select value={current} onChange={(e) => setMonth(e.target.value)}>
                      {periods.data.map((p) => (
                        <option key={p.month} value={p.month}>
                          {monthName(p.month, i18n.language)}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
              </div>
              <nav className="tabs program-tabs" aria-label={t('tabsLabel')}>
                {tabs.map((x) => (
                  <NavLink key={x.to} to={x.to} end={x.end ?? false}>
                    {x.label}
                  </NavLink>
                ))}
              </nav>
              <Routes>
                <Route index element={<Reconciliation ctx={ctx} />} />
                {admin && (
                  <>
                    <Route path="peserta" element={<Roster ctx={ctx} />} />
                    <Route path="daftar-peserta" element={<Participants ctx={ctx} />} />
                    <Route path="periode" element={<Periods ctx={ctx} />} />
                    <Route path="potong-gaji" element={<Payroll ctx={ctx} />} />
                  </>
                )}
                <Route path="permintaan" element={<Demand ctx={ctx} />} />
              </Routes>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
