import type { ErrorCode } from '../core/shared/errors.ts';

/** The HTTP status of each error code: one status per code, answered by the one error handler. */
export const ERROR_STATUS = {
  ValidationFailed: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  IdempotencyConflict: 409,
  ExposureLimitExceeded: 409,
  ShippingHold: 409,
  InsufficientStock: 409,
  InvalidState: 409,
  AlreadyExists: 409,
  AlreadyReversed: 409,
  ReversalBlocked: 409,
  PriceAboveCeiling: 422,
  PriceNotSet: 422,
  NotParticipating: 422,
  ParticipationEnded: 409,
  DateInFuture: 422,
  PayrollAuthorizationMissing: 422,
  InsufficientSavings: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
} as const satisfies Record<ErrorCode, number>;
