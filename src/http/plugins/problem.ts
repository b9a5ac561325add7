import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type ErrorDetail } from '../../core/shared/errors.ts';
import { isDatabaseUnavailable } from '../../db/connection.ts';
import { ERROR_STATUS } from '../error-status.ts';

const TITLES: Record<ErrorCode, { id: string; en: string }> = {
  ValidationFailed: { id: 'Data tidak valid', en: 'Invalid input' },
  Unauthenticated: { id: 'Belum masuk', en: 'Not signed in' },
  Forbidden: { id: 'Tidak diizinkan', en: 'Not allowed' },
  NotFound: { id: 'Tidak ditemukan', en: 'Not found' },
  IdempotencyConflict: {
    id: 'Id sudah dipakai dengan isi berbeda',
    en: 'Id already used with different content',
  },
  ExposureLimitExceeded: { id: 'Batas eksposur terlampaui', en: 'Exposure limit exceeded' },
  ShippingHold: { id: 'Pengiriman ditahan', en: 'Shipping on hold' },
  InsufficientStock: { id: 'Stok tidak cukup', en: 'Insufficient stock' },
  InvalidState: { id: 'Status dokumen tidak sesuai', en: 'Invalid document state' },
  AlreadyExists: { id: 'Sudah ada', en: 'Already exists' },
  AlreadyReversed: { id: 'Dokumen sudah dibatalkan', en: 'Document already reversed' },
  ReversalBlocked: {
    id: 'Dokumen lain harus dibatalkan lebih dulu',
    en: 'Another document must be reversed first',
  },
  PriceAboveCeiling: { id: 'Harga melebihi HET/HAP', en: 'Price above the regulated ceiling' },
  PriceNotSet: { id: 'Harga belum ditetapkan', en: 'Price not set' },
  NotParticipating: {
    id: 'Koperasi belum menjadi peserta',
    en: 'Cooperative is not participating',
  },
  ParticipationEnded: { id: 'Kepesertaan sudah berakhir', en: 'Participation has ended' },
  DateInFuture: { id: 'Tanggal belum terjadi', en: 'Date in the future' },
  PayrollAuthorizationMissing: {
    id: 'Surat kuasa potong gaji belum diserahkan',
    en: 'Payroll-deduction authorization missing',
  },
  InsufficientSavings: { id: 'Saldo simpanan tidak cukup', en: 'Insufficient savings' },
  SavingsRuleExceeded: {
    id: 'Melebihi ketentuan simpanan',
    en: 'Above the savings rule',
  },
  UnbalancedEntry: { id: 'Jurnal tidak seimbang', en: 'Unbalanced entry' },
  AccountNotManual: {
    id: 'Akun tidak terbuka untuk jurnal manual',
    en: 'Account not open to manual entries',
  },
  FiscalYearClosed: { id: 'Tahun buku sudah ditutup', en: 'Fiscal year closed' },
  FiscalYearNotEnded: { id: 'Tahun buku belum berakhir', en: 'Fiscal year not ended' },
  InvalidShuRules: { id: 'Pembagian SHU tidak sah', en: 'Invalid SHU allocation' },
  ShuRulesMissing: {
    id: 'Pembagian SHU belum ditetapkan',
    en: 'SHU allocation not set',
  },
  PayloadTooLarge: { id: 'Data terlalu besar', en: 'Payload too large' },
  UnsupportedMediaType: { id: 'Jenis konten tidak didukung', en: 'Unsupported media type' },
  TooManyRequests: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  InternalError: { id: 'Kesalahan server', en: 'Server error' },
  ServiceUnavailable: {
    id: 'Layanan sementara tidak tersedia',
    en: 'Service temporarily unavailable',
  },
};

/** 'en' when the client prefers English, else Indonesian. */
export function languageOf(request: FastifyRequest): 'id' | 'en' {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: { id: string; en?: string },
  errors?: ErrorDetail[],
) {
  const lang = languageOf(request);
  const status = ERROR_STATUS[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://lumbung.id/problems/${code}`,
      title: TITLES[code][lang],
      status,
      detail: lang === 'en' ? (detail.en ?? TITLES[code].en) : detail.id,
      code,
      requestId: request.id,
      // Each field's message in the caller's language; never both (the contract is `{ path, message }`).
      ...(errors?.length
        ? {
            errors: errors.map((e) => ({
              path: e.path,
              message: lang === 'en' ? e.messageEn : e.message,
            })),
          }
        : {}),
    });
}

/** A bug's answer: a 500 that hides internals; the log keeps them with the request id. */
export function sendInternalError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, 'InternalError', {
    id: 'Terjadi kesalahan di server; sudah dicatat',
    en: 'Something went wrong on the server; it has been logged',
  });
}

