import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { useCachedTranslation } from '../../app/i18n.ts';
import { useSession } from '../../app/session.tsx';
import { Field, Notice, ProblemAlert } from '../../ui/forms.tsx';
import { parseRupiah, rupiah } from '../../ui/format.ts';
import {
  addItem,
  cartTotal,
  cashSuggestions,
  changeDue,
  saleWarnings,
  type CartLine,
  type CartProduct,
} from './cart.ts';
import type { ChosenMember, DirectoryMember } from './member-match.ts';
import { CartLines, ProductGrid, SaleCheck } from './CartParts.tsx';
import { RadioGroup } from './Choices.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { withOfflineCache } from './offline-data.ts';
import { OutboxPanel, SyncBar } from './OutboxPanel.tsx';
import { useOutbox, useRecordSale } from './useOutbox.ts';
import { QrisPayment } from './QrisPayment.tsx';
import type { QrisMerchant } from './qris.ts';
import { toQrisMerchant, useQrisMerchant } from './qris-merchant.ts';
import { Receipt } from './Receipt.tsx';
import type { Receipt as ReceiptData } from './receipt-text.ts';
import { SavingsDeposit } from './SavingsDeposit.tsx';
import './strings.ts';

type Method = 'cash' | 'qris' | 'transfer';

/** What the cashier pressed "finish" (or "payment received") on: the receipt is made from it. */
interface PendingSale {
  lines: CartLine[];
  method: Method;
  total: number;
  received: number | undefined;
  change: number | null;
  member: ChosenMember | null;
}

