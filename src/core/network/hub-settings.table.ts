/**
 * One change of a hub's setting: `value` is in force from `effectiveFrom` (a
 * WIB business date) until the next change of the same key. The primary key
 * (hub, key, effective date) holds one value per day; a second change from
 * the same date replaces the first.
 */
export interface HubSettingTable {
  /** The hub's organization id. */
  orgId: string;
  key: string;
  effectiveFrom: string;
  value: number;
  reason: string | null;
  /** The user who made the change (or the system actor, as documents' `createdBy`). */
  changedBy: string | null;
  createdAt: string;
}

export interface HubSettingTables {
  hubSetting: HubSettingTable;
}