/** A schema validator's finding (Fastify's `error.validation`, from ajv). */
interface SchemaIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const TYPE_NAMES: Record<string, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  integer: { id: 'bilangan bulat', en: 'a whole number' },
  number: { id: 'angka', en: 'a number' },
  boolean: { id: 'true atau false', en: 'true or false' },
  array: { id: 'daftar', en: 'a list' },
  object: { id: 'objek', en: 'an object' },
  null: { id: 'null', en: 'null' },
};

/** What is wrong with one field, in the caller's language (ajv's own messages are English only). */
function issueMessage(v: SchemaIssue, lang: 'id' | 'en'): string {
  const p = v.params ?? {};
  const en = lang === 'en';
  const limit = String(p.limit ?? '');
  switch (v.keyword) {
    case 'required':
      return en ? 'is required' : 'wajib diisi';
    case 'additionalProperties':
      return en ? 'is not a known field' : 'bukan kolom yang dikenal';
    case 'type': {
      const types = String(p.type ?? '')
        .split(',')
        .map((t) => TYPE_NAMES[t]?.[lang] ?? t);
      return en ? `must be ${types.join(' or ')}` : `harus berupa ${types.join(' atau ')}`;
    }
    case 'minimum':
      return en ? `must be at least ${limit}` : `paling kecil ${limit}`;
    case 'maximum':
      return en ? `must be at most ${limit}` : `paling besar ${limit}`;
    case 'exclusiveMinimum':
      return en ? `must be more than ${limit}` : `harus lebih dari ${limit}`;
    case 'exclusiveMaximum':
      return en ? `must be less than ${limit}` : `harus kurang dari ${limit}`;
    case 'minLength':
      return en ? `must have at least ${limit} characters` : `paling sedikit ${limit} karakter`;
    case 'maxLength':
      return en ? `must have at most ${limit} characters` : `paling banyak ${limit} karakter`;
    case 'minItems':
      return en ? `must have at least ${limit} items` : `paling sedikit ${limit} butir`;
    case 'maxItems':
      return en ? `must have at most ${limit} items` : `paling banyak ${limit} butir`;
    case 'format':
      return en ? `is not a valid ${String(p.format)}` : `bukan ${String(p.format)} yang sah`;
    case 'pattern':
      return en ? 'is not in the expected form' : 'bentuknya tidak sesuai';
    case 'enum':
    case 'const': {
      const allowed = (Array.isArray(p.allowedValues) ? p.allowedValues : [p.allowedValue])
        .map(String)
        .join(', ');
      return en ? `must be one of: ${allowed}` : `harus salah satu dari: ${allowed}`;
    }
    default:
      return v.message ?? (en ? 'is not valid' : 'tidak sah');
  }
}

/** One error handler: DomainError by its code, framework errors mapped to the closed list, 5xx without internals. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      return sendProblem(
        request,
        reply,
        error.code,
        { id: error.message, en: error.messageEn },
        error.details,
      );
    }
    const fe = error as FastifyError & { validation?: SchemaIssue[] };
    if (fe.validation) {
      const errors = fe.validation.map((v) => {
        const extra = v.params?.additionalProperty
          ? `/${String(v.params.additionalProperty)}`
          : v.params?.missingProperty
            ? `/${String(v.params.missingProperty)}`
            : '';
        return {
          path: `${v.instancePath ?? ''}${extra}` || '/',
          message: issueMessage(v, 'id'),
          messageEn: issueMessage(v, 'en'),
        };
      });
      // The detail names no paths: the fields are marked by `errors`, each next to its field.
      const n = errors.length;
      return sendProblem(
        request,
        reply,
        'ValidationFailed',
        {
          id: `Data tidak valid: periksa isian yang ditandai (${n})`,
          en: `Invalid input: check the marked fields (${n})`,
        },
        errors,
      );
    }
    const status = fe.statusCode ?? 500;
    if (status === 413)
      return sendProblem(request, reply, 'PayloadTooLarge', {
        id: 'Data yang dikirim terlalu besar',
        en: 'The request body is too large',
      });
    if (status === 415)
      return sendProblem(request, reply, 'UnsupportedMediaType', {
        id: 'Kirim data sebagai application/json',
        en: 'Send the body as application/json',
      });
    if (status === 429)
      return sendProblem(request, reply, 'TooManyRequests', {
        id: 'Terlalu banyak percobaan; coba lagi nanti',
        en: 'Too many attempts; try again later',
      });
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, 'ValidationFailed', {
        id: 'Permintaan tidak dapat dibaca (JSON rusak atau kosong)',
        en: 'The request could not be read (broken or empty JSON)',
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(request, reply, 'ServiceUnavailable', {
        id: 'Basis data sedang tidak dapat dihubungi; coba lagi sebentar lagi',
        en: 'The database cannot be reached right now; try again shortly',
      });
    }
    return sendInternalError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'NotFound', {
      id: `Alamat ${request.method} ${request.url.split('?')[0]} tidak ada`,
      en: `No such route: ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
