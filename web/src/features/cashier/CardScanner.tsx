import { useEffect, useRef, useState } from 'react';
import { useCachedTranslation } from '../../app/i18n.ts';
import {
  cameraProblemOf,
  frameSize,
  loadQrDecoder,
  scanResult,
  type CameraProblem,
} from './card-scan.ts';
import type { DirectoryMember } from './member-match.ts';
import './card-scan.strings.ts';
import './cashier.css';

/** How often a video frame is decoded (ms): quick enough for a card held up, light on a phone. */
const EVERY_MS = 200;

type Message =
  { kind: 'problem'; problem: CameraProblem } | { kind: 'notCard' | 'unknown'; code?: string };

/**
 * The rear camera looking for a member card's QR. A card of an active member on the device's
 * directory calls `onFound` (the camera stops when this closes); any other QR says why and keeps
 * looking. "Tutup" stops the camera. Without a camera, or when access is refused, it says so.
 */
export function CardScanner({
  directory,
  onFound,
  onClose,
}: {
  directory: readonly DirectoryMember[];
  onFound: (m: DirectoryMember) => void;
  onClose: () => void;
}) {
  const { t } = useCachedTranslation('cashier', { keyPrefix: 'scan' });
  const video = useRef<HTMLVideoElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [ready, setReady] = useState(false);
  // The latest directory and callback, read by the running loop without restarting the camera.
  const latest = useRef({ directory, onFound });
  latest.current = { directory, onFound };

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scan = (decode: (rgba: Uint8ClampedArray, w: number, h: number) => string | null) => {
      if (stopped) return;
      const v = video.current;
      if (v && context && v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        const { width, height } = frameSize(v.videoWidth, v.videoHeight);
        canvas.width = width;
        canvas.height = height;
        context.drawImage(v, 0, 0, width, height);
        const text = decode(context.getImageData(0, 0, width, height).data, width, height);
        if (text !== null) {
          const found = scanResult(latest.current.directory, text);
          if (found.kind === 'member') {
            stop();
            latest.current.onFound(found.member);
            return;
          }
          setMessage(
            found.kind === 'notCard' ? { kind: 'notCard' } : { kind: 'unknown', code: found.code },
          );
        }
      }
      timer = setTimeout(() => scan(decode), EVERY_MS);
    };
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new TypeError('no mediaDevices');
        const [media, decode] = await Promise.all([
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: { ideal: 'environment' } },
            audio: false,
          }),
          loadQrDecoder(),
        ]);
        stream = media;
        if (stopped) return stop();
        const v = video.current;
        if (!v) return stop();
        v.srcObject = media;
        await v.play();
        setReady(true);
        scan(decode);
      } catch (e) {
        if (stopped) return;
        stop();
        setMessage({ kind: 'problem', problem: cameraProblemOf(e) });
      }
    })();
    return stop;
  }, []);

  const problem = message?.kind === 'problem';
  return (
    <section className="card-scanner" aria-label={t('title')}>
      {!problem && (
        <video
          ref={video}
          className="card-scanner-video"
          muted
          playsInline
          aria-label={t('video')}
        />
      )}
      {message ? (
        <p role={problem ? 'alert' : 'status'} className={problem ? 'error' : 'warn'}>
          {message.kind === 'problem'
            ? t(`problem.${message.problem}`)
            : message.kind === 'notCard'
              ? t('notCard')
              : t('unknown', { code: message.code })}
        </p>
      ) : (
        <p className="muted" role="status">
          {ready ? t('aim') : t('starting')}
        </p>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}
