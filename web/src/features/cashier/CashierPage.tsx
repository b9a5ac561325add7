import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { registerTranslations } from '../../app/i18n.ts';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { parseRupiah, rupiah } from '../../ui/format.ts';
import {
  addItem,
  cartTotal,
  cashSuggestions,
  changeDue,
  lineTotal,
  sellable,
  setQty,
  type CartLine,
  type CartProduct,
} from './cart.ts';
import { withOfflineCache } from './offline-data.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { useOutbox } from './useOutbox.ts';

registerTranslations('cashier', {
  id: {
    title: 'Kasir',
    todaySales: 'Penjualan hari ini: {{amount}}',
    products: 'Barang',
    add: 'Tambah {{product}}',
    aboveCeiling: 'di atas HET {{ceiling}}',
    cart: 'Keranjang',
    emptyCart: 'Ketuk barang untuk menambahkannya.',
    qtyOf: 'Jumlah {{product}}',
    less: 'Kurangi {{product}}',
    more: 'Tambah satu {{product}}',
    remove: 'Hapus {{product}}',
    total: 'Total',
    method: 'Cara bayar',
    cash: 'Tunai',
    qris: 'QRIS',
    transfer: 'Transfer',
    cashReceived: 'Uang diterima',
    cashTooLow: 'Uang diterima kurang dari total',
    cashInvalid: 'Isi jumlah uang dalam rupiah',
    change: 'Kembalian',
    finish: 'Selesaikan penjualan',
    saving: 'Menyimpan…',
    clear: 'Kosongkan',
    saved: 'Penjualan {{amount}} tersimpan.',
    savedChange: 'Penjualan {{amount}} tersimpan. Kembalian {{change}}.',
    noProducts: 'Belum ada barang untuk dijual.',
  },
  en: {
    title: 'Cashier',
    todaySales: "Today's sales: {{amount}}",
    products: 'Products',
    add: 'Add {{product}}',
    aboveCeiling: 'above the ceiling {{ceiling}}',
    cart: 'Cart',
    emptyCart: 'Tap a product to add it.',
    qtyOf: 'Quantity of {{product}}',
    less: 'One less {{product}}',
    more: 'One more {{product}}',
    remove: 'Remove {{product}}',
    total: 'Total',
    method: 'Payment method',
    cash: 'Cash',
    qris: 'QRIS',
    transfer: 'Transfer',
    cashReceived: 'Cash received',
    cashTooLow: 'The cash received is less than the total',
    cashInvalid: 'Enter an amount in rupiah',
    change: 'Change',
    finish: 'Finish the sale',
    saving: 'Saving…',
    clear: 'Clear',
    saved: 'Sale of {{amount}} saved.',
    savedChange: 'Sale of {{amount}} saved. Change {{change}}.',
    noProducts: 'No products to sell yet.',
  },
});

type Method = 'cash' | 'qris' | 'transfer';

