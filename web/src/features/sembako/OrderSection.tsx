import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { instantWib, monthName, rupiah } from '../../ui/format.ts';
import { contentsOf, type Directory, type usePeriods } from './data.ts';
import './strings.ts';

type Period = NonNullable<ReturnType<typeof usePeriods>['data']>[number];

/** A period's packages for the civil servant, and the order form while ordering is open. */
export function OrderSection({
  programId,
  nip,
  period,
  dir,
  lastPickup,
  onPlaced,
}: {
  programId: string;
  nip: string;
  period: Period;
  dir: Directory | undefined;
  lastPickup: string | undefined;
  onPlaced: () => void;
}) {
  const { t, i18n } = useTranslation('sembako');
  const lang = i18n.language;
  const [packageId, setPackageId] = useState('');
  const [qty, setQty] = useState('1');
  const [clientId, setClientId] = useState(() => uuidv7());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [placed, setPlaced] = useState(false);
  const now = new Date().toISOString();
  const open = period.orderOpensAt <= now && now < period.orderClosesAt;
  const place = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/orders', {
          params: { path: { programId } },
          body: { id: clientId, nip, month: period.month, packageId, qty: Number(qty) },
        }),
      ),
    onSuccess: () => {
      setPlaced(true);
      setClientId(uuidv7());
      setPackageId('');
      setQty('1');
      onPlaced();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!packageId) errs.packageId = t('choosePackage');
    if (!/^\d+$/.test(qty) || Number(qty) < 1 || Number(qty) > 100) errs.qty = t('invalidQty');
    setErrors(errs);
    setPlaced(false);
    if (Object.keys(errs).length === 0) place.mutate();
  }
  return (
    <>
      <h2>{t('packagesTitle', { month: monthName(period.month, lang) })}</h2>
      <p className="muted">
        {t('orderWindow', {
          from: instantWib(period.orderOpensAt, lang),
          to: instantWib(period.orderClosesAt, lang),
        })}
      </p>
      <ul className="cards package-cards">
        {period.packages.map((p) => (
          <li key={p.id} className="card">
            <h3>{p.name}</h3>
            <p className="muted">{contentsOf(p.items, dir)}</p>
            <dl className="facts">
              <div>
                <dt>{t('price')}</dt>
                <dd>{rupiah(p.price)}</dd>
              </div>
              <div>
                <dt>{t('subsidy')}</dt>
                <dd>{rupiah(p.sponsorSubsidy)}</dd>
              </div>
              <div>
                <dt>{t('toDeduct')}</dt>
                <dd>
                  <strong>{rupiah(p.participantPays)}</strong>
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {open ? (
        <form className="form" onSubmit={submit} noValidate aria-label={t('orderTitle')}>
          <ProblemScope error={place.error}>
            <h3>{t('orderTitle')}</h3>
            <div className="form-row">
              <Field label={t('package')} error={errors.packageId} path="/packageId">
                <select value={packageId} onChange={(e) => setPackageId(e.target.value)}>
                  <option value="">{t('choosePackage')}</option>
                  {period.packages.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} — {rupiah(p.participantPays)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('qty')} error={errors.qty} path="/qty">
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  value={qty}
                  onChange={(e) => setQty(e.target.value)}
                />
              </Field>
            </div>
            <p className="muted">
              {lastPickup ? t('pickupAt', { name: lastPickup }) : t('pickupDefault')}
            </p>
            <ProblemAlert error={place.error} />
            {placed && <Notice>{t('orderPlaced')}</Notice>}
            <div className="actions">
              <button type="submit" disabled={place.isPending}>
                {place.isPending ? t('placing') : t('placeOrder')}
              </button>
            </div>
          </ProblemScope>
        </form>
      ) : (
        <p className="state">{now < period.orderOpensAt ? t('orderNotOpen') : t('orderClosed')}</p>
      )}
    </>
  );
}
