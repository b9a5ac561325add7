import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { v7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { Field, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { rupiah, parseQuantity } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { fmtQty, useCooperatives, useProducts } from './delivery-data.ts';
import './strings.ts';

/**
 * A new draft delivery order: choose the cooperative, then one line per product prefilled with the
 * server's suggested quantity (editable); the order's value follows the quantities.
 */
export function NewDelivery() {
  const { t } = useTranslation('delivery');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const coops = useCooperatives();
  const products = useProducts();
  const [search, setSearch] = useState('');
  const [coopId, setCoopId] = useState(params.get('koperasi') ?? '');
  const [qty, setQty] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One id per draft: a retried save is the same order, not a second one.
  const [orderId] = useState(() => v7());

  const suggestion = useQuery({
    queryKey: ['deliverySuggestion', coopId],
    enabled: !!coopId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cooperatives/{id}/delivery-suggestion', {
          params: { path: { id: coopId } },
        }),
      ),
  });

  const visibleCoops = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = coops.data ?? [];
    const found = needle
      ? all.filter(
          (c) =>
            c.name.toLowerCase().includes(needle) ||
            (c.villageName ?? '').toLowerCase().includes(needle) ||
            (c.districtName ?? '').toLowerCase().includes(needle),
        )
      : all;
    // The chosen one stays in the list whatever the search.
    const chosen = all.find((c) => c.id === coopId);
    return chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  }, [coops.data, search, coopId]);

  const lines = useMemo(() => {
    const byId = new Map((products.data ?? []).map((p) => [p.id, p]));
    return (suggestion.data?.items ?? [])
      .filter((s) => s.consignmentPrice !== null && byId.has(s.productId))
      .map((s) => ({ ...s, product: byId.get(s.productId)! }));
  }, [suggestion.data, products.data]);

  const qtyOf = (productId: string, suggested: number) => qty[productId] ?? String(suggested);
  const value = lines.reduce((sum, l) => {
    const q = parseQuantity(qtyOf(l.productId, l.suggestedQty));
    return sum + (q ?? 0) * (l.consignmentPrice ?? 0);
  }, 0);

  const create = useMutation({
    mutationFn: async (body: {
      cooperativeId: string;
      lines: { productId: string; qty: number }[];
    }) => unwrap(await api.POST('/api/v1/delivery-orders', { body: { id: orderId, ...body } })),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['deliveryOrders'] });
      navigate(`/pengiriman/${r.id}`, { state: { created: r.number } });
    },
  });

  // A product's line in the order sent (only those with a quantity are): the server's paths.
  const pathsOf = (productId: string) => {
    const i = create.variables?.lines.findIndex((l) => l.productId === productId) ?? -1;
    return i < 0 ? undefined : [`/lines/${i}/*`, `/lines/${i}`];
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!coopId) errs.coop = t('coopRequired');
    const out: { productId: string; qty: number }[] = [];
    for (const l of lines) {
      const q = parseQuantity(qtyOf(l.productId, l.suggestedQty));
      if (q === undefined) errs[l.productId] = t('qtyInvalid');
      else if (q > 0) out.push({ productId: l.productId, qty: q });
    }
    if (coopId && Object.keys(errs).length === 0 && out.length === 0) errs.lines = t('noLines');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    create.mutate({ cooperativeId: coopId, lines: out });
  };

  const chooseCoop = (id: string) => {
    setCoopId(id);
    setQty({});
    setErrors({});
    create.reset();
  };

  return (
    <section>
      <h1>{t('newTitle')}</h1>
      <p>
        <Link to="/pengiriman">{t('backToList')}</Link>
      </p>
      <QueryState query={coops}>
        {() => (
          <form className="form" onSubmit={submit} noValidate>
            <ProblemScope error={create.error}>
              <div className="form-row">
                <Field label={t('searchCoop')}>
                  <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
                </Field>
                <Field
                  label={t('cooperative')}
                  error={errors.coop}
                  path="/cooperativeId"
                  hint={visibleCoops.length === 0 ? t('noCoopMatch') : undefined}
                >
                  <select value={coopId} onChange={(e) => chooseCoop(e.target.value)}>
                    <option value="">{t('chooseCoop')}</option>
                    {visibleCoops.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              {coopId && (
                <QueryState query={products}>
                  {() => (
                    <QueryState query={suggestion}>
                      {() =>
                        lines.length === 0 ? (
                          <p className="state">{t('noProducts')}</p>
                        ) : (
                          <div className="lines-form">
                            <p className="muted">
                              {t('suggestionNote', {
                                window: suggestion.data?.salesWindowDays,
                                cover: suggestion.data?.coverDays,
                              })}
                            </p>
                            {lines.map((l) => (
                              <div className="line-card" key={l.productId}>
                                <Field
                                  label={t('qtyOf', { name: l.product.name })}
                                  error={errors[l.productId]}
                                  path={pathsOf(l.productId)}
                                  hint={t('suggestionHint', {
                                    days: suggestion.data?.salesWindowDays,
                                    sold: fmtQty(l.sold28Days),
                                    stock: fmtQty(l.stock),
                                    transit: fmtQty(l.inTransit),
                                    suggested: fmtQty(l.suggestedQty),
                                  })}
                                >
                                  <input
                                    type="number"
                                    inputMode="numeric"
                                    min={0}
                                    step={1}
                                    value={qtyOf(l.productId, l.suggestedQty)}
                                    onChange={(e) =>
                                      setQty((q) => ({ ...q, [l.productId]: e.target.value }))
                                    }
                                  />
                                </Field>
                                <small className="muted">
                                  {l.product.sku} · {l.product.unit} ·{' '}
                                  {rupiah(l.consignmentPrice ?? 0)}
                                </small>
                              </div>
                            ))}
                            <p className="total-line" aria-live="polite">
                              {t('orderValue')}: <strong>{rupiah(value)}</strong>
                            </p>
                            {errors.lines && (
                              <p className="error" role="alert">
                                {errors.lines}
                              </p>
                            )}
                          </div>
                        )
                      }
                    </QueryState>
                  )}
                </QueryState>
              )}
              <ProblemAlert error={create.error} />
              <div className="actions">
                <button type="submit" disabled={create.isPending}>
                  {create.isPending ? t('saving') : t('saveDraft')}
                </button>
              </div>
            </ProblemScope>
          </form>
        )}
      </QueryState>
    </section>
  );
}