/** Fast selling at the counter: product buttons, quantities, total, cash and change, payment method. */
export function CashierPage() {
  const { t } = useTranslation('cashier');
  const { id = '' } = useParams();
  const client = useQueryClient();
  const outbox = useOutbox(id);
  // Products, prices and ceilings: fresh when online, the last copy on this device when not.
  const products = useQuery({
    queryKey: ['products', 'cashier'],
    queryFn: () =>
      withOfflineCache('products', async () => unwrap(await api.GET('/api/v1/products')).items),
    staleTime: 5 * 60_000,
  });
  const today = useQuery({
    queryKey: ['dashboard', id],
    queryFn: () =>
      withOfflineCache(`dashboard:${id}`, async () =>
        unwrap(await api.GET('/api/v1/cooperatives/{id}/dashboard', { params: { path: { id } } })),
      ),
    select: (d) => d.sales.today,
  });
  const sentSoFar = outbox.sales.length;
  useEffect(() => {
    // What the outbox sent shows in today's figure once the server has it.
    if (outbox.status.kind === 'idle' && sentSoFar > 0)
      void client.invalidateQueries({ queryKey: ['dashboard', id] });
  }, [outbox.status.kind, sentSoFar, client, id]);
  const catalog: CartProduct[] = useMemo(
    () =>
      (products.data ?? []).flatMap((p) =>
        p.retailPrice === null
          ? []
          : [{ id: p.id, name: p.name, price: p.retailPrice, ceiling: p.ceilingPrice ?? null }],
      ),
    [products.data],
  );
  const [cart, setCart] = useState<CartLine[]>([]);
  const [method, setMethod] = useState<Method>('cash');
  const [cash, setCash] = useState('');
  const [cashError, setCashError] = useState<string>();
  const [message, setMessage] = useState<string>();
  // The sale's client id is fixed when the cashier presses "finish": a retry resends the same sale.
  const pendingId = useRef<string | null>(null);
  const total = cartTotal(cart);
  const received = parseRupiah(cash);
  const change = received === undefined ? null : changeDue(total, received);

  // The sale goes to the device's outbox first (IndexedDB); the outbox sends it when it can.
  const sell = useMutation({
    mutationFn: async () => {
      pendingId.current ??= uuidv7();
      const sale = {
        id: pendingId.current,
        occurredAt: new Date().toISOString(),
        paymentMethod: method,
        lines: cart.map((l) => ({
          productId: l.product.id,
          qty: l.qty,
          unitPrice: l.product.price,
        })),
      };
      await outbox.record(
        sale,
        total,
        Object.fromEntries(cart.map((l) => [l.product.id, l.product.name])),
      );
    },
    onSuccess: () => {
      pendingId.current = null;
      setMessage(
        method === 'cash' && change !== null
          ? t('savedChange', { amount: rupiah(total), change: rupiah(change) })
          : t('saved', { amount: rupiah(total) }),
      );
      setCart([]);
      setCash('');
    },
  });

  const finish = (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    if (cart.length === 0) return;
    if (method === 'cash') {
      if (received === undefined) return setCashError(t('cashInvalid'));
      if (change === null) return setCashError(t('cashTooLow'));
    }
    setCashError(undefined);
    sell.mutate();
  };

  return (
    <section className="cashier">
      <h1>{t('title')}</h1>
      {today.data !== undefined && (
        <p className="muted">{t('todaySales', { amount: rupiah(today.data) })}</p>
      )}
      {message && <Notice>{message}</Notice>}
      <h2>{t('products')}</h2>
      {products.isPending ? (
        <p className="state">{t('translation:loading')}</p>
      ) : products.isError ? (
        <ProblemAlert error={products.error} />
      ) : catalog.length === 0 ? (
        <p className="state">{t('noProducts')}</p>
      ) : (
        <div className="product-grid">
          {catalog.map((p) => (
            <button
              key={p.id}
              type="button"
              className="product"
              disabled={!sellable(p)}
              aria-label={t('add', { product: p.name })}
              onClick={() => {
                setMessage(undefined);
                setCart((c) => addItem(c, p));
              }}
            >
              <span>{p.name}</span>
              <strong>{rupiah(p.price)}</strong>
              {!sellable(p) && p.ceiling !== null && (
                <small>{t('aboveCeiling', { ceiling: rupiah(p.ceiling) })}</small>
              )}
            </button>
          ))}
        </div>
      )}
      <form className="form cart" onSubmit={finish} noValidate>
        <h2>{t('cart')}</h2>
        {cart.length === 0 ? (
          <p className="state">{t('emptyCart')}</p>
        ) : (
          <ul className="cart-lines">
            {cart.map((l) => (
              <li key={l.product.id}>
                <span className="cart-name">{l.product.name}</span>
                <span className="qty">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('less', { product: l.product.name })}
                    onClick={() => setCart((c) => setQty(c, l.product.id, l.qty - 1))}
                  >
                    −
                  </button>
                  <input
                    aria-label={t('qtyOf', { product: l.product.name })}
                    inputMode="numeric"
                    value={l.qty}
                    onChange={(e) =>
                      /^\d*$/.test(e.target.value) &&
                      setCart((c) => setQty(c, l.product.id, Number(e.target.value || '0')))
                    }
                  />
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('more', { product: l.product.name })}
                    onClick={() => setCart((c) => setQty(c, l.product.id, l.qty + 1))}
                  >
                    +
                  </button>
                </span>
                <span className="num">{rupiah(lineTotal(l))}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="total">
          <span>{t('total')}</span> <strong data-testid="cart-total">{rupiah(total)}</strong>
        </p>
        <fieldset className="methods">
          <legend>{t('method')}</legend>
          {(['cash', 'qris', 'transfer'] as const).map((m) => (
            <label key={m} className="radio">
              <input
                type="radio"
                name="method"
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
              />
              {t(m)}
            </label>
          ))}
        </fieldset>
        {method === 'cash' && (
          <>
            <Field label={t('cashReceived')} error={cashError}>
              <input inputMode="numeric" value={cash} onChange={(e) => setCash(e.target.value)} />
            </Field>
            <div className="actions">
              {cashSuggestions(total).map((a) => (
                <button
                  key={a}
                  type="button"
                  className="secondary"
                  onClick={() => setCash(String(a))}
                >
                  {rupiah(a)}
                </button>
              ))}
            </div>
            <p className="total">
              <span>{t('change')}</span> <strong>{change === null ? '—' : rupiah(change)}</strong>
            </p>
          </>
        )}
        <ProblemAlert error={sell.error} />
        <div className="actions">
          <button type="submit" disabled={cart.length === 0 || sell.isPending}>
            {sell.isPending ? t('saving') : t('finish')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={cart.length === 0 || sell.isPending}
            onClick={() => {
              setCart([]);
              setCash('');
            }}
          >
            {t('clear')}
          </button>
        </div>
      </form>
      <OutboxPanel sales={outbox.sales} status={outbox.status} />
    </section>
  );
}
