import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { businessDate, rupiah } from '../../../ui/format.ts';
import { shortRupiah } from '../../office/short-rupiah.ts';
import './strings.ts';

export interface ChartWeek {
  weekStart: string;
  expectedIn: number;
  expectedOut: number;
  closingCash: number;
}

/** `7 Des`: a week's Monday for an axis tick. */
function shortDay(date: string, lang: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const SERIES = [
  { key: 'closingCash', stroke: '#7a2e1d', width: 3 },
  { key: 'expectedIn', stroke: '#2f6b3a', width: 1.5 },
  { key: 'expectedOut', stroke: '#a4461f', width: 1.5, dash: [6, 4] },
] as const;

/**
 * Closing cash week by week (thick) with the week's money in and out (thin), uPlot on a canvas
 * sized to its box, a zero line, a legend in words and a one-line summary for screen readers.
 */
export function ForecastChart({ weeks }: { weeks: ChartWeek[] }) {
  const { t, i18n } = useTranslation('hubSummary');
  const lang = i18n.language;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || weeks.length === 0) return;
    const labels = weeks.map((w) => shortDay(w.weekStart, lang));
    const width = () => Math.max(240, Math.floor(el.clientWidth));
    const plot = new uPlot(
      {
        width: width(),
        height: 240,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false },
          y: {
            range: (_u, min, max) => [Math.min(0, min), Math.max(max, 1_000_000)],
          },
        },
        series: [
          {},
          ...SERIES.map((s) => ({
            label: t(s.key),
            stroke: s.stroke,
            width: s.width,
            ...('dash' in s ? { dash: [...s.dash] } : {}),
            points: { show: s.key === 'closingCash', size: 5 },
          })),
        ],
        axes: [
          {
            incrs: [1, 2, 4],
            space: 44,
            values: (_u, splits) =>
              splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
          },
          { size: 78, values: (_u, splits) => splits.map((v) => shortRupiah(v, lang)) },
        ],
      },
      [
        weeks.map((_, i) => i),
        weeks.map((w) => w.closingCash),
        weeks.map((w) => w.expectedIn),
        weeks.map((w) => w.expectedOut),
      ],
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: 240 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [weeks, lang, t]);

  if (weeks.length === 0) return <p className="state">{t('noWeeks')}</p>;
  const min = Math.min(...weeks.map((w) => w.closingCash));
  const summary = t('chartSummary', {
    first: businessDate(weeks[0]!.weekStart, lang),
    firstValue: rupiah(weeks[0]!.closingCash),
    last: businessDate(weeks[weeks.length - 1]!.weekStart, lang),
    lastValue: rupiah(weeks[weeks.length - 1]!.closingCash),
    min: rupiah(min),
  });
  return (
    <>
      <div ref={box} className="forecast-canvas" role="img" aria-label={summary} />
      <ul className="forecast-legend">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span
              aria-hidden="true"
              className={`swatch${'dash' in s ? ' dashed' : ''}`}
              style={{ borderColor: s.stroke }}
            />
            {t(s.key)}
          </li>
        ))}
      </ul>
    </>
  );
}
