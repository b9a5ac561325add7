import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { instantWib } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import {
  CRITERIA,
  checkMerchantForm,
  merchantBody,
  qrisMerchantQuery,
  useQrisMerchant,
  type MerchantForm,
  type MerchantFormErrors,
  type QrisMerchantData,
} from './qris-merchant.ts';
import './strings.ts';

type TextField = 'nmid' | 'mcc' | 'name' | 'city' | 'postalCode';

/** A name as a QRIS carries it: plain ASCII, at most 25 characters (a suggestion the manager may change). */
function suggestedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 25)
    .trim();
}

/** The cooperative manager's (or hub admin's) settings of the QRIS the cashier shows. */
export function QrisSettingsPage() {
  const { t } = useTranslation('cashier', { keyPrefix: 'qrisSettings' });
  const { id = '' } = useParams();
  const merchant = useQrisMerchant(id);
  const { me } = useSession();
  const membership = me?.memberships.find((m) => m.orgId === id);
  const coop = useQuery({
    queryKey: ['cooperative', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } })),
    enabled: !membership,
  });
  const coopName = membership?.orgName ?? coop.data?.name ?? '';
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <QueryState query={merchant}>
        {(data) => (
          // The form starts from what is stored when it first shows; a save keeps it as typed.
          <MerchantSettings coopId={id} current={data} coopName={coopName} />
        )}
      </QueryState>
    </section>
  );
}

function MerchantSettings({
  coopId,
  current,
  coopName,
}: {
  coopId: string;
  current: QrisMerchantData | null;
  coopName: string;
}) {
  const { t, i18n } = useTranslation('cashier', { keyPrefix: 'qrisSettings' });
  const client = useQueryClient();
  const [form, setForm] = useState<MerchantForm>(() =>
    current
      ? { ...current, postalCode: current.postalCode ?? '' }
      : {
          nmid: '',
          mcc: '5411',
          name: suggestedName(coopName),
          city: '',
          postalCode: '',
          criteria: 'UMI',
        },
  );
  const [errors, setErrors] = useState<MerchantFormErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async (f: MerchantForm) =>
      unwrap(
        await api.PUT('/api/v1/cooperatives/{id}/qris-merchant', {
          params: { path: { id: coopId } },
          body: merchantBody(f),
        }),
      ),
    onSuccess: (data) => {
      setSaved(true);
      // The cashier's cached copy (also kept offline) is replaced by what the server stored.
      client.setQueryData(qrisMerchantQuery(coopId).queryKey, data);
    },
  });
  // The form's own word on a field; the server's, when it refused one, comes by the field's path.
  const errorOf = (k: TextField) => (errors[k] ? t(`invalid.${k}`) : undefined);
  const set = (k: keyof MerchantForm) => (value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const errs = checkMerchantForm(form);
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate(form);
  };
  return (
    <>
      {current ? (
        <p className="muted">
          {t('updated', { at: instantWib(current.updatedAt, i18n.language) })}
        </p>
      ) : (
        <p className="state">{t('none')}</p>
      )}
      {saved && <Notice>{t('saved')}</Notice>}
      <form className="form" onSubmit={submit} noValidate>
        <ProblemScope error={save.error}>
          <Field label={t('nmid')} hint={t('nmidHint')} error={errorOf('nmid')} path="/nmid">
            <input
              value={form.nmid}
              autoCapitalize="characters"
              maxLength={40}
              onChange={(e) => set('nmid')(e.target.value)}
            />
          </Field>
          <Field label={t('name')} hint={t('nameHint')} error={errorOf('name')} path="/name">
            <input value={form.name} maxLength={40} onChange={(e) => set('name')(e.target.value)} />
          </Field>
          <Field label={t('city')} hint={t('cityHint')} error={errorOf('city')} path="/city">
            <input value={form.city} maxLength={30} onChange={(e) => set('city')(e.target.value)} />
          </Field>
          <div className="form-row">
            <Field label={t('mcc')} hint={t('mccHint')} error={errorOf('mcc')} path="/mcc">
              <input
                value={form.mcc}
                inputMode="numeric"
                maxLength={4}
                onChange={(e) => set('mcc')(e.target.value)}
              />
            </Field>
            <Field
              label={t('postalCode')}
              hint={t('postalCodeHint')}
              error={errorOf('postalCode')}
              path="/postalCode"
            >
              <input
                value={form.postalCode}
                inputMode="numeric"
                maxLength={5}
                onChange={(e) => set('postalCode')(e.target.value)}
              />
            </Field>
          </div>
          <Field label={t('criteria')} path="/criteria">
            <select value={form.criteria} onChange={(e) => set('criteria')(e.target.value)}>
              {CRITERIA.map((c) => (
                <option key={c} value={c}>
                  {t(c)}
                </option>
              ))}
            </select>
          </Field>
          <ProblemAlert error={save.error} />
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? t('saving') : t('save')}
            </button>
          </div>
        </ProblemScope>
      </form>
    </>
  );
}
