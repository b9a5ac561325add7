import type { Db } from '../../db/database.ts';
import { isValidBusinessDate } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import {
  findHubSettingHistory,
  findHubSettingsUpTo,
  upsertHubSettings,
} from './hub-settings.repository.ts';
import type { HubSettingTable } from './hub-settings.table.ts';
import { loadHub } from './hub-profile.ts';

/** The hub's rules that change over time, each a whole number. */
export const HUB_SETTING_KEYS = [
  'subsidyEligibilityDays',
  'replenishmentCoverDays',
  'salesWindowDays',
  'sessionHours',
] as const;
export type HubSettingKey = (typeof HUB_SETTING_KEYS)[number];
export type HubSettings = Record<HubSettingKey, number>;

/**
 * The values in force where a hub set none: the program's rules as they were
 * written into the code before they became settings.
 */
export const HUB_SETTING_DEFAULTS: Readonly<HubSettings> = Object.freeze({
  /** A statement more than this many days past due at month end stops that month's subsidy. */
  subsidyEligibilityDays: 30,
  /** How many days of sales a delivery should leave the cooperative holding. */
  replenishmentCoverDays: 14,
  /** The sales history behind suggestions and days of cover, today included. */
  salesWindowDays: 28,
  /** How long a sign-in of the hub's network lasts. */
  sessionHours: 12,
});

/** The range each setting may take (inclusive). */
export const HUB_SETTING_BOUNDS: Readonly<Record<HubSettingKey, { min: number; max: number }>> = {
  subsidyEligibilityDays: { min: 0, max: 365 },
  replenishmentCoverDays: { min: 1, max: 90 },
  salesWindowDays: { min: 7, max: 182 },
  sessionHours: { min: 1, max: 168 },
};

const LABELS: Record<HubSettingKey, { id: string; en: string }> = {
  subsidyEligibilityDays: {
    id: 'batas tunggakan untuk subsidi (hari)',
    en: 'subsidy eligibility limit (days overdue)',
  },
  replenishmentCoverDays: {
    id: 'cakupan stok pengiriman (hari)',
    en: 'replenishment cover (days)',
  },
  salesWindowDays: { id: 'jendela penjualan (hari)', en: 'sales window (days)' },
  sessionHours: { id: 'lama sesi masuk (jam)', en: 'session length (hours)' },
};

/** The hub's settings in force on a business date: each key's latest change on or before it, else its default. */
export async function hubSettingsOn(db: Db, hubId: string, date: string): Promise<HubSettings> {
  return inForce(await findHubSettingsUpTo(db, hubId, date)).values;
}

function inForce(rows: Pick<HubSettingTable, 'key' | 'value' | 'effectiveFrom'>[]) {
  const values: HubSettings = { ...HUB_SETTING_DEFAULTS };
  const since = Object.fromEntries(HUB_SETTING_KEYS.map((k) => [k, null])) as Record<
    HubSettingKey,
    string | null
  >;
  // Rows come each key's latest first: the first one seen of a key is the one in force.
  for (const r of rows) {
    if (!isSettingKey(r.key) || since[r.key] !== null) continue;
    values[r.key] = r.value;
    since[r.key] = r.effectiveFrom;
  }
  return { values, since };
}

const isSettingKey = (k: string): k is HubSettingKey =>
  (HUB_SETTING_KEYS as readonly string[]).includes(k);

export interface HubSettingChange {
  key: HubSettingKey;
  value: number;
  effectiveFrom: string;
  reason: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
}

/** The settings screen's read: today's values and since when, the defaults, every change (scheduled ones too). */
export interface HubSettingsView {
  today: string;
  values: HubSettings;
  /** The date each value in force took effect; null while the default applies. */
  since: Record<HubSettingKey, string | null>;
  defaults: HubSettings;
  /** Every change, the latest effective date first; those after today are scheduled. */
  history: HubSettingChange[];
}

export async function getHubSettings(
  db: Db,
  hubId: string,
  today: string,
): Promise<HubSettingsView> {
  const rows = await findHubSettingHistory(db, hubId);
  const history = rows.flatMap((r) =>
    isSettingKey(r.key)
      ? [
          {
            key: r.key,
            value: r.value,
            effectiveFrom: r.effectiveFrom,
            reason: r.reason,
            changedBy: r.changedBy,
            changedByName: r.changedByName,
            changedAt: r.createdAt,
          },
        ]
      : [],
  );
  const { values, since } = inForce(history.filter((h) => h.effectiveFrom <= today));
  return { today, values, since, defaults: { ...HUB_SETTING_DEFAULTS }, history };
}

export type UpdateHubSettingsInput = {
  effectiveFrom: string;
  reason: string;
} & Partial<HubSettings>;

/**
 * Changes some of the hub's settings from a business date (today or later:
 * the values that were in force stay on record as they were). Keeps: each
 * value a whole number within its bounds; a reason; a key whose value is
 * already the one in force on that date writes nothing; a second change of a
 * key from the same date replaces the first. Answers the settings as they
 * now stand.
 */
export async function updateHubSettings(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: UpdateHubSettingsInput,
): Promise<HubSettingsView> {
  const today = todayWib(ctx.clock);
  const errors: ErrorDetail[] = [];
  const id: string[] = [];
  const en: string[] = [];
  const fail = (path: string, message: string, idText: string, enText: string) => {
    errors.push({ path, message: idText, messageEn: message });
    id.push(idText);
    en.push(enText);
  };
  if (!isValidBusinessDate(input.effectiveFrom))
    fail(
      '/effectiveFrom',
      'must be a date YYYY-MM-DD',
      'tanggal berlaku harus YYYY-MM-DD',
      'the effective date must be YYYY-MM-DD',
    );
  else if (input.effectiveFrom < today)
    fail(
      '/effectiveFrom',
      'must be today or later',
      `tanggal berlaku tidak boleh sebelum hari ini (${today})`,
      `the effective date cannot be before today (${today})`,
    );
  const reason = input.reason?.trim() ?? '';
  if (!reason)
    fail(
      '/reason',
      'required',
      'alasan perubahan wajib diisi',
      'a reason for the change is required',
    );
  const given = HUB_SETTING_KEYS.filter((k) => input[k] !== undefined);
  if (given.length === 0)
    fail(
      '',
      'give at least one setting',
      'isi paling sedikit satu pengaturan',
      'give at least one setting',
    );
  for (const k of given) {
    const v = input[k]!;
    const { min, max } = HUB_SETTING_BOUNDS[k];
    if (!Number.isSafeInteger(v) || v < min || v > max)
      fail(
        `/${k}`,
        `must be a whole number from ${min} to ${max}`,
        `${LABELS[k].id} harus bilangan bulat ${min}–${max}`,
        `the ${LABELS[k].en} must be a whole number from ${min} to ${max}`,
      );
  }
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: `Pengaturan tidak valid: ${id.join('; ')}`,
      messageEn: `Invalid settings: ${en.join('; ')}`,
      details: errors,
    });
  await loadHub(db, hubId);
  const current = await hubSettingsOn(db, hubId, input.effectiveFrom);
  const createdAt = ctx.clock.now().toISOString();
  await upsertHubSettings(
    db,
    given
      .filter((k) => input[k] !== current[k])
      .map((k) => ({
        orgId: hubId,
        key: k,
        effectiveFrom: input.effectiveFrom,
        value: input[k]!,
        reason,
        changedBy: ctx.actor?.userId ?? null,
        createdAt,
      })),
  );
  return getHubSettings(db, hubId, today);
}
