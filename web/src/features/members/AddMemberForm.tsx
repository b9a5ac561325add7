import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 } from 'uuid';
import { Field, SubmitRow } from '../../ui/forms.tsx';
import { todayWib } from '../../ui/format.ts';
import { createMember, type NewMember } from './members-api.ts';
import { nikOf, splitProblem } from './member-format.ts';
import { AddressField, PhoneField, RoleSelect, useFields } from './MemberFields.tsx';
import './strings.ts';

/** The server's field paths as this form's fields; a NIK already a member is the NIK's error. */
const FIELD_OF: Record<string, string> = {
  '/nik': 'nik',
  '/name': 'name',
  '/joinedOn': 'joinedOn',
  '/phone': 'phone',
  '/address': 'address',
  '/role': 'role',
};
const CODE_FIELD = { AlreadyExists: 'nik' };

/** A new member: NIK, name, join date, and optionally phone, address and office (jabatan). */
export function AddMemberForm({
  cooperativeId,
  onDone,
  onClose,
}: {
  cooperativeId: string;
  onDone: (notice: string, memberId: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('members');
  const client = useQueryClient();
  const [memberId] = useState(() => v7());
  const { f, set, errors, setErrors } = useFields({
    nik: '',
    name: '',
    joinedOn: todayWib(),
    phone: '',
    address: '',
    role: '',
  });
  const save = useMutation({
    mutationFn: (body: NewMember) => createMember(cooperativeId, body),
    onSuccess: async (r, body) => {
      await client.invalidateQueries({ queryKey: ['members', cooperativeId] });
      onDone(t('add.saved', { name: body.name, memberNo: r.memberNo }), r.id);
    },
    onError: (e) => setErrors(splitProblem(e, FIELD_OF, CODE_FIELD).fields),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const nik = nikOf(f.nik);
    if (!nik) errs.nik = t('add.nikInvalid');
    if (!f.name.trim()) errs.name = t('required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.joinedOn)) errs.joinedOn = t('required');
    else if (f.joinedOn > todayWib()) errs.joinedOn = t('add.dateFuture');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      id: memberId,
      nik: nik!,
      name: f.name.trim(),
      joinedOn: f.joinedOn,
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      ...(f.address.trim() ? { address: f.address.trim() } : {}),
      ...(f.role ? { role: f.role as NonNullable<NewMember['role']> } : {}),
    });
  };
  return (
    <form className="form confirm" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t('add.title')}</h2>
      <div className="form-row">
        <Field label={t('nik')} error={errors.nik} hint={t('add.nikHint')}>
          <input
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            value={f.nik}
            onChange={set('nik')}
          />
        </Field>
        <Field label={t('name')} error={errors.name}>
          <input maxLength={200} value={f.name} onChange={set('name')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('joinedOn')} error={errors.joinedOn}>
          <input
            type="date"
            lang={i18n.language}
            max={todayWib()}
            value={f.joinedOn}
            onChange={set('joinedOn')}
          />
        </Field>
        <PhoneField
          value={f.phone}
          error={errors.phone}
          hint={t('add.phoneHint')}
          onChange={set('phone')}
        />
      </div>
      <AddressField value={f.address} error={errors.address} onChange={set('address')} />
      <RoleSelect value={f.role} error={errors.role} onChange={set('role')} />
      <SubmitRow
        error={splitProblem(save.error, FIELD_OF, CODE_FIELD).rest}
        pending={save.isPending}
        label={t('add.submit')}
        busyLabel={t('saving')}
        close={{ label: t('close'), onClick: onClose }}
      />
    </form>
  );
}
