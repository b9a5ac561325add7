import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toDataURL } from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { instantWib, monthName, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { contentsOf, useDirectory, usePeriods, usePrograms, type Directory } from './data.ts';
import './strings.ts';
import './sembako.css';

/** The QR code of a pickup (payload from the API), drawn in the browser. */
function PickupQr({ payload, code }: { payload: string; code: string }) {
  const { t } = useTranslation('sembako');
  const [image, setImage] = useState<{ payload: string; src: string } | 'failed'>();
  useEffect(() => {
    let live = true;
    toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }).then(
      (src) => live && setImage({ payload, src }),
      () => live && setImage('failed'),
    );
    return () => {
      live = false;
    };
  }, [payload]);
  if (image === 'failed') return null;
  if (image?.payload !== payload) return <p className="state">{t('drawing')}</p>;
  return <img className="pickup-qr" src={image.src} alt={t('qrOf', { code })} />;
}

type Order = {
  id: string;
  month: string;
  packageName: string;
  qty: number;
  amount: number;
  amountToDeduct: number;
  status: string;
  pickupCooperativeName: string;
  createdAt: string;
  pickedUpAt: string | null;
  pickupCode?: string;
  pickupQr?: string;
};

/** The civil servant's page: this period's packages and the order form, their orders with pickup codes, their deductions. */
export function ParticipantHome() {
  const { t, i18n } = useTranslation('sembako');
  const { me } = useSession();
  const client = useQueryClient();
  const programs = usePrograms();
  const program = programs.data?.[0];
  const programId = program?.id;
  const periods = usePeriods(programId);
  const dir = useDirectory(programId);
  const nip = me?.email.split('@')[0] ?? '';
  const orders = useQuery({
    queryKey: ['sembako', 'myOrders', programId],
    enabled: !!programId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/my/orders', {
          params: { path: { programId: programId! } },
        }),
      ).items as Order[],
  });
  const deductions = useQuery({
    queryKey: ['sembako', 'myDeductions', programId],
    enabled: !!programId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/my/deductions', {
          params: { path: { programId: programId! } },
        }),
      ).items,
  });
  const now = new Date().toISOString();
  const period =
    periods.data?.find((p) => p.orderOpensAt <= now && now < p.orderClosesAt) ?? periods.data?.[0];
  const lang = i18n.language;

  type Deduction = NonNullable<typeof deductions.data>[number];
  const deductionColumns: Column<Deduction>[] = [
    {
      id: 'month',
      header: t('period'),
      accessorFn: (d) => d.month,
      cell: (c) => monthName(c.row.original.month, lang),
    },
    {
      id: 'due',
      header: t('amountDue'),
      numeric: true,
      accessorFn: (d) => d.amountDue,
      cell: (c) => rupiah(c.row.original.amountDue),
    },
    {
      id: 'deducted',
      header: t('amountDeducted'),
      numeric: true,
      accessorFn: (d) => d.amountDeducted,
      cell: (c) => rupiah(c.row.original.amountDeducted),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (d) => (d.status ? t(d.status) : t('statusNone')),
    },
    {
      id: 'open',
      header: t('open'),
      numeric: true,
      accessorFn: (d) => d.open,
      cell: (c) => rupiah(c.row.original.open),
    },
  ];

  return (
    <section>
      <h1>{t('asnTitle')}</h1>
      {me && (
        <p className="muted">
          {me.name} · {t('nip')} {nip}
        </p>
      )}
      <QueryState query={programs}>
        {(list) =>
          list.length === 0 ? (
            <p className="state">{t('noProgram')}</p>
          ) : (
            <>
              <QueryState query={periods}>
                {() =>
                  period ? (
                    <OrderSection
                      programId={programId!}
                      nip={nip}
                      period={period}
                      dir={dir.data}
                      lastPickup={orders.data?.[0]?.pickupCooperativeName}
                      onPlaced={() =>
                        void client.invalidateQueries({ queryKey: ['sembako', 'myOrders'] })
                      }
                    />
                  ) : (
                    <p className="state">{t('noPeriods')}</p>
                  )
                }
              </QueryState>
              <h2>{t('myOrders')}</h2>
              <QueryState query={orders}>
                {(items) =>
                  items.length === 0 ? (
                    <p className="state">{t('noOrders')}</p>
                  ) : (
                    <ul className="order-list">
                      {items.map((o) => (
                        <OrderCard key={o.id} programId={programId!} order={o} />
                      ))}
                    </ul>
                  )
                }
              </QueryState>
              <h2>{t('myDeductions')}</h2>
              <QueryState query={deductions}>
                {(items) => (
                  <DataTable data={items} columns={deductionColumns} empty={t('noDeductions')} />
                )}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

type Period = NonNullable<ReturnType<typeof usePeriods>['data']>[number];

function OrderSection({
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
          <h3>{t('orderTitle')}</h3>
          <div className="form-row">
            <Field label={t('package')} error={errors.packageId}>
              <select value={packageId} onChange={(e) => setPackageId(e.target.value)}>
                <option value="">{t('choosePackage')}</option>
                {period.packages.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {rupiah(p.participantPays)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('qty')} error={errors.qty}>
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
        </form>
      ) : (
        <p className="state">{now < period.orderOpensAt ? t('orderNotOpen') : t('orderClosed')}</p>
      )}
    </>
  );
}

function OrderCard({ programId, order }: { programId: string; order: Order }) {
  const { t, i18n } = useTranslation('sembako');
  const client = useQueryClient();
  const lang = i18n.language;
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/orders/{orderId}/cancel', {
          params: { path: { programId, orderId: order.id } },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sembako', 'myOrders'] }),
  });
  const status =
    order.status === 'ordered'
      ? t('statusOrdered')
      : order.status === 'picked_up'
        ? t('statusPicked')
        : t('statusCancelled');
  return (
    <li className="card order-card">
      <h3>
        {order.packageName} × {order.qty}
      </h3>
      <p>
        <span className={`badge${order.status === 'cancelled' ? ' hold' : ''}`}>{status}</span>{' '}
        {monthName(order.month, lang)}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('price')}</dt>
          <dd>{rupiah(order.amount)}</dd>
        </div>
        <div>
          <dt>{t('toDeduct')}</dt>
          <dd>{rupiah(order.amountToDeduct)}</dd>
        </div>
      </dl>
      <p className="muted">
        {order.pickupCooperativeName} · {t('orderedAt', { at: instantWib(order.createdAt, lang) })}
        {order.pickedUpAt && <> · {t('pickedUpAt', { at: instantWib(order.pickedUpAt, lang) })}</>}
      </p>
      {order.pickupCode && (
        <div className="pickup">
          <p>{t('pickupCode')}</p>
          <p className="pickup-code" data-testid="pickup-code">
            {order.pickupCode}
          </p>
          {order.pickupQr && <PickupQr payload={order.pickupQr} code={order.pickupCode} />}
        </div>
      )}
      <ProblemAlert error={cancel.error} />
      {order.status === 'ordered' && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={cancel.isPending}
            aria-label={t('cancelOrder', { name: order.packageName })}
            onClick={() => cancel.mutate()}
          >
            {cancel.isPending ? t('cancelling') : t('cancelOrder', { name: '' }).trim()}
          </button>
        </div>
      )}
    </li>
  );
}
