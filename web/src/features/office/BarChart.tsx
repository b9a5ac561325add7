import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthName, rupiah } from '../../ui/format.ts';
import { shortRupiah } from './short-rupiah.ts';

/** One month's bar; `partial`: the month is not over yet (drawn hatched). */
export interface Bar {
  month: string;
  value: number;
  partial: boolean;
}

const HEIGHT = 170;
const TOP = 10;
const AXIS = 32; // two lines of month labels under the bars
const RIGHT = 14;
/** The widest month label (`Agu`, `2026` at 11 px) plus a gap: labels closer than this are thinned. */
const LABEL_SPACE = 36;

/** `Jan`: the short month name for an axis label. */
function shortMonthName(month: string, lang: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    month: 'short',
    timeZone: 'UTC',
  })
    .format(new Date(Date.UTC(y, m - 1, 1)))
    .replace('.', '');
}

/** A round step for about three grid lines up to `max`: 1, 2 or 5 times a power of ten. */
function niceStep(max: number) {
  const raw = max / 3;
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((f) => f * p >= raw) ?? 10) * p;
}

/**
 * A monthly bar chart in SVG, drawn at the width of its box: every month of `months` has a slot
 * on the axis, only the months in `bars` have a bar (months without data are absent, not zero);
 * month labels are thinned to every 2nd, 3rd… month (the latest always labelled) so that none
 * overlap, with the year under the first label and under each January.
 */
export function BarChart({
  months,
  bars,
  kind,
  label,
}: {
  months: string[];
  bars: Bar[];
  kind: 'rupiah' | 'count';
  label: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const hatch = `hatch${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const max = Math.max(0, ...bars.map((b) => b.value));
  const step = kind === 'count' ? Math.max(1, Math.ceil(niceStep(max || 5))) : niceStep(max || 1e6);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const grid = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const left = kind === 'rupiah' ? 60 : 30;
  const plotW = Math.max(0, width - left - RIGHT);
  const plotH = HEIGHT - TOP - AXIS;
  const slot = months.length ? plotW / months.length : 0;
  const barW = Math.max(2, slot * 0.64);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const every = [1, 2, 3, 4, 6, 12].find((k) => k * slot >= LABEL_SPACE) ?? 12;
  const labelled = months
    .map((m, i) => ({ m, i }))
    .filter(({ i }) => (months.length - 1 - i) % every === 0);
  const axisValue = (v: number) => (kind === 'rupiah' ? shortRupiah(v, lang) : String(v));
  const exact = (v: number) => (kind === 'rupiah' ? rupiah(v) : String(v));

  return (
    <div ref={box} className="trend-canvas" role="img" aria-label={label}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} aria-hidden="true">
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="bar-partial-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="bar-partial-line" />
            </pattern>
          </defs>
          {grid.map((v) => (
            <g key={v} className="y-tick">
              <line x1={left} x2={width - RIGHT} y1={y(v)} y2={y(v)} className="grid" />
              <text x={left - 6} y={y(v)} dy="0.35em" textAnchor="end">
                {axisValue(v)}
              </text>
            </g>
          ))}
          {bars.map((b) => {
            const i = months.indexOf(b.month);
            if (i < 0) return null;
            const h = Math.max(1, y(0) - y(b.value));
            return (
              <rect
                key={b.month}
                data-month={b.month}
                data-partial={b.partial ? 'true' : undefined}
                className={b.partial ? 'bar partial' : 'bar'}
                x={left + i * slot + (slot - barW) / 2}
                y={y(0) - h}
                width={barW}
                height={h}
                fill={b.partial ? `url(#${hatch})` : undefined}
              >
                <title>{`${monthName(b.month, lang)}: ${exact(b.value)}`}</title>
              </rect>
            );
          })}
          {labelled.map(({ m, i }, n) => (
            <text
              key={m}
              className="x-tick"
              x={left + (i + 0.5) * slot}
              y={TOP + plotH + 14}
              textAnchor="middle"
            >
              {shortMonthName(m, lang)}
              {(n === 0 || m.endsWith('-01')) && (
                <tspan x={left + (i + 0.5) * slot} dy="1.15em">
                  {m.slice(0, 4)}
                </tspan>
              )}
            </text>
          ))}
        </svg>
      )}
    </div>
  );
}
