import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './strings.ts';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (opts: { formats: string[] }) => Detector;

/** The browser's QR reader, where there is one (Chromium on Android); else typing the code is the way. */
export function barcodeDetector(): DetectorClass | undefined {
  const w = window as unknown as { BarcodeDetector?: DetectorClass };
  return w.BarcodeDetector && 'mediaDevices' in navigator ? w.BarcodeDetector : undefined;
}

/** The camera and the QR reader, until a code is read or the cashier stops. */
export function Scanner({
  onCode,
  onStop,
}: {
  onCode: (code: string) => void;
  onStop: () => void;
}) {
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
