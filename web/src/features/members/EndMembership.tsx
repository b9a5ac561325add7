import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 } from 'uuid';
import { Field, ProblemAlert } from '../../ui/forms.tsx';
import { businessDate, rupiah, todayWib } from '../../ui/format.ts';
import { endMembership, useMemberSavings, type Member, type MembershipEnd } from './members-api.ts';
import { returnedOnLeaving, splitProblem } from './member-format.ts';
import { useFields } from './MemberFields.tsx';
import './member-strings.ts';
import './strings.ts';

const FIELD_OF: Record<string, string> = {
  '/status': 'status',
  '/date': 'date',
  '/method': 'method',
  '/reason': 'reason',
};

/**
 * Ending a membership (left or deceased): the form, then a confirmation that states what is paid
 * back (pokok, wajib, sukarela), then one request with one client id, so a retry ends it once.
 */
export function EndMembership({
  cooperativeId,
  member,
  onDone,
}: {
  cooperativeId: string;
  member: Member;
  /** Said by the page: once ended, this form is gone (the member is no longer active). */
  onDone: (notice: string) => void;
}) {
  const { t, i18n } = useTranslation('members');
  const lang = i18n.language;
  const client = useQueryClient();
  const savings = useMemberSavings(cooperativeId, member.id);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [endId] = useState(() => v7());
  const { f, set, errors, setErrors } = useFields({
    status: 'left' as MembershipEnd['status'],
    date: todayWib(),
    method: 'cash' as MembershipEnd['method'],
    reason: '',
  });
  const run = useMutation({
    mutationFn: (body: MembershipEnd) => endMembership(cooperativeId, member.id, body),
    onSuccess: async (r) => {
      onDone(t('end.done', { name: member.name, total: rupiah(r.total) }));
      await client.invalidateQueries({ queryKey: ['member', cooperativeId, member.id] });
      await client.invalidateQueries({ queryKey: ['memberSavings', cooperativeId, member.id] });
      await client.invalidateQueries({ queryKey: ['members', cooperativeId] });
      await client.invalidateQueries({ queryKey: ['savingsArrears', cooperativeId] });
    },
    onError: (e) => {
      const fields = splitProblem(e, FIELD_OF).fields;
      setErrors(fields);
      if (Object.keys(fields).length) setConfirming(false);
    },
  });
  if (!open)
    return (
      <p>
        <button type="button" className="secondary danger" onClick={() => setOpen(true)}>
          {t('end.open')}
        </button>
      </p>
    );
  const back = returnedOnLeaving(savings.data ?? { pokok: 0, wajib: 0, sukarela: 0 });
  const next = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.reason.trim()) errs.reason = t('required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) errs.date = t('required');
    else if (f.date > todayWib()) errs.date = t('savings.dateFuture');
    setErrors(errs);
    if (!Object.keys(errs).length && savings.data) setConfirming(true);
  };
  return (
    <section className="panel" aria-labelledby="end-title">
      <h2 id="end-title">{t('end.title')}</h2>
      <p className="muted">{t('end.intro')}</p>
      {confirming ? (
        <div className="form confirm">
          <h3>{t('end.confirmTitle')}</h3>
          <p className="caution">
            {t('end.confirm', {
              name: member.name,
              memberNo: member.memberNo,
              status: t(`status_${f.status}`).toLowerCase(),
              date: businessDate(f.date, lang),
              method: t(`savings.method_${f.method}`).toLowerCase(),
              pokok: rupiah(back.pokok),
              wajib: rupiah(back.wajib),
              sukarela: rupiah(back.sukarela),
              total: rupiah(back.total),
            })}
          </p>
          <ProblemAlert error={splitProblem(run.error, FIELD_OF).rest} />
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={run.isPending}
              onClick={() =>
                run.mutate({
                  id: endId,
                  status: f.status,
                  date: f.date,
                  method: f.method,
                  reason: f.reason.trim(),
                })
              }
            >
              {run.isPending ? t('end.working') : t('end.submit')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('end.back')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form confirm" onSubmit={next} noValidate>
          <div className="form-row">
            <Field label={t('end.status')} error={errors.status}>
              <select value={f.status} onChange={set('status')}>
                <option value="left">{t('status_left')}</option>
                <option value="deceased">{t('status_deceased')}</option>
              </select>
            </Field>
            <Field label={t('end.date')} error={errors.date}>
              <input
                type="date"
                lang={lang}
                max={todayWib()}
                value={f.date}
                onChange={set('date')}
              />
            </Field>
            <Field label={t('end.method')} error={errors.method}>
              <select value={f.method} onChange={set('method')}>
                <option value="cash">{t('savings.method_cash')}</option>
                <option value="transfer">{t('savings.method_transfer')}</option>
              </select>
            </Field>
          </div>
          <Field label={t('end.reason')} error={errors.reason} hint={t('end.reasonHint')}>
            <input maxLength={300} value={f.reason} onChange={set('reason')} />
          </Field>
          <ProblemAlert error={savings.error} />
          <div className="actions">
            <button type="submit" disabled={!savings.data}>
              {t('end.next')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
