import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api.ts';
import { Field, Notice, ProblemAlert, problemCode } from '../../ui/forms.tsx';
import { instantWib, rupiah } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePrograms } from './data.ts';
import './strings.ts';
import './sembako.css';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (opts: { formats: string[] }) => Detector;

/** The browser's QR reader, where there is one (Chromium on Android); else typing the code is the way. */
function barcodeDetector(): DetectorClass | undefined {
  const w = window as unknown as { BarcodeDetector?: DetectorClass };
  return w.BarcodeDetector && 'mediaDevices' in navigator ? w.BarcodeDetector : undefined;
}

/** A typed or scanned code as the server keeps it (see `normalizePickupCode`): the QR payload's last part, upper case, no spaces or dashes. */
function normalizeCode(input: string): string {
  const text = input.trim();
  const qr = /^lumbung:sembako:[^:]+:[^:]+:([^:]+)$/i.exec(text);
  return (qr ? qr[1]! : text).replace(/[\s-]+/g, '').toUpperCase();
}

/** The camera and the QR reader, until a code is read or the cashier stops. */
function Scanner({ onCode, onStop }: { onCode: (code: string) => void; onStop: () => void }) {
  const { t } = useTranslation('sembako');
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const Reader = barcodeDetector();
    if (!Reader) return;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let live = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        if (!live) return s.getTracks().forEach((x) => x.stop());
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play();
        const reader = new Reader({ formats: ['qr_code'] });
        timer = window.setInterval(() => {
          reader.detect(v).then(
            (found) => found[0] && live && onCode(found[0].rawValue),
            () => undefined,
          );
        }, 400);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (timer) window.clearInterval(timer);
      stream?.getTracks().forEach((x) => x.stop());
    };
  }, [onCode]);
  return (
    <div>
      {failed ? (
        <p role="alert" className="state error">
          {t('cameraFailed')}
        </p>
      ) : (
        <video ref={video} className="desk-video" aria-label={t('camera')} muted playsInline />
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onStop}>
          {t('stopScan')}
        </button>
      </div>
    </div>
  );
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
    mutationFn: async (v: { orderId: string; code: string }) =>
      unwrap(
        await api.POST('/api/v1/programs/{programId}/orders/{orderId}/pickup', {
          params: { path: { programId: program!.id, orderId: v.orderId } },
          body: { code: v.code },
        }),
      ),
  });

  function lookup(value: string) {
    const c = normalizeCode(value);
    hand.reset();
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
    find.reset();
    hand.reset();
  }

  const order = find.data;
  // Another cooperative's code answers NotFound like an unknown one: which codes exist never leaks.
  const findError =
    find.error && problemCode(find.error) === 'NotFound' ? t('notFoundCode') : undefined;
  const refusal = !order
    ? undefined
    : order.pickupCooperativeId !== id
      ? t('otherCoop', { coop: order.pickupCooperativeName })
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
                  </Notice>
                  <div className="actions">
                    <button type="button" onClick={reset}>
                      {t('next')}
                    </button>
                  </div>
                </div>
              ) : (
                <>
                  <form className="form" onSubmit={submit} noValidate>
                    <Field label={t('codeLabel')} error={codeError}>
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
                    <ProblemAlert error={find.error} />
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
                        <p role="alert" className="state error">
                          {refusal}
                        </p>
                      ) : (
                        <>
                          <ProblemAlert error={hand.error} />
                          <div className="actions">
                            <button
                              type="button"
                              disabled={hand.isPending}
                              onClick={() =>
                                hand.mutate({ orderId: order.id, code: normalizeCode(code) })
                              }
                            >
                              {hand.isPending ? t('handingOver') : t('handOver')}
                            </button>
                          </div>
                        </>
                      )}
                    </div>
                  )}
                </>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
