/**
 * `kept_epoch`: how often an organization's kept views were forgotten (see kept.repository.ts).
 * A view worked out from the documents is kept only if the count did not move while it was
 * worked out, so a document written meanwhile is never missed.
 */
export interface KeptEpochTable {
  orgId: string;
  epoch: number;
}

export interface KeptTables {
  keptEpoch: KeptEpochTable;
}
