import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SubmitRow } from '../../ui/forms.tsx';
import { updateMember, type Member, type MemberChange } from './members-api.ts';
import { splitProblem } from './member-format.ts';
import { AddressField, PhoneField, RoleSelect, useFields } from './MemberFields.tsx';
import './member-strings.ts';
import './strings.ts';

const FIELD_OF: Record<string, string> = {
  '/name': 'name',
  '/phone': 'phone',
  '/address': 'address',
  '/role': 'role',
};

/** `{[key]: text}` when the text differs from what is stored; emptied: `null` (removed). */
function changed<K extends 'phone' | 'address'>(key: K, text: string, stored: string | undefined) {
  const value = text.trim();
  if (value === (stored ?? '')) return {};
  return { [key]: value || null } as Record<K, string | null>;
}

/** A member's name, phone, address and office (jabatan); an emptied phone or address is removed. */
export function MemberEditForm({
  cooperativeId,
  member,
  onDone,
  onClose,
}: {
  cooperativeId: string;
  member: Member;
  onDone: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('members');
  const client = useQueryClient();
  const { f, set, errors, setErrors } = useFields({
    name: member.name,
    phone: member.phone ?? '',
    address: member.address ?? '',
    role: member.role ?? '',
  });
  const save = useMutation({
    mutationFn: (body: MemberChange) => updateMember(cooperativeId, member.id, body),
    onSuccess: async (_r, body) => {
      await client.invalidateQueries({ queryKey: ['member', cooperativeId, member.id] });
      await client.invalidateQueries({ queryKey: ['members', cooperativeId] });
      onDone(body.name ?? member.name);
    },
    onError: (e) => setErrors(splitProblem(e, FIELD_OF).fields),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = f.name.trim();
    if (!name) {
      setErrors({ name: t('required') });
      return;
    }
    setErrors({});
    const role = (f.role || null) as MemberChange['role'];
    save.mutate({
      ...(name !== member.name ? { name } : {}),
      ...changed('phone', f.phone, member.phone),
      ...changed('address', f.address, member.address),
      ...(role !== (member.role ?? null) ? { role } : {}),
    });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate aria-labelledby="edit-member-title">
      <h2 id="edit-member-title">{t('member.editTitle')}</h2>
      <Field label={t('name')} error={errors.name}>
        <input maxLength={200} value={f.name} onChange={set('name')} />
      </Field>
      <div className="form-row">
        <PhoneField value={f.phone} error={errors.phone} onChange={set('phone')} />
        <RoleSelect value={f.role} error={errors.role} onChange={set('role')} />
      </div>
      <AddressField value={f.address} error={errors.address} onChange={set('address')} />
      <SubmitRow
        error={splitProblem(save.error, FIELD_OF).rest}
        pending={save.isPending}
        label={t('member.editSubmit')}
        busyLabel={t('saving')}
        close={{ label: t('close'), onClick: onClose }}
      />
    </form>
  );
}
