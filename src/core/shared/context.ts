import type { Clock } from './clock.ts';
import { todayWib } from './clock.ts';
import { isValidBusinessDate } from './business-date.ts';
import { DomainError } from './errors.ts';

export interface Actor {
  userId: string;
  role: string;
  orgId?: string;
}

/** What every command gets besides its input: the clock, who asks, and from where. */
export interface CommandContext {
  clock: Clock;
  actor?: Actor;
  requestId?: string;
  address?: string;
}

/**
 * The business date of a document: the given one (documents are often
 * entered after the fact) or today in WIB; never in the future.
 */
export function businessDateOf(
  ctx: CommandContext,
  date: string | undefined,
  path = '/date',
): string {
  const today = todayWib(ctx.clock);
  if (date === undefined) return today;
  if (!isValidBusinessDate(date)) {
    throw new DomainError('ValidationFailed', {
      message: 'Tanggal harus berformat YYYY-MM-DD',
      details: [
        {
          path,
          message: 'harus berupa tanggal (TTTT-BB-HH)',
          messageEn: 'must be a date YYYY-MM-DD',
        },
      ],
    });
  }
  if (date > today) {
    throw new DomainError('DateInFuture', {
      message: `Tanggal ${date} belum terjadi (hari ini ${today} WIB)`,
      details: [
        { path, message: 'tidak boleh di masa depan', messageEn: 'must not be in the future' },
      ],
    });
  }
  return date;
}

/** Replays: same id and same content → the first result again; other content → conflict. */
export function isReplay(
  existing: { contentHash: string } | undefined,
  hash: string,
  what: string,
): boolean {
  if (!existing) return false;
  if (existing.contentHash !== hash) {
    throw new DomainError('IdempotencyConflict', {
      message: `${what} dengan id ini sudah tercatat dengan isi yang berbeda`,
    });
  }
  return true;
}
