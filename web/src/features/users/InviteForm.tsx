import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { ROLES_OF_KIND, type CodeSlipData, type Role } from './data.ts';
import './strings.ts';

/** An organization a user can be invited into, with its kind (which decides the roles). */
export interface OrgOption {
  id: string;
  name: string;
  kind: string;
  group: 'hub' | 'cooperatives' | 'offices';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 .-]{6,22}[0-9]$/;

/**
 * Invites a user: no password, the answer's activation code is handed over (`onInvited`).
 * `roles` narrows the roles offered (a manager invites cashiers only).
 */
export function InviteForm({
  orgs,
  roles,
  onInvited,
  onClose,
}: {
  orgs: OrgOption[];
  roles?: readonly Role[];
  onInvited: (slip: CodeSlipData) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const client = useQueryClient();
  const only = orgs.length === 1 ? orgs[0]!.id : '';
  const [f, setF] = useState({ name: '', email: '', phone: '', org: only, role: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value, ...(k === 'org' ? { role: '' } : {}) }));
  const org = orgs.find((o) => o.id === f.org);
  const roleChoices = (org ? (ROLES_OF_KIND[org.kind] ?? []) : []).filter(
    (r) => !roles || roles.includes(r),
  );
  const role = roleChoices.length === 1 ? roleChoices[0]! : f.role;

  const save = useMutation({
    mutationFn: async (body: {
      name: string;
      email: string;
      phone?: string;
      orgId: string;
      role: Role;
    }) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: async (u, body) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onInvited({
        purpose: 'activation',
        name: body.name,
        email: u.email,
        code: u.activationCode ?? '',
        expiresAt: u.activationExpiresAt ?? '',
        activationUrl: u.activationUrl ?? '',
        whatsappUrl: u.whatsappUrl,
      });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.name.trim()) errs.name = t('required');
    if (!EMAIL.test(f.email.trim())) errs.email = t('emailInvalid');
    if (f.phone.trim() && !PHONE.test(f.phone.trim())) errs.phone = t('phoneInvalid');
    if (!org) errs.org = t('required');
    if (!role) errs.role = t('required');
    setErrors(errs);
    if (Object.keys(errs).length || !org || !role) return;
    save.mutate({
      name: f.name.trim(),
      email: f.email.trim(),
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      orgId: org.id,
      role: role as Role,
    });
  };

  const group = (g: OrgOption['group'], label: string) => {
    const items = orgs.filter((o) => o.group === g);
    if (!items.length) return null;
    return (
      <optgroup label={label}>
        {items.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </optgroup>
    );
  };

  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        <h2>{t('invite')}</h2>
        <div className="form-row">
          <Field label={t('name')} error={errors.name} path="/name">
            <input value={f.name} maxLength={200} autoComplete="off" onChange={set('name')} />
          </Field>
          <Field label={t('email')} error={errors.email} path="/email">
            <input type="email" value={f.email} autoComplete="off" onChange={set('email')} />
          </Field>
        </div>
        <Field label={t('phone')} error={errors.phone} hint={t('phoneHint')} path="/phone">
          <input type="tel" inputMode="tel" value={f.phone} onChange={set('phone')} />
        </Field>
        <div className="form-row">
          <Field
            label={t('organization')}
            error={errors.org}
            hint={orgs.some((o) => o.group === 'offices') ? t('organizationHint') : undefined}
            path="/orgId"
          >
            <select value={f.org} onChange={set('org')} disabled={orgs.length === 1}>
              {orgs.length > 1 && <option value="">{t('choose')}</option>}
              {group('hub', t('groupHub'))}
              {group('cooperatives', t('groupCooperatives'))}
              {group('offices', t('groupOffices'))}
            </select>
          </Field>
          <Field label={t('role')} error={errors.role} path="/role">
            <select value={role} onChange={set('role')} disabled={roleChoices.length <= 1}>
              {roleChoices.length !== 1 && <option value="">{t('choose')}</option>}
              {roleChoices.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ProblemAlert error={save.error} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('inviting') : t('submitInvite')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
