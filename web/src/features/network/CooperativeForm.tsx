import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import type { paths } from '../../app/api-types.ts';
import { Field, Notice, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { useVillage } from './regions.tsx';
import './strings.ts';

type Body = paths['/api/v1/cooperatives']['post']['requestBody']['content']['application/json'];
type Created =
  paths['/api/v1/cooperatives']['post']['responses'][201]['content']['application/json'];

const EMPTY = {
  name: '',
  villageCode: '',
  legalNumber: '',
  nikKoperasi: '',
  npwp: '',
  bankName: '',
  bankAccountNo: '',
  bankAccountName: '',
  chairman: '',
  chairmanPhone: '',
};
type Form = typeof EMPTY;
type Key = keyof Form;
/** The optional fields with their input sizes; the chairman's go in as the officer `ketua`. */
const OPTIONAL: [Exclude<Key, 'name' | 'villageCode'>, number][] = [
  ['legalNumber', 100],
  ['nikKoperasi', 50],
  ['npwp', 30],
  ['bankName', 100],
  ['bankAccountNo', 50],
  ['bankAccountName', 200],
  ['chairman', 200],
  ['chairmanPhone', 30],
];
type LegalKey = Exclude<Key, 'name' | 'villageCode' | 'chairman' | 'chairmanPhone'>;
/** The optional fields createCooperative takes as they are: all but the chairman's. */
const LEGAL = OPTIONAL.map(([k]) => k).filter((k): k is LegalKey => !k.startsWith('chairman'));

/** Each field's JSON paths in the request body: the chairman's are the officer's. */
const PATH_OF: Record<Key, string | string[]> = {
  ...(Object.fromEntries(Object.keys(EMPTY).map((k) => [k, `/${k}`])) as Record<Key, string>),
  chairman: ['/officers/0/name', '/officers/0/role', '/officers/0', '/officers'],
  chairmanPhone: '/officers/0/phone',
};

/**
 * One cooperative for one official village (one KDKMP per village): the village's name shows as
 * soon as its code is known, the legal data, bank account and chairman may follow later.
 */
export function CooperativeForm() {
  const { t } = useTranslation('network', { keyPrefix: 'create' });
  const client = useQueryClient();
  const [f, setF] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const village = useVillage(f.villageCode.trim());
  const set = (k: Key) => (e: { target: { value: string } }) => {
    setF((x) => ({ ...x, [k]: e.target.value }));
    // A field's message was about what it held before.
    setErrors(({ [k]: _, ...rest }) => rest);
  };
  const save = useMutation({
    mutationFn: async (body: Body) => unwrap(await api.POST('/api/v1/cooperatives', { body })),
    onSuccess: async () => {
      setF(EMPTY);
      await client.invalidateQueries({ queryKey: ['cooperatives'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Key, string>> = {};
    const code = f.villageCode.trim();
    if (!f.name.trim()) errs.name = t('required');
    if (!code) errs.villageCode = t('required');
    else if (!village.valid) errs.villageCode = t('villageFormat');
    else if (village.unknown) errs.villageCode = t('villageUnknown');
    if (f.chairmanPhone.trim() && !f.chairman.trim()) errs.chairman = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body: Body = { name: f.name.trim(), villageCode: code };
    for (const k of LEGAL) if (f[k].trim()) body[k] = f[k].trim();
    if (f.chairman.trim())
      body.officers = [
        {
          role: 'ketua',
          name: f.chairman.trim(),
          ...(f.chairmanPhone.trim() ? { phone: f.chairmanPhone.trim() } : {}),
        },
      ];
    save.mutate(body);
  };
  const v = village.village;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="coop-one-title">
      <ProblemScope error={save.error}>
        <h2 id="coop-one-title">{t('one')}</h2>
        <Field label={t('name')} error={errors.name} path={PATH_OF.name}>
          <input value={f.name} maxLength={200} onChange={set('name')} />
        </Field>
        <Field
          label={t('villageCode')}
          error={errors.villageCode ?? (village.unknown ? t('villageUnknown') : undefined)}
          hint={v ? `${v.name}, ${v.district}, ${v.regency}` : t('villageHint')}
          path={PATH_OF.villageCode}
        >
          <input
            value={f.villageCode}
            inputMode="decimal"
            maxLength={13}
            onChange={set('villageCode')}
          />
        </Field>
        <div className="form-row">
          {OPTIONAL.map(([k, max]) => (
            <Field key={k} label={t(k)} error={errors[k]} hint={t('optional')} path={PATH_OF[k]}>
              <input
                value={f[k]}
                maxLength={max}
                inputMode={k === 'chairmanPhone' ? 'tel' : undefined}
                onChange={set(k)}
              />
            </Field>
          ))}
        </div>
        <SubmitRow
          error={save.error}
          pending={save.isPending}
          label={t('submit')}
          busyLabel={t('saving')}
        />
        {save.data && <Saved coop={save.data} />}
      </ProblemScope>
    </form>
  );
}

function Saved({ coop }: { coop: Created }) {
  const { t } = useTranslation('network', { keyPrefix: 'create' });
  return (
    <Notice>
      {t('saved', { name: coop.name, village: coop.villageName, district: coop.districtName })}{' '}
      <Link to={`/koperasi/${coop.id}`}>{t('open', { name: coop.name })}</Link>
      {' · '}
      <Link to={`/koperasi/${coop.id}/perjanjian`}>{t('terms')}</Link>
    </Notice>
  );
}
