export {
  POLICY,
  HUB_ROLES,
  COOP_ROLES,
  STAFF_ROLES,
  isAction,
  passesGate,
  grantedRoles,
  type AccessRule,
  type Action,
} from './policy.ts';
export {
  authorize,
  visibleHubIds,
  type Actor,
  type Grant,
  type ParticipantGrant,
  type Resource,
} from './authorize.ts';
export type { Scope } from '../shared/scope.ts';
