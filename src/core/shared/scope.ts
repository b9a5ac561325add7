/** The cooperatives, hubs and programs a caller's memberships (with the action's roles) reach. */
export interface Scope {
  /** Hubs the caller works for. */
  hubIds: string[];
  /** Cooperatives the caller works for. */
  cooperativeIds: string[];
  /** Kemendagri codes of the regions of the offices the caller works for (government viewers). */
  regionCodes: string[];
  /** The offices themselves. */
  officeIds: string[];
  /** Sponsor organizations whose programs the caller runs (program office). */
  programOrgIds: string[];
  /** Sponsor organizations whose programs the caller takes part in (participant). */
  participantOrgIds: string[];
}
