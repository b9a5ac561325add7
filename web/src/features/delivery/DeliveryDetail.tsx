import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { ConfirmBox } from '../../ui/Confirm.tsx';
import { Field, Notice, ProblemAlert, ProblemScope, problemCode } from '../../ui/forms.tsx';
import { businessDate, instantWib, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { ReceivedDeliveryActions } from '../corrections/ReceiptCorrection.tsx';
import { fmtQty, useProducts } from './delivery-data.ts';
import { StatusBadge } from './DeliveryList.tsx';
import './strings.ts';

const REFUSALS = ['ExposureLimitExceeded', 'ShippingHold'];

interface LineRow {
  lineNo: number;
  sku: string;
  name: string;
  unit: string;
  qty: number;
  qtyReceived: number | null;
}

/** One delivery order: lines, value, status and history; for a draft the exposure check, dispatch (with override) and cancel. */
export function DeliveryDetail() {
  const { t, i18n } = useTranslation('delivery');
  const { id = '' } = useParams();
  const location = useLocation();
  const client = useQueryClient();
  const { me } = useSession();
  const isAdmin = me?.memberships.some((m) => m.role === 'hub_admin') ?? false;
  const [confirming, setConfirming] = useState<'dispatch' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const created = (location.state as { created?: string } | null)?.created;
  const [done, setDone] = useState<string>(created ? t('createdNotice', { number: created }) : '');

  const order = useQuery({
    queryKey: ['deliveryOrder', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/delivery-orders/{id}', { params: { path: { id } } })),
  });
  const coopId = order.data?.cooperativeId ?? '';
  const coop = useQuery({
    queryKey: ['cooperative', coopId],
    enabled: !!coopId,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id: coopId } } })),
  });
  const products = useProducts();
  const isDraft = order.data?.status === 'draft';
  const check = useQuery({
    queryKey: ['dispatchCheck', id],
    enabled: isDraft,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/delivery-orders/{id}/dispatch-check', { params: { path: { id } } }),
      ),
  });

  const refresh = async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['deliveryOrder', id] }),
      client.invalidateQueries({ queryKey: ['deliveryOrders'] }),
      client.invalidateQueries({ queryKey: ['dispatchCheck', id] }),
      client.invalidateQueries({ queryKey: ['deliverySuggestion'] }),
      client.invalidateQueries({ queryKey: ['cooperatives'] }),
      client.invalidateQueries({ queryKey: ['balance'] }),
    ]);
  };
  const dispatch = useMutation({
    mutationFn: async (override?: { reason: string }) =>
      unwrap(
        await api.POST('/api/v1/delivery-orders/{id}/dispatch', {
          params: { path: { id } },
          body: override ? { override } : {},
        }),
      ),
    onMutate: () => setDone(''),
    onSuccess: async () => {
      await refresh();
      setConfirming(null);
      setReason('');
      setDone(t('dispatchedNotice'));
    },
    onError: () => setConfirming(null),
  });
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/delivery-orders/{id}/cancel', { params: { path: { id } } })),
    onMutate: () => setDone(''),
    onSuccess: async () => {
      await refresh();
      setConfirming(null);
      setDone(t('cancelledNotice'));
    },
    onError: () => setConfirming(null),
  });
  const refused = REFUSALS.includes(problemCode(dispatch.error) ?? '');
  // The check already says the dispatch would be refused: no plain "Kirim" to be refused with 409.
  const predicted = !!check.data && (!check.data.withinLimit || check.data.onHold);
  const busy = dispatch.isPending || cancel.isPending;

  const submitOverride = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('reasonRequired'));
      return;
    }
    setReasonError(undefined);
    dispatch.mutate({ reason: reason.trim() });
  };

  const printNote = () => {
    window.open(`/api/v1/delivery-orders/${encodeURIComponent(id)}/surat-jalan.pdf`, '_blank');
  };

  return (
    <QueryState query={order}>
      {(o) => {
        const coopName = coop.data?.name ?? '…';
        const byId = new Map((products.data ?? []).map((p) => [p.id, p]));
        const rows: LineRow[] = o.lines.map((l) => ({
          lineNo: l.lineNo,
          sku: byId.get(l.productId)?.sku ?? '',
          name: byId.get(l.productId)?.name ?? l.productId,
          unit: byId.get(l.productId)?.unit ?? '',
          qty: l.qty,
          qtyReceived: l.qtyReceived,
        }));
        const columns: Column<LineRow>[] = [
          { id: 'sku', header: t('sku'), accessorKey: 'sku' },
          { id: 'name', header: t('translation:product'), accessorKey: 'name' },
          {
            id: 'qty',
            header: t('translation:qty'),
            accessorKey: 'qty',
            numeric: true,
            cell: ({ row }) => fmtQty(row.original.qty),
          },
          { id: 'unit', header: t('unit'), accessorKey: 'unit' },
          ...(o.status === 'received'
            ? [
                {
                  id: 'received',
                  header: t('received'),
                  accessorFn: (r: LineRow) => r.qtyReceived ?? 0,
                  numeric: true,
                  cell: ({ row }: { row: { original: LineRow } }) =>
                    fmtQty(row.original.qtyReceived ?? 0),
                } as Column<LineRow>,
              ]
            : []),
        ];
        const totalQty = o.lines.reduce((s, l) => s + l.qty, 0);
        return (
          <section>
            <h1 className="wrap">{t('detailTitle', { coop: coopName })}</h1>
            <p>
              <Link to="/pengiriman">{t('backToList')}</Link>
            </p>
            {done && <Notice>{done}</Notice>}
            <div className="cards">
              <div className="card">
                <span>{t('number')}</span>
                <strong className="wrap">{o.number}</strong>
              </div>
              <div className="card">
                <span>{t('translation:status')}</span>
                <strong>
                  <StatusBadge status={o.status} />
                </strong>
              </div>
              <div className="card">
                <span>{t('value')}</span>
                <strong>{rupiah(o.value)}</strong>
              </div>
              <div className="card">
                <span>{t('orderDate')}</span>
                <strong>{businessDate(o.orderDate, i18n.language)}</strong>
              </div>
              <div className="card">
                <span>{t('lines')}</span>
                <strong>{t('linesValue', { lines: o.lines.length, qty: fmtQty(totalQty) })}</strong>
              </div>
            </div>
            {coop.data?.villageName && <p className="muted wrap">{coop.data.villageName}</p>}

            <DataTable data={rows} columns={columns} empty="—" pageSize={50} />
            <ReceivedDeliveryActions order={o} />

            {(o.status === 'dispatched' || o.status === 'received') && (
              <div className="actions">
                <button type="button" onClick={printNote}>
                  {t('print')}
                </button>
              </div>
            )}

            {isDraft && (
              <ProblemScope error={dispatch.error ?? cancel.error}>
                <h2>{t('check')}</h2>
                <QueryState query={check}>
                  {(c) => (
                    <>
                      <dl className="checklist">
                        <div>
                          <dt>{t('exposureNow')}</dt>
                          <dd>{rupiah(c.exposure)}</dd>
                        </div>
                        <div>
                          <dt>{t('thisOrder')}</dt>
                          <dd>{rupiah(c.orderValue)}</dd>
                        </div>
                        <div>
                          <dt>{t('limit')}</dt>
                          <dd>{rupiah(c.exposureLimit)}</dd>
                        </div>
                        <div>
                          <dt>{t('after')}</dt>
                          <dd>
                            {rupiah(c.exposureAfter)}{' '}
                            <span className={`badge ${c.withinLimit ? 'ok' : 'hold'}`}>
                              {c.withinLimit ? t('withinLimit') : t('overLimit')}
                            </span>
                          </dd>
                        </div>
                      </dl>
                      <ul>
                        <li className={c.onHold ? 'warn' : undefined}>
                          {c.onHold
                            ? t('holdYes', { amount: rupiah(c.overdueAmount) })
                            : c.overdueAmount > 0
                              ? t('overdueNoHold', { amount: rupiah(c.overdueAmount) })
                              : t('holdNo')}
                        </li>
                        {c.stockShortfalls.map((s) => (
                          <li key={s.productId} className="warn">
                            {t('shortfall', {
                              name: byId.get(s.productId)?.name ?? s.productId,
                              needed: fmtQty(s.needed),
                              available: fmtQty(s.available),
                            })}
                          </li>
                        ))}
                      </ul>
                      <p>
                        <strong>
                          {c.withinLimit && !c.onHold && c.stockShortfalls.length === 0
                            ? t('checkOk')
                            : !c.withinLimit || c.onHold
                              ? t('checkRefuse')
                              : ''}
                        </strong>
                      </p>
                    </>
                  )}
                </QueryState>

                <ProblemAlert error={dispatch.error ?? cancel.error} />

                {confirming === 'cancel' ? (
                  <ConfirmBox
                    label={t('cancelDraft')}
                    message={t('confirmCancel')}
                    yes={t('yesCancel')}
                    no={t('no')}
                    busy={busy}
                    busyLabel={t('working')}
                    onYes={() => cancel.mutate()}
                    onNo={() => setConfirming(null)}
                  />
                ) : (refused || predicted) && isAdmin ? (
                  <form className="form confirm" onSubmit={submitOverride} noValidate>
                    <h3>{t('override')}</h3>
                    <p>{t('overrideHelp')}</p>
                    <Field label={t('reason')} error={reasonError} path="/override/reason">
                      <textarea
                        rows={3}
                        maxLength={500}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    </Field>
                    <div className="actions">
                      <button type="submit" disabled={busy}>
                        {dispatch.isPending ? t('working') : t('overrideSubmit')}
                      </button>
                      {predicted ? (
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy}
                          onClick={() => {
                            dispatch.reset();
                            setConfirming('cancel');
                          }}
                        >
                          {t('cancelDraft')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => dispatch.reset()}
                        >
                          {t('translation:cancel')}
                        </button>
                      )}
                    </div>
                  </form>
                ) : confirming === 'dispatch' ? (
                  <ConfirmBox
                    label={t('dispatch')}
                    message={t('confirmDispatch', { coop: coopName, value: rupiah(o.value) })}
                    yes={t('yesDispatch')}
                    no={t('no')}
                    busy={busy}
                    busyLabel={t('working')}
                    onYes={() => dispatch.mutate(undefined)}
                    onNo={() => setConfirming(null)}
                  />
                ) : (
                  <>
                    {(refused || predicted) && !isAdmin && (
                      <p className="warn">{t(predicted ? 'staffPredicted' : 'staffRefused')}</p>
                    )}
                    <div className="actions">
                      {!predicted && (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => {
                            dispatch.reset();
                            cancel.reset();
                            setConfirming('dispatch');
                          }}
                        >
                          {t('dispatch')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => {
                          dispatch.reset();
                          cancel.reset();
                          setConfirming('cancel');
                        }}
                      >
                        {t('cancelDraft')}
                      </button>
                    </div>
                  </>
                )}
              </ProblemScope>
            )}

            <h2>{t('history')}</h2>
            <ol className="history">
              <li>
                {t('h_created')}: {instantWib(o.createdAt, i18n.language)}
              </li>
              {o.dispatchedOn && (
                <li>
                  {t('h_dispatched')}: {businessDate(o.dispatchedOn, i18n.language)}
                  {o.overrideReason && (
                    <>
                      {' — '}
                      {t('h_override', { reason: o.overrideReason })}
                    </>
                  )}
                </li>
              )}
              {o.receivedOn && (
                <li>
                  {t('h_received')}: {businessDate(o.receivedOn, i18n.language)}
                </li>
              )}
              {o.cancelledOn && (
                <li>
                  {t('h_cancelled')}: {businessDate(o.cancelledOn, i18n.language)}
                </li>
              )}
            </ol>
          </section>
        );
      }}
    </QueryState>
  );
}
