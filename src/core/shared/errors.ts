/** The closed list of error codes. Each maps to one HTTP status. */
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
  PriceAboveCeiling: 422,
  PriceNotSet: 422,
  NotParticipating: 422,
  DateInFuture: 422,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  InternalError: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type of the domain. Commands throw it; the HTTP layer maps `code` to a status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** The message in English, where the command gives one (the message is Indonesian). */
  readonly messageEn: string | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], messageEn?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.messageEn = messageEn;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
