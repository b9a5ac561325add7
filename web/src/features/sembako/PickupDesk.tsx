import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, problemCode, ProblemScope } from '../../ui/forms.tsx';
import { businessDate, instantWib, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { SembakoOrderReversal } from '../corrections/SembakoOrderReversal.tsx';
import { CashDue } from './CashDue.tsx';
import { barcodeDetector, Scanner } from './QrScanner.tsx';
import { usePrograms } from './data.ts';
import './participants.strings.ts';
import './strings.ts';
import './sembako.css';

/** A typed or scanned code as the server keeps it (see `normalizePickupCode`): the QR payload's last part, upper case, no spaces or dashes. */
function normalizeCode(input: string): string {
  const text = input.trim();
  const qr = /^lumbung:sembako:[^:]+:[^:]+:([^:]+)$/i.exec(text);
  return (qr ? qr[1]! : text).replace(/[\s-]+/g, '').toUpperCase();
}

/** The cooperative's pickup desk: find the order by its code (typed or scanned), check, hand over. */
export function PickupDesk() {
  const { t, i18n } = useTranslation('sembako');
  const { id = '' } = useParams();
  const programs = usePrograms();
  const [programId, setProgramId] = useState('');
  const program = programs.data?.find((p) => p.id === programId) ?? programs.data?.[0];
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [scanning, setScanning] = useState(false);
  const canScan = !!barcodeDetector();
  const lang = i18n.language;

  const find = useMutation({
    mutationFn: async (c: string) =>
      unwrap(
        await api.GET('/api/v1/programs/{programId}/pickups', {
          params: { path: { programId: program!.id }, query: { code: c } },
        }),
      ),
  });
  const hand = useMutation({
    mutationFn: async (v: { orderId: string; code: string; cashCollected: number }) =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/orders/{orderId}/pickup', {
          params: { path: { programId: program!.id, orderId: v.orderId } },
          body: { code: v.code, ...(v.cashCollected ? { cashCollected: v.cashCollected } : {}) },
        }),
      ),
  });
  // Failed payroll deductions owed here are paid in cash with the pickup; the cashier confirms it.
  const [cashTaken, setCashTaken] = useState(false);
  const [cashError, setCashError] = useState<string>();

  function lookup(value: string) {
    const c = normalizeCode(value);
    hand.reset();
    setCashTaken(false);
    setCashError(undefined);
    if (!c) {
      setCodeError(t('needCodeDesk'));
      find.reset();
      return;
    }
    setCodeError(undefined);
    find.mutate(c);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    lookup(code);
  }
  function reset() {
    setCode('');
    setCashTaken(false);
    setCashError(undefined);
    find.reset();
    hand.reset();
  }

  const order = find.data;
  const cashDue = order?.cashDue.reduce((sum, d) => sum + d.amount, 0) ?? 0;
  function handOver(orderId: string) {
    if (cashDue > 0 && !cashTaken) return setCashError(t('needCash', { amount: rupiah(cashDue) }));
    setCashError(undefined);
    hand.mutate({ orderId, code: normalizeCode(code), cashCollected: cashDue });
  }
  // Another cooperative's code answers NotFound like an unknown one: which codes exist never leaks.
  const findError =
    find.error && problemCode(find.error) === 'NotFound' ? t('notFoundCode') : undefined;
  const refusal = !order
    ? undefined
    : order.pickupCooperativeId !== id
      ? t('otherCoop', { coop: order.pickupCooperativeName })
      : order.reversed
        ? t('pickupReversed', {
            date: order.reversedOn ? businessDate(order.reversedOn, lang) : '',
            reason: order.reversalReason ?? '',
          })
        : order.status === 'picked_up'
          ? t('alreadyPicked', { at: order.pickedUpAt ? instantWib(order.pickedUpAt, lang) : '' })
          : order.status === 'cancelled'
            ? t('wasCancelled')
            : undefined;

  return (
    <section>
      <h1>{t('deskTitle')}</h1>
      <p className="muted">{t('deskHint')}</p>
      <QueryState query={programs}>
        {(list) =>
          list.length === 0 ? (
            <p className="state">{t('noProgram')}</p>
          ) : (
            <>
              {list.length > 1 && (
                <Field label={t('program')}>
                  <select value={program?.id} onChange={(e) => setProgramId(e.target.value)}>
                    {list.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              {hand.data && order ? (
                <div className="desk-result">
                  <Notice>
                    {t('done', {
                      pkg: `${order.packageName} × ${order.qty}`,
                      name: order.participantName,
                      amount: rupiah(hand.data.amount),
                    })}
                    {hand.data.cashCollected > 0 &&
                      ` ${t('cashDone', { amount: rupiah(hand.data.cashCollected) })}`}
                  </Notice>
                  <div className="actions">
                    <button type="button" onClick={reset}>
                      {t('next')}
                    </button>
                  </div>
                </div>
              ) : (
                <ProblemScope error={hand.error}>
                  <form className="form" onSubmit={submit} noValidate>
                    <Field label={t('codeLabel')} error={codeError} path="/code">
                      <input
                        className="code-input"
                        autoComplete="off"
                        autoCapitalize="characters"
                        spellCheck={false}
                        value={code}
                        onChange={(e) => setCode(e.target.value)}
                      />
                    </Field>
                    <div className="actions">
                      <button type="submit" disabled={find.isPending}>
                        {find.isPending ? t('finding') : t('find')}
                      </button>
                      {canScan && !scanning && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setScanning(true)}
                        >
                          {t('scan')}
                        </button>
                      )}
                    </div>
                  </form>
                  {scanning && (
                    <Scanner
                      onStop={() => setScanning(false)}
                      onCode={(c) => {
                        setScanning(false);
                        setCode(c);
                        lookup(c);
                      }}
                    />
                  )}
                  {findError ? (
                    <p role="alert" className="state error">
                      {findError}
                    </p>
                  ) : (
                    // The lookup's own problem: the code field above shows the handover's.
                    <ProblemScope error={find.error}>
                      <ProblemAlert error={find.error} />
                    </ProblemScope>
                  )}
                  {order && (
                    <div className="desk-result" aria-live="polite">
                      <h2>
                        {order.packageName} × {order.qty}
                      </h2>
                      <dl className="facts">
                        <div>
                          <dt>{t('participant')}</dt>
                          <dd>
                            {order.participantName} ({t('nip')} {order.nip})
                          </dd>
                        </div>
                        <div>
                          <dt>{t('contents')}</dt>
                          <dd>
                            {order.items
                              .map((i) => `${i.qty} ${i.unit} ${i.productName}`)
                              .join(', ')}
                          </dd>
                        </div>
                        <div>
                          <dt>{t('toDeduct')}</dt>
                          <dd>{rupiah(order.amountToDeduct)}</dd>
                        </div>
                      </dl>
                      {refusal ? (
                        <>
                          <p role="alert" className="state error">
                            {refusal}
                          </p>
                          {order.pickupCooperativeId === id && (
                            <SembakoOrderReversal
                              order={order}
                              cooperativeId={id}
                              onReversed={() => find.variables && find.mutate(find.variables)}
                            />
                          )}
                        </>
                      ) : (
                        <>
                          {cashDue > 0 && (
                            <CashDue
                              due={order.cashDue}
                              taken={cashTaken}
                              onTaken={(taken) => {
                                setCashTaken(taken);
                                if (taken) setCashError(undefined);
                              }}
                              error={cashError}
                            />
                          )}
                          <ProblemAlert error={hand.error} />
                          <div className="actions">
                            <button
                              type="button"
                              disabled={hand.isPending}
                              onClick={() => handOver(order.id)}
                            >
                              {hand.isPending ? t('handingOver') : t('handOver')}
                            </button>
                          </div>
                        </>
                      )}
                    </div>
                  )}
                </ProblemScope>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