/** Fast selling at the counter: product buttons, quantities, total, cash and change, payment method. */
export function CashierPage() {
  const { t } = useCachedTranslation('cashier');
  const { id = '' } = useParams();
  // Products, prices and ceilings: fresh when online, the last copy on this device when not.
  const products = useQuery({
    queryKey: ['products', 'cashier'],
    queryFn: () =>
      withOfflineCache('products', async () => unwrap(await api.GET('/api/v1/products')).items),
    staleTime: 5 * 60_000,
  });
  // The members, for the member field and deposits: kept on the device like the catalogue.
  const members = useQuery({
    queryKey: ['member-directory', id],
    queryFn: () =>
      withOfflineCache(
        `members:${id}`,
        async (): Promise<DirectoryMember[]> =>
          unwrap(
            await api.GET('/api/v1/cooperatives/{id}/members/directory', {
              params: { path: { id } },
            }),
          ).items,
      ),
    staleTime: 5 * 60_000,
  });
  const { me } = useSession();
  const membership = me?.memberships.find((m) => m.orgId === id);
  const merchant = useQrisMerchant(id);
  // The receipt names the cooperative: from the session, else (a hub user at the counter) its record.
  const coop = useQuery({
    queryKey: ['cooperative', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cooperatives/{id}', { params: { path: { id } } })),
    enabled: !membership,
  });
  const cooperativeName = membership?.orgName ?? coop.data?.name ?? '';
  const qrisMerchant = useMemo(
    () => (merchant.data ? toQrisMerchant(merchant.data) : null),
    [merchant.data],
  );
  const dashboard = useQuery({
    queryKey: ['dashboard', id],
    queryFn: () =>
      withOfflineCache(`dashboard:${id}`, async () =>
        unwrap(await api.GET('/api/v1/cooperatives/{id}/dashboard', { params: { path: { id } } })),
      ),
  });
  const sales = dashboard.data?.sales;
  const usualSale =
    sales && sales.monthCount > 0 ? Math.round(sales.month / sales.monthCount) : undefined;
  const stock = dashboard.data?.stock;
  const catalog: CartProduct[] = useMemo(() => {
    const held = new Map((stock ?? []).map((s) => [s.productId, s.qty]));
    return (products.data ?? []).flatMap((p) =>
      p.retailPrice === null
        ? []
        : [
            {
              id: p.id,
              name: p.name,
              price: p.retailPrice,
              ceiling: p.ceilingPrice ?? null,
              ...(stock ? { stock: held.get(p.id) ?? 0 } : {}),
            },
          ],
    );
  }, [products.data, stock]);
  const canManage = membership
    ? membership.role === 'coop_manager'
    : !!me?.memberships.some((m) => m.role === 'hub_admin');
  const outbox = useOutbox(id);
  return (
    <section className="cashier">
      <h1>{t('title')}</h1>
      <SyncBar todaySales={sales?.today} sales={outbox.sales} status={outbox.status} />
      <Counter
        coopId={id}
        cooperativeName={cooperativeName}
        usualSale={usualSale}
        products={products.isPending ? 'loading' : products.isError ? products.error : catalog}
        members={
          (members.error as { status?: number } | null)?.status === 403 ? null : members.data
        }
        qrisMerchant={qrisMerchant}
        merchantState={
          merchant.isPending
            ? 'loading'
            : merchant.isError
              ? 'error'
              : merchant.data === null
                ? 'missing'
                : 'ready'
        }
        canManage={canManage}
      />
      <OutboxPanel coopId={id} sales={outbox.sales} status={outbox.status} />
    </section>
  );
}

/**
 * The counter itself: cart, payment, receipt. Apart from the data queries above, so that a tap
 * re-renders only this (the queries' hooks are not re-run on every tap).
 */
const Counter = memo(function Counter({
  coopId: id,
  cooperativeName,
  usualSale,
  products,
  members,
  qrisMerchant,
  merchantState,
  canManage,
}: {
  coopId: string;
  cooperativeName: string;
  /** The month's average sale, to tell a sale far above it. */
  usualSale: number | undefined;
  /** The catalog, or 'loading', or the error that kept it from loading. */
  products: CartProduct[] | 'loading' | unknown;
  /**
   * The device's copy of the member directory; undefined while loading or when it could not be had;
   * null when the user may not read it (a hub user at the counter: no member field).
   */
  members: DirectoryMember[] | null | undefined;
  qrisMerchant: QrisMerchant | null;
  merchantState: 'loading' | 'error' | 'missing' | 'ready';
  canManage: boolean;
}) {
  const { t } = useCachedTranslation('cashier');
  const recordSale = useRecordSale(id);
  const catalog = Array.isArray(products) ? (products as CartProduct[]) : [];
  const [cart, setCart] = useState<CartLine[]>([]);
  const [method, setMethod] = useState<Method>('cash');
  const [cash, setCash] = useState('');
  const [cashError, setCashError] = useState<string>();
  const [showQris, setShowQris] = useState(false);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const [member, setMember] = useState<ChosenMember | null>(null);
  const [depositing, setDepositing] = useState(false);
  /** The sale is above the stock or far above the usual: asked before it is recorded. */
  const [checking, setChecking] = useState(false);
  // The sale's client id and time are fixed when the cashier presses "finish": a retry writes the same sale.
  const pending = useRef<{ id: string; occurredAt: string } | null>(null);
  const total = cartTotal(cart);
  const received = parseRupiah(cash);
  const change = received === undefined ? null : changeDue(total, received);

  // The sale goes to the device's outbox first (IndexedDB); the outbox sends it when it can.
  // Plain state, not a mutation hook: finishing a sale renders the screen once (receipt, empty
  // cart), and "saving…" shows only if the write takes long enough to be seen.
  const saving = useRef(false);
  const [slowSave, setSlowSave] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const record = async () => {
    if (saving.current) return;
    saving.current = true;
    const sale: PendingSale = { lines: cart, method, total, received, change, member };
    const slow = setTimeout(() => setSlowSave(true), 150);
    try {
      pending.current ??= { id: uuidv7(), occurredAt: new Date().toISOString() };
      const { id: saleId, occurredAt } = pending.current;
      await recordSale(
        {
          id: saleId,
          occurredAt,
          paymentMethod: sale.method,
          lines: sale.lines.map((l) => ({
            productId: l.product.id,
            qty: l.qty,
            unitPrice: l.product.price,
          })),
          ...(sale.member ? { memberId: sale.member.id } : {}),
        },
        sale.total,
        Object.fromEntries(sale.lines.map((l) => [l.product.id, l.product.name])),
        sale.member ? { memberNo: sale.member.memberNo, name: sale.member.name } : undefined,
      );
      pending.current = null;
      setSaveError(null);
      setShowQris(false);
      const cashSale =
        sale.method === 'cash' && sale.received !== undefined && sale.change !== null;
      setReceipt({
        saleId,
        cooperativeName,
        occurredAt,
        lines: sale.lines.map((l) => ({
          name: l.product.name,
          qty: l.qty,
          unitPrice: l.product.price,
        })),
        total: sale.total,
        paymentMethod: sale.method,
        ...(cashSale ? { cashReceived: sale.received, change: sale.change! } : {}),
        ...(sale.member
          ? { member: { memberNo: sale.member.memberNo, name: sale.member.name } }
          : {}),
      });
      setCart([]);
      setCash('');
      setMember(null);
    } catch (e) {
      setSaveError(e);
    } finally {
      clearTimeout(slow);
      setSlowSave(false);
      saving.current = false;
    }
  };
  const startSale = () => setReceipt(null);
  const addToCart = useCallback((p: CartProduct) => {
    setReceipt(null);
    setChecking(false);
    setCart((c) => addItem(c, p));
  }, []);

  const finish = (e: FormEvent) => {
    e.preventDefault();
    if (cart.length === 0) return;
    if (method === 'cash') {
      if (received === undefined) return setCashError(t('cashInvalid'));
      if (change === null) return setCashError(t('cashTooLow'));
    }
    setCashError(undefined);
    const w = saleWarnings(cart, usualSale);
    if (w.overStock.length > 0 || w.implausible) return setChecking(true);
    proceed();
  };
  const proceed = () => {
    setChecking(false);
    if (method === 'qris') {
      if (qrisMerchant) setShowQris(true);
      return;
    }
    void record();
  };
  // QRIS is offered only with merchant data: if it goes (or never comes), fall back to cash.
  useEffect(() => {
    if (method === 'qris' && !qrisMerchant && merchantState !== 'loading') setMethod('cash');
  }, [method, qrisMerchant, merchantState]);
  const methods: Method[] = qrisMerchant ? ['cash', 'qris', 'transfer'] : ['cash', 'transfer'];
  if (depositing)
    return (
      <SavingsDeposit
        coopId={id}
        directory={members ?? undefined}
        qrisMerchant={qrisMerchant}
        onClose={() => setDepositing(false)}
      />
    );
  if (showQris && qrisMerchant && cart.length > 0)
    return (
      <>
        <QrisPayment
          merchant={qrisMerchant}
          amount={total}
          paying={slowSave}
          error={saveError}
          onPaid={() => void record()}
          onCancel={() => {
            setSaveError(null);
            setShowQris(false);
          }}
        />
      </>
    );

  return (
    <>
      {members && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setDepositing(true)}>
            {t('deposit.open')}
          </button>
        </div>
      )}
      <h2>{t('products')}</h2>
      {products === 'loading' ? (
        <p className="state">{t('translation:loading')}</p>
      ) : !Array.isArray(products) ? (
        <ProblemAlert error={products} />
      ) : catalog.length === 0 ? (
        <p className="state">{t('noProducts')}</p>
      ) : (
        <ProductGrid catalog={catalog} onAdd={addToCart} />
      )}
      {/* A finished sale's receipt takes the cart's place, where the cashier just pressed "finish":
          seen at once, with no scrolling (which on a cheap phone costs a repaint of the page). */}
      {receipt ? (
        <>
          <Notice>
            {receipt.change !== undefined
              ? t('savedChange', {
                  amount: rupiah(receipt.total),
                  change: rupiah(receipt.change),
                })
              : t('saved', { amount: rupiah(receipt.total) })}
          </Notice>
          <Receipt receipt={receipt} onNew={startSale} />
        </>
      ) : (
        <form className="form cart" onSubmit={finish} noValidate>
          <h2>{t('cart')}</h2>
          {members !== null && (
            <MemberPicker
              label={t('member.label')}
              directory={members}
              value={member}
              onChange={setMember}
            />
          )}
          {cart.length === 0 ? (
            <p className="state">{t('emptyCart')}</p>
          ) : (
            <CartLines cart={cart} setCart={setCart} />
          )}
          <p className="total">
            <span>{t('total')}</span> <strong data-testid="cart-total">{rupiah(total)}</strong>
          </p>
          <RadioGroup
            legend={t('method')}
            name="method"
            options={methods}
            value={method}
            onChange={setMethod}
            labelOf={(m) => t(m)}
          >
            {merchantState === 'error' ? (
              <p className="muted qris-missing">{t('qrisUnavailable')}</p>
            ) : (
              merchantState === 'missing' && (
                <p className="muted qris-missing">
                  {t('qrisMissing')}{' '}
                  {canManage && <Link to={`/koperasi/${id}/qris`}>{t('qrisSetUp')}</Link>}
                </p>
              )
            )}
          </RadioGroup>
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
          <ProblemAlert error={saveError} />
          {checking && (
            <SaleCheck
              warnings={saleWarnings(cart, usualSale)}
              total={total}
              usualSale={usualSale}
              onYes={proceed}
              onNo={() => setChecking(false)}
            />
          )}
          <div className="actions finish-bar">
            <strong className="finish-total">{rupiah(total)}</strong>
            <button
              type="submit"
              disabled={cart.length === 0 || slowSave || (method === 'qris' && !qrisMerchant)}
            >
              {slowSave ? t('saving') : method === 'qris' ? t('showQris') : t('finish')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={cart.length === 0 || slowSave}
              onClick={() => {
                setCart([]);
                setCash('');
                setMember(null);
              }}
            >
              {t('clear')}
            </button>
          </div>
        </form>
      )}
    </>
  );
});
