import { memo, type Dispatch, type SetStateAction } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import { quantity, rupiah } from '../../ui/format.ts';
import {
  lineTotal,
  saleWarnings,
  sellable,
  setQty,
  type CartLine,
  type CartProduct,
} from './cart.ts';
import './strings.ts';

/** The counter's product buttons and cart lines (CashierPage composes them). */

/** The product buttons; memoized so that a tap re-renders only the cart, not the grid. */
export const ProductGrid = memo(function ProductGrid({
  catalog,
  onAdd,
}: {
  catalog: CartProduct[];
  onAdd: (p: CartProduct) => void;
}) {
  const { t } = useCachedTranslation('cashier');
  return (
    <div className="product-grid">
      {catalog.map((p) => (
        <button
          key={p.id}
          type="button"
          className="product"
          disabled={!sellable(p)}
          aria-label={t('add', { product: p.name })}
          onClick={() => onAdd(p)}
        >
          <span>{p.name}</span>
          <strong>{rupiah(p.price)}</strong>
          {p.stock !== undefined && (
            <small className={p.stock <= 0 ? 'warn' : 'muted'}>
              {t('stockLeft', { qty: quantity(Math.max(0, p.stock)) })}
            </small>
          )}
          {!sellable(p) && p.ceiling !== null && (
            <small>{t('aboveCeiling', { ceiling: rupiah(p.ceiling) })}</small>
          )}
        </button>
      ))}
    </div>
  );
});

/** The cart's lines: each product with − and + and its quantity typed in, and its line total. */
export function CartLines({
  cart,
  setCart,
}: {
  cart: CartLine[];
  setCart: Dispatch<SetStateAction<CartLine[]>>;
}) {
  const { t } = useCachedTranslation('cashier');
  return (
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
  );
}

/** The question before a sale above the store's stock or far above the usual sale. */
export function SaleCheck({
  warnings,
  total,
  usualSale,
  onYes,
  onNo,
}: {
  warnings: ReturnType<typeof saleWarnings>;
  total: number;
  usualSale: number | undefined;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useCachedTranslation('cashier');
  const { t: common } = useCachedTranslation('translation');
  return (
    <div className="confirm" role="group" aria-label={t('checkSale')}>
      {warnings.overStock.map((o) => (
        <p key={o.name} className="warn">
          {t('overStock', { name: o.name, qty: quantity(o.qty), stock: quantity(o.stock) })}
        </p>
      ))}
      {warnings.implausible && (
        <p className="warn">
          {usualSale
            ? t('implausible', { total: rupiah(total), usual: rupiah(usualSale) })
            : t('implausibleNoUsual', { total: rupiah(total) })}
        </p>
      )}
      <p>{t('confirmSale')}</p>
      <div className="actions">
        <button type="button" onClick={onYes}>
          {t('yesRecord')}
        </button>
        <button type="button" className="secondary" onClick={onNo}>
          {common('cancel')}
        </button>
      </div>
    </div>
  );
}
