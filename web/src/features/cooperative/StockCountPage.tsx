import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { api, unwrap } from '../../app/api.ts';
import { DataTable, moneyColumn, quantityColumn, type Column } from '../../ui/DataTable.tsx';
import { ConfirmBox } from '../../ui/Confirm.tsx';
import { Field, Notice, ProblemAlert, ProblemScope } from '../../ui/forms.tsx';
import { rupiah, parseQuantity } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import '../delivery/hub.css';
import { useProducts } from './products.ts';
import './strings.ts';
import { useStoreStock } from './store-stock.ts';

interface CountLine {
  productId: string;
  expected: number;
  counted: number;
  variance: number;
  chargeAmount: number;
}

/** The monthly physical count: shortages are billed at the consignment price, surpluses are free. */
export function StockCountPage() {
  const { t } = useTranslation('cooperative', { keyPrefix: 'docs' });
  const { id = '' } = useParams();
  const client = useQueryClient();
  const stock = useStoreStock(id);
  const products = useProducts();
  /** The lines checked and waiting for "yes", with the shortages they would charge. */
  const [asking, setAsking] = useState<{
    lines: { productId: string; qtyCounted: number }[];
    charge: number;
    short: number;
  }>();
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ number: string; lines: CountLine[] } | null>(null);
  const clientId = useRef(uuidv7());
  const send = useMutation({
    mutationFn: async (lines: { productId: string; qtyCounted: number }[]) =>
      unwrap(
        await api.POST('/api/v1/cooperatives/{id}/stock-counts', {
          params: { path: { id } },
          body: { id: clientId.current, countedAt: new Date().toISOString(), lines },
        }),
      ),
    onSuccess: async (r) => {
      clientId.current = uuidv7();
      setResult({ number: r.number, lines: r.lines });
      setCounted({});
      await client.invalidateQueries({ queryKey: ['dashboard', id] });
    },
    onSettled: () => setAsking(undefined),
  });
  return (
    <section>
      <h1>{t('countTitle')}</h1>
      <p className="muted">{t('countIntro')}</p>
      {result && (
        <>
          <CountResult number={result.number} lines={result.lines} names={stock.data ?? []} />
          <div className="actions">
            <button type="button" onClick={() => setResult(null)}>
              {t('countAgain')}
            </button>
          </div>
        </>
      )}
      {!result && (
        <QueryState query={stock}>
          {(items) => {
            if (items.length === 0) return <p className="state">{t('noStock')}</p>;
            const submit = (e: FormEvent) => {
              e.preventDefault();
              setResult(null);
              const errs: Record<string, string> = {};
              const lines = items.map((s) => {
                const text = (counted[s.productId] ?? '').trim();
                const n = parseQuantity(text);
                if (n === undefined) errs[s.productId] = t('countAll');
                return { productId: s.productId, qtyCounted: n ?? 0 };
              });
              setErrors(errs);
              if (Object.keys(errs).length > 0) return;
              // What the count will charge, as the server will (shortage × today's consignment price).
              let charge = 0;
              let short = 0;
              for (const s of items) {
                const shortage = Math.max(
                  0,
                  s.qty - (parseQuantity(counted[s.productId] ?? '') ?? 0),
                );
                if (shortage === 0) continue;
                short++;
                const price = products.data?.find((p) => p.id === s.productId)?.consignmentPrice;
                charge += shortage * (price ?? 0);
              }
              send.reset();
              setAsking({ lines, charge, short });
            };
            return (
              <form className="form" onSubmit={submit} noValidate>
                <ProblemScope error={send.error}>
                  <div className="form-row">
                    {items.map((s, i) => (
                      <Field
                        key={s.productId}
                        label={t('counted', { product: s.name })}
                        error={errors[s.productId]}
                        path={[`/lines/${i}/*`, `/lines/${i}`]}
                      >
                        <input
                          inputMode="numeric"
                          value={counted[s.productId] ?? ''}
                          onChange={(e) =>
                            setCounted((c) => ({ ...c, [s.productId]: e.target.value }))
                          }
                        />
                      </Field>
                    ))}
                  </div>
                  <ProblemAlert error={send.error} />
                  {asking ? (
                    <ConfirmBox
                      label={t('countTitle')}
                      message={
                        asking.short === 0
                          ? t('countConfirmNone')
                          : t('countConfirmCharge', {
                              count: asking.short,
                              amount: rupiah(asking.charge),
                            })
                      }
                      yes={t('countYes')}
                      busy={send.isPending}
                      busyLabel={t('countSaving')}
                      onYes={() => send.mutate(asking.lines)}
                      onNo={() => setAsking(undefined)}
                    />
                  ) : (
                    <div className="actions">
                      <button type="submit">{t('countSubmit')}</button>
                    </div>
                  )}
                </ProblemScope>
              </form>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}

function CountResult({
  number,
  lines,
  names,
}: {
  number: string;
  lines: CountLine[];
  names: { productId: string; name: string }[];
}) {
  const { t } = useTranslation('cooperative', { keyPrefix: 'docs' });
  const { t: common } = useTranslation();
  const columns: Column<CountLine>[] = [
    {
      id: 'product',
      header: common('product'),
      accessorFn: (l) => names.find((n) => n.productId === l.productId)?.name ?? l.productId,
    },
    quantityColumn('expected', t('expected'), (l) => l.expected),
    quantityColumn('counted', t('countedCol'), (l) => l.counted),
    quantityColumn('variance', t('variance'), (l) => l.variance),
    moneyColumn('charge', t('charge'), (l) => l.chargeAmount),
  ];
  return (
    <>
      <Notice>{t('countDone', { number })}</Notice>
      <DataTable data={lines} columns={columns} empty="" />
    </>
  );
}
