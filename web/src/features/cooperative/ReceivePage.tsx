import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { businessDate, parseQuantity, quantity, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';
import { nameOf, useProducts } from './products.ts';

/** The cooperative receives a dispatched delivery line by line, entering shortages. */
export function ReceivePage() {
  const { t, i18n } = useTranslation('cooperative', { keyPrefix: 'docs' });
  const { id = '' } = useParams();
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState(false);
  const incoming = useQuery({
    queryKey: ['deliveryOrders', id, 'dispatched'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/delivery-orders', {
          params: { query: { cooperativeId: id, status: 'dispatched', limit: '100' } },
        }),
      ).items,
  });
  const current = chosen || incoming.data?.[0]?.id || '';
  return (
    <section>
      <h1>{t('receiveTitle')}</h1>
      <p className="muted">{t('receiveIntro')}</p>
      {done && <Notice>{t('receivedDone')}</Notice>}
      <QueryState query={incoming}>
        {(orders) =>
          orders.length === 0 ? (
            <p className="state">{t('noIncoming')}</p>
          ) : (
            <>
              <Field label={t('chooseDelivery')}>
                <select
                  value={current}
                  onChange={(e) => {
                    setChosen(e.target.value);
                    setDone(false);
                  }}
                >
                  {orders.map((o) => (
                    <option key={o.id} value={o.id}>
                      {t('deliveryOption', {
                        number: o.number,
                        date: businessDate(o.dispatchedOn ?? o.orderDate, i18n.language),
                        value: rupiah(o.value),
                      })}
                    </option>
                  ))}
                </select>
              </Field>
              {current && (
                <ReceiveForm
                  key={current}
                  coopId={id}
                  orderId={current}
                  onDone={() => {
                    setChosen('');
                    setDone(true);
                  }}
                />
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function ReceiveForm({
  coopId,
  orderId,
  onDone,
}: {
  coopId: string;
  orderId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('cooperative', { keyPrefix: 'docs' });
  const client = useQueryClient();
  const products = useProducts();
  const order = useQuery({
    queryKey: ['deliveryOrder', orderId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/delivery-orders/{id}', { params: { path: { id: orderId } } })),
  });
  const [received, setReceived] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const receive = useMutation({
    mutationFn: async (lines: { productId: string; qtyReceived: number }[]) =>
      unwrap(
        await api.POST('/api/v1/delivery-orders/{id}/receive', {
          params: { path: { id: orderId } },
          body: { lines },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['deliveryOrders'] });
      await client.invalidateQueries({ queryKey: ['dashboard', coopId] });
      onDone();
    },
  });
  return (
    <QueryState query={order}>
      {(o) => {
        const valueOf = (productId: string, qty: number) => received[productId] ?? String(qty);
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const errs: Record<string, string> = {};
          const lines = o.lines.map((l) => {
            const n = parseQuantity(valueOf(l.productId, l.qty));
            if (n === undefined || n > l.qty)
              errs[l.productId] = t('qtyInvalid', { max: quantity(l.qty) });
            return { productId: l.productId, qtyReceived: n ?? 0 };
          });
          setErrors(errs);
          if (Object.keys(errs).length === 0) receive.mutate(lines);
        };
        return (
          <form className="form" onSubmit={submit} noValidate>
            <ProblemScope error={receive.error}>
              {o.lines.map((l, i) => {
                const product = nameOf(products.data, l.productId);
                const value = valueOf(l.productId, l.qty);
                const typed = parseQuantity(value);
                const short = typed === undefined ? 0 : Math.max(0, l.qty - typed);
                return (
                  <div key={l.lineNo} className="form-row">
                    <Field
                      label={t('received', { product })}
                      error={errors[l.productId]}
                      path={[`/lines/${i}/*`, `/lines/${i}`]}
                      hint={`${t('sent')} ${quantity(l.qty)}${short > 0 ? ` · ${t('short')} ${quantity(short)}` : ''}`}
                    >
                      <input
                        inputMode="numeric"
                        value={value}
                        onChange={(e) =>
                          setReceived((r) => ({ ...r, [l.productId]: e.target.value }))
                        }
                      />
                    </Field>
                  </div>
                );
              })}
              <ProblemAlert error={receive.error} />
              <div className="actions">
                <button type="submit" disabled={receive.isPending}>
                  {receive.isPending ? t('receiving') : t('receive')}
                </button>
              </div>
            </ProblemScope>
          </form>
        );
      }}
    </QueryState>
  );
}
