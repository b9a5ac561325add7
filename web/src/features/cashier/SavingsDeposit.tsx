import { useRef, useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useCachedTranslation } from '../../app/i18n.ts';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { rupiah } from '../../ui/format.ts';
import { RadioGroup } from './Choices.tsx';
import { addDeposit } from './deposit-outbox.ts';
import type { ChosenMember, DirectoryMember } from './member-match.ts';
import { MemberPicker } from './MemberPicker.tsx';
import { QrisPayment } from './QrisPayment.tsx';
import type { QrisMerchant } from './qris.ts';
import {
  SAVINGS_KINDS,
  depositAmount,
  newDeposit,
  type DepositMethod,
  type OutboxDeposit,
  type SavingsKind,
} from './savings-deposit.ts';
import './strings.ts';

/**
 * A member's savings deposit at the counter ("Setor simpanan"): member, kind, amount, cash or QRIS.
 * Written to the device's outbox like a sale and sent by the same sync: it works offline.
 */
export function SavingsDeposit({
  coopId,
  directory,
  qrisMerchant,
  onClose,
}: {
  coopId: string;
  directory: readonly DirectoryMember[] | undefined;
  qrisMerchant: QrisMerchant | null;
  onClose: () => void;
}) {
  const { t } = useCachedTranslation('cashier', { keyPrefix: 'deposit' });
  const { t: tc } = useCachedTranslation('cashier');
  const [member, setMember] = useState<ChosenMember | null>(null);
  const [kind, setKind] = useState<SavingsKind>('wajib');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<DepositMethod>('cash');
  const [errors, setErrors] = useState<{ member?: string; amount?: string }>({});
  const [showQris, setShowQris] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<OutboxDeposit | null>(null);
  // The deposit's client id is fixed at the first try: a retry after a failed write is the same deposit.
  const pendingId = useRef<string | null>(null);
  const value = depositAmount(amount);

  const save = async () => {
    if (!member || value === undefined || saving) return;
    setSaving(true);
    try {
      pendingId.current ??= uuidv7();
      const d = newDeposit(
        { id: pendingId.current, coopId, member, kind, amount: value },
        method,
        Date.now(),
      );
      await addDeposit(d);
      pendingId.current = null;
      setSaveError(null);
      setShowQris(false);
      setSaved(d);
      setMember(null);
      setAmount('');
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = {
      ...(member ? {} : { member: t('memberMissing') }),
      ...(value === undefined ? { amount: t('amountInvalid') } : {}),
    };
    setErrors(errs);
    if (errs.member || errs.amount) return;
    if (method === 'qris' && qrisMerchant) setShowQris(true);
    else void save();
  };

  if (showQris && qrisMerchant && value !== undefined)
    return (
      <QrisPayment
        merchant={qrisMerchant}
        amount={value}
        paying={saving}
        error={saveError}
        onPaid={() => void save()}
        onCancel={() => {
          setSaveError(null);
          setShowQris(false);
        }}
      />
    );

  if (saved)
    return (
      <section className="deposit" aria-labelledby="deposit-title">
        <h2 id="deposit-title">{t('title')}</h2>
        <Notice>
          {t('saved', {
            kind: t(saved.deposit.kind).toLowerCase(),
            amount: rupiah(saved.deposit.amount),
            memberNo: saved.member.memberNo,
            name: saved.member.name,
          })}
        </Notice>
        <div className="actions">
          <button type="button" onClick={() => setSaved(null)}>
            {t('another')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('back')}
          </button>
        </div>
      </section>
    );

  const methods: DepositMethod[] = qrisMerchant ? ['cash', 'qris'] : ['cash'];
  return (
    <form className="form deposit" onSubmit={submit} noValidate aria-labelledby="deposit-title">
      <h2 id="deposit-title">{t('title')}</h2>
      <MemberPicker
        label={t('member')}
        directory={directory}
        value={member}
        onChange={(m) => {
          setMember(m);
          setErrors((e) => ({ ...e, member: undefined }));
        }}
      />
      {errors.member && (
        <p className="error" role="alert">
          {errors.member}
        </p>
      )}
      <RadioGroup
        legend={t('kind')}
        name="deposit-kind"
        options={SAVINGS_KINDS}
        value={kind}
        onChange={setKind}
        labelOf={(k) => t(k)}
      />
      <Field label={t('amount')} error={errors.amount} hint={t('amountHint')}>
        <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </Field>
      <RadioGroup
        legend={t('method')}
        name="deposit-method"
        options={methods}
        value={method}
        onChange={setMethod}
        labelOf={(m) => tc(m)}
      />
      <ProblemAlert error={saveError} />
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? tc('saving') : method === 'qris' ? t('showQris') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}
