import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { ROLES_OF_KIND, type Role, type UserRow } from './data.ts';
import './strings.ts';

/** A change asked for one user of the list: a new role, or deactivation (confirmed first). */
export type Change = { kind: 'role' | 'deactivate'; user: UserRow };

/** The form of a role change, or the confirmation of a deactivation; `onDone` gets the notice to show. */
export function UserChange({
  change,
  onDone,
  onClose,
}: {
  change: Change;
  onDone: (notice: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const client = useQueryClient();
  const { user } = change;
  const [role, setRole] = useState(user.role);
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: async (body: { role?: Role; active?: boolean }) =>
      unwrap(await api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onDone(
        change.kind === 'role'
          ? t('roleSaved', { name: u.name, role: t(`role_${u.role}`, u.role) })
          : t('deactivated', { name: u.name }),
      );
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.kind === 'deactivate') return save.mutate({ active: false });
    const choices: readonly string[] = ROLES_OF_KIND[user.orgKind] ?? [];
    if (!choices.includes(role)) return setError(t('required'));
    setError(undefined);
    save.mutate({ role: role as Role });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={save.error}>
        {change.kind === 'role' ? (
          <>
            <h2>{t('changeRoleOf', { name: user.name })}</h2>
            <Field label={t('newRole')} error={error} path="/role">
              <select value={role} onChange={(e) => setRole(e.target.value)}>
                {(ROLES_OF_KIND[user.orgKind] ?? []).map((r) => (
                  <option key={r} value={r}>
                    {t(`role_${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : (
          <>
            <h2>{t('deactivateOf', { name: user.name })}</h2>
            <p>{t('deactivateHint')}</p>
          </>
        )}
        <ProblemAlert error={save.error} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending
              ? t('saving')
              : change.kind === 'role'
                ? t('saveRole')
                : t('deactivate')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </ProblemScope>
    </form>
  );
}
