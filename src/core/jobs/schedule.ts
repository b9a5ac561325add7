import { addDays, addMonths, monthOf, wibDateOf } from '../shared/business-date.ts';

/** When a job is due: a time of day in WIB, every day or on the 1st of every month. */
export interface Schedule {
  /** The schedule in words (Indonesian, English). */
  text: { id: string; en: string };
  /** The first scheduled instant strictly after `instant`. */
  nextAfter(instant: Date): Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant of `hh:mm` WIB on a business date. */
function atWib(date: string, hour: number, minute: number): Date {
  return new Date(`${date}T${pad(hour)}:${pad(minute)}:00+07:00`);
}

/** Every day at `hh:mm` WIB. */
export function dailyAt(hour: number, minute: number): Schedule {
  return {
    text: {
      id: `Setiap hari pukul ${pad(hour)}.${pad(minute)} WIB`,
      en: `Every day at ${pad(hour)}:${pad(minute)} WIB`,
    },
    nextAfter(instant) {
      const today = wibDateOf(instant);
      const at = atWib(today, hour, minute);
      return at > instant ? at : atWib(addDays(today, 1), hour, minute);
    },
  };
}

/** On the 1st of every month at `hh:mm` WIB. */
export function monthlyAt(hour: number, minute: number): Schedule {
  return {
    text: {
      id: `Setiap tanggal 1 pukul ${pad(hour)}.${pad(minute)} WIB`,
      en: `On the 1st of every month at ${pad(hour)}:${pad(minute)} WIB`,
    },
    nextAfter(instant) {
      const month = monthOf(wibDateOf(instant));
      const at = atWib(`${month}-01`, hour, minute);
      return at > instant ? at : atWib(`${addMonths(month, 1)}-01`, hour, minute);
    },
  };
}
