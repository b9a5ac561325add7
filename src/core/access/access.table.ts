export type Role =
  | 'hub_admin'
  | 'hub_staff'
  | 'coop_manager'
  | 'coop_cashier'
  | 'gov_viewer'
  | 'program_admin'
  /** An ASN of a Sembako Bahagia program: not a stored membership, derived from the roster. */
  | 'program_participant';

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: string;
  disabled: number;
  createdAt: string;
  /** A mobile number for the WhatsApp link of the user's one-time codes. */
  phone: string | null;
}

export interface MembershipTable {
  userId: string;
  orgId: string;
  role: Role;
}

export interface AuthTokenTable {
  /** What the owner names a token by (listing, revoking): never the token or its hash. */
  id: string;
  tokenHash: string;
  userId: string;
  kind: 'session' | 'api';
  label: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type UserCodePurpose = 'activation' | 'reset';

/** A staff user's one-time code: only its hash is kept; one per user and purpose. */
export interface UserCodeTable {
  userId: string;
  purpose: UserCodePurpose;
  codeHash: string;
  expiresAt: string;
  usedAt: string | null;
  /** Who issued it (null: issued by no signed-in user). */
  createdBy: string | null;
  createdAt: string;
}

export interface AccessTables {
  appUser: AppUserTable;
  membership: MembershipTable;
  authToken: AuthTokenTable;
  userCode: UserCodeTable;
}
