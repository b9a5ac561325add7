import { useTranslation } from 'react-i18next';

export type ExposureLevel = 'ok' | 'near' | 'over';

/** From 90 % of the limit a cooperative is near it; above the limit its next delivery is refused. */
export function exposureLevel(exposure: number, limit: number): ExposureLevel {
  if (exposure > limit) return 'over';
  return limit > 0 && exposure * 10 >= limit * 9 ? 'near' : 'ok';
}

/**
 * A cooperative's exposure against its limit: a gauge green below 90 %, amber
 * near the limit, red above it, and the words for the last two.
 */
export function ExposureGauge({ exposure, limit }: { exposure: number; limit: number }) {
  const { t } = useTranslation();
  const level = exposureLevel(exposure, limit);
  const percent = limit > 0 ? Math.floor((exposure * 100) / limit) : 100;
  return (
    <>
      <meter
        min={0}
        max={Math.max(1, limit, exposure)}
        low={limit * 0.9}
        high={limit}
        optimum={0}
        value={exposure}
        aria-label={t('exposure')}
      />
      {level !== 'ok' && (
        <small className={`exposure-${level}`}>
          {level === 'over' ? t('exposureOver') : t('exposureNear', { percent })}
        </small>
      )}
    </>
  );
}
