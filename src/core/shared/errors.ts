/**
 * The closed list of error codes. The HTTP edge maps each to one status
 * (`src/http/error-status.ts`); the core only names what went wrong.
 */
export const ERROR_CODES = [
  'ValidationFailed',
  'Unauthenticated',
  'Forbidden',
  'NotFound',
  'IdempotencyConflict',
  'ExposureLimitExceeded',
  'ShippingHold',
  'InsufficientStock',
  'InvalidState',
  'AlreadyExists',
  'AlreadyReversed',
  'ReversalBlocked',
  'PriceAboveCeiling',
  'PriceNotSet',
  'NotParticipating',
  'ParticipationEnded',
  'DateInFuture',
  'PayrollAuthorizationMissing',
  'InsufficientSavings',
  'SavingsRuleExceeded',
  'UnbalancedEntry',
  'AccountNotManual',
  'FiscalYearClosed',
  'FiscalYearNotEnded',
  'InvalidShuRules',
  'ShuRulesMissing',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'TooManyRequests',
  'InternalError',
  'ServiceUnavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One field's finding: `path` is the JSON path of the field, `message` says
 * what is wrong in Indonesian, `messageEn` in English; the HTTP edge sends
 * the one of the caller's language.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  messageEn: string;
}

/**
 * What an error says: `message` in Indonesian (the interface's first
 * language), `messageEn` in English where the command words one. Both are
 * written side by side where the facts they interpolate are at hand, so each
 * text stays in one language.
 */
export interface DomainErrorInit {
  message: string;
  messageEn?: string;
  details?: ErrorDetail[];
}

/** The one error type of the domain. Commands throw it; the HTTP layer maps `code` to a status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** The message in English, where the command gives one (the message is Indonesian). */
  readonly messageEn: string | undefined;
  constructor(code: ErrorCode, init: DomainErrorInit) {
    super(init.message);
    this.name = 'DomainError';
    this.code = code;
    this.details = init.details;
    this.messageEn = init.messageEn;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
