import { parseQuantity, quantity } from '../../ui/format.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import './strings.ts';
import { useStoreStock } from './store-stock.ts';

/** Consigned goods handed back to the hub (store → hub warehouse). */
export function ReturnPage() {
  const { t } = useTranslation('cooperative', { keyPrefix: 'docs' });
  const { id = '' } = useParams();
  const client = useQueryClient();
  const stock = useStoreStock(id);
  const [qty, setQty] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  // One client id per return being written: a retried send is the same return, not a second one.
  const clientId = useRef(uuidv7());
  const send = useMutation({
    mutationFn: async (body: { lines: { productId: string; qty: number }[]; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/returns', {
          params: { path: { id } },
          body: { id: clientId.current, ...body },
        }),
      ),
    onSuccess: async (r) => {
      clientId.current = uuidv7();
      setQty({});
      setReason('');
      setDone(r.number);
      await client.invalidateQueries({ queryKey: ['dashboard', id] });
    },
  });
  return (
    <section>
      <h1>{t('returnTitle')}</h1>
      <p className="muted">{t('returnIntro')}</p>
      {done && <Notice>{t('returnDone', { number: done })}</Notice>}
      <QueryState query={stock}>
        {(items) => {
          const inStore = items.filter((s) => s.qty > 0);
          if (inStore.length === 0) return <p className="state">{t('noStock')}</p>;
          const submit = (e: FormEvent) => {
            e.preventDefault();
            setDone('');
            const errs: Record<string, string> = {};
            const lines: { productId: string; qty: number }[] = [];
            for (const s of inStore) {
              const text = (qty[s.productId] ?? '').trim();
              if (text === '' || text === '0') continue;
              const n = parseQuantity(text);
              if (n === undefined || n > s.qty)
                errs[s.productId] = t('qtyInvalid', { max: quantity(s.qty) });
              else lines.push({ productId: s.productId, qty: n });
            }
            if (!reason.trim()) errs.reason = t('reasonRequired');
            if (lines.length === 0 && Object.keys(errs).length === 0)
              errs.form = t('nothingToReturn');
            setErrors(errs);
            if (Object.keys(errs).length === 0) send.mutate({ lines, reason: reason.trim() });
          };
          // A product's line in the return sent (only those with a quantity are): the server's paths.
          const pathsOf = (productId: string) => {
            const i = send.variables?.lines.findIndex((l) => l.productId === productId) ?? -1;
            return i < 0 ? undefined : [`/lines/${i}/*`, `/lines/${i}`];
          };
          return (
            <form className="form" onSubmit={submit} noValidate>
              <ProblemScope error={send.error}>
                <div className="form-row">
                  {inStore.map((s) => (
                    <Field
                      key={s.productId}
                      label={t('returnQty', { product: s.name })}
                      hint={t('inStore', { qty: s.qty })}
                      error={errors[s.productId]}
                      path={pathsOf(s.productId)}
                    >
                      <input
                        inputMode="numeric"
                        value={qty[s.productId] ?? ''}
                        onChange={(e) => setQty((q) => ({ ...q, [s.productId]: e.target.value }))}
                      />
                    </Field>
                  ))}
                </div>
                <Field label={t('reason')} error={errors.reason} path="/reason">
                  <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
                </Field>
                {errors.form && (
                  <p role="alert" className="error">
                    {errors.form}
                  </p>
                )}
                <ProblemAlert error={send.error} />
                <div className="actions">
                  <button type="submit" disabled={send.isPending}>
                    {t('returnSubmit')}
                  </button>
                </div>
              </ProblemScope>
            </form>
          );
        }}
      </QueryState>
    </section>
  );
}
