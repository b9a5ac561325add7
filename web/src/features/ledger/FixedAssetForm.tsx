import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemScope, SubmitRow } from '../../ui/forms.tsx';
import { parseRupiah, todayWib } from '../../ui/format.ts';
import './manual-strings.ts';

/** An account of the chart as listAccounts answers it. */
export interface ChartAccount {
  code: string;
  name: string;
  type: string;
  section: string;
  manual: boolean;
}

const ASSET_ACCOUNTS = ['1501', '1502', '1503'] as const;
type AssetAccount = (typeof ASSET_ACCOUNTS)[number];

interface Registered {
  name: string;
  monthlyDepreciation: number;
}

/** Registers a fixed asset: what it is, when and for how much it was acquired, its life, what paid for it. */
export function FixedAssetForm({
  orgId,
  accounts,
  onDone,
  onClose,
}: {
  orgId: string;
  accounts: ChartAccount[];
  onDone: (a: Registered) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('ledgerManual');
  const client = useQueryClient();
  const [id] = useState(() => crypto.randomUUID());
  const [f, setF] = useState({
    name: '',
    account: '1502',
    acquiredOn: todayWib(),
    cost: '',
    residual: '0',
    life: '',
    paidFrom: '1101',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const payers = accounts.filter(
    (a) =>
      a.manual && ['aset', 'liabilitas', 'ekuitas'].includes(a.type) && a.section !== 'aset_tetap',
  );
  const save = useMutation({
    mutationFn: async (body: {
      id: string;
      name: string;
      accountCode: AssetAccount;
      acquiredOn: string;
      cost: number;
      residualValue: number;
      usefulLifeMonths: number;
      paidFromAccount: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/orgs/{orgId}/fixed-assets', { params: { path: { orgId } }, body }),
      ),
    onSuccess: async (a) => {
      await client.invalidateQueries({ queryKey: ['ledger'] });
      onDone(a);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const cost = parseRupiah(f.cost);
    const residual = parseRupiah(f.residual || '0');
    const life = /^\d{1,4}$/.test(f.life.trim()) ? Number(f.life.trim()) : 0;
    if (!f.name.trim()) errs.name = t('required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.acquiredOn)) errs.acquiredOn = t('required');
    if (!cost) errs.cost = t('amountInvalid');
    if (residual === undefined) errs.residual = t('amountInvalid');
    else if (cost && residual >= cost) errs.residual = t('residualInvalid');
    if (life < 1) errs.life = t('lifeInvalid');
    if (!f.paidFrom) errs.paidFrom = t('required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      id,
      name: f.name.trim(),
      accountCode: f.account as AssetAccount,
      acquiredOn: f.acquiredOn,
      cost: cost!,
      residualValue: residual!,
      usefulLifeMonths: life,
      paidFromAccount: f.paidFrom,
    });
  };
  const nameOf = (code: string) => accounts.find((a) => a.code === code)?.name ?? code;
  // The server's problem until the form's own checks find something (they replace it).
  const problem = Object.keys(errors).length === 0 ? save.error : null;
  return (
    <form className="form confirm" onSubmit={submit} noValidate>
      <ProblemScope error={problem}>
        <h3>{t('newAsset')}</h3>
        <Field label={t('name')} error={errors.name} path="/name">
          <input value={f.name} maxLength={200} onChange={set('name')} />
        </Field>
        <div className="form-row">
          <Field label={t('assetAccount')} error={errors.account} path="/accountCode">
            <select value={f.account} onChange={set('account')}>
              {ASSET_ACCOUNTS.map((c) => (
                <option key={c} value={c}>
                  {nameOf(c)} ({c})
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('acquiredOn')} error={errors.acquiredOn} path="/acquiredOn">
            <input type="date" value={f.acquiredOn} max={todayWib()} onChange={set('acquiredOn')} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('cost')} error={errors.cost} path="/cost">
            <input inputMode="numeric" value={f.cost} onChange={set('cost')} />
          </Field>
          <Field
            label={t('residualValue')}
            error={errors.residual}
            path="/residualValue"
            hint={t('residualHint')}
          >
            <input inputMode="numeric" value={f.residual} onChange={set('residual')} />
          </Field>
          <Field label={t('usefulLife')} error={errors.life} path="/usefulLifeMonths">
            <input inputMode="numeric" value={f.life} onChange={set('life')} />
          </Field>
        </div>
        <Field
          label={t('paidFrom')}
          error={errors.paidFrom}
          path="/paidFromAccount"
          hint={t('paidFromHint')}
        >
          <select value={f.paidFrom} onChange={set('paidFrom')}>
            {payers.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
          </select>
        </Field>
        <SubmitRow
          error={problem}
          pending={save.isPending}
          label={t('addAsset')}
          busyLabel={t('saving')}
          close={{ label: t('close'), onClick: onClose }}
        />
      </ProblemScope>
    </form>
  );
}
