import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { useCooperatives } from '../delivery/delivery-data.ts';
import { CodeSlip, NotAllowed, WhatsAppLink } from './CodeSlip.tsx';
import { useUserAdmin, type ManagerCodeRow } from './data.ts';
import './strings.ts';
import './users.css';

/**
 * The hub admin issues fresh activation codes for the cooperative managers not activated yet (a
 * cooperatives import creates them), for all or some cooperatives, and prints them: one slip per
 * cooperative, or sends each by WhatsApp. Issuing again makes the earlier codes stop working.
 */
export function ManagerCodesPage() {
  const { t } = useTranslation('users', { keyPrefix: 'codes' });
  const { t: tu } = useTranslation('users');
  const { hub } = useUserAdmin();
  const coops = useCooperatives();
  const [selected, setSelected] = useState<string[]>([]);
  const [rows, setRows] = useState<ManagerCodeRow[] | null>(null);
  const issue = useMutation({
    mutationFn: async (cooperativeIds?: string[]) =>
      unwrap(
        await api.POST('/api/v1/cooperatives/activation-codes', {
          body: cooperativeIds ? { cooperativeIds } : {},
        }),
      ).items,
    onSuccess: (items) => setRows(items),
  });

  if (!hub) return <NotAllowed title={t('title')} text={t('forbidden')} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRows(null);
    issue.mutate(selected.length ? selected : undefined);
  };

  return (
    <section className="users-screen">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <Link to="/pengguna">{t('back')}</Link>
      </div>
      <p className="muted">{t('intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemScope error={issue.error}>
          {(coops.data?.length ?? 0) > 0 && (
            <Field
              label={t('selectCooperatives')}
              hint={t('selectHint')}
              path={['/cooperativeIds', '/cooperativeIds/*']}
            >
              <select
                multiple
                size={Math.min(8, coops.data!.length)}
                value={selected}
                onChange={(e) => setSelected([...e.target.selectedOptions].map((o) => o.value))}
              >
                {coops.data!.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <ProblemAlert error={issue.error} />
          <div className="actions">
            <button type="submit" disabled={issue.isPending}>
              {issue.isPending
                ? t('issuing')
                : selected.length
                  ? t('issueSelected')
                  : t('issueAll')}
            </button>
          </div>
        </ProblemScope>
      </form>
      {rows && rows.length === 0 && <Notice>{t('none')}</Notice>}
      {rows && rows.length > 0 && (
        <>
          <Notice>{t('issued', { count: rows.length })}</Notice>
          <div className="actions">
            <button type="button" onClick={() => window.print()}>
              {t('printAll')}
            </button>
          </div>
          <h2>{t('title')}</h2>
          <div className="code-list">
            {rows.map((r) => (
              <CodeSlip
                key={r.cooperativeId + r.email}
                slip={{ ...r, purpose: 'activation', name: r.managerName }}
                heading={
                  <dl className="facts">
                    <div>
                      <dt>{t('cooperative')}</dt>
                      <dd>{r.cooperativeName}</dd>
                    </div>
                    <div>
                      <dt>{t('village')}</dt>
                      <dd>{r.villageName}</dd>
                    </div>
                    {r.phone && (
                      <div>
                        <dt>{tu('phone')}</dt>
                        <dd>{r.phone}</dd>
                      </div>
                    )}
                  </dl>
                }
              >
                <WhatsAppLink url={r.whatsappUrl} />
              </CodeSlip>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
