import type { FastifyError, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type ErrorDetail } from '../../core/shared/errors.ts';
import { sendInternalError, sendProblem } from './problem.ts';

/** The media type every operation takes; routes whose body schema is a content map take its keys. */
const JSON_TYPE = 'application/json';

/** The media types a route's body may come as: `application/json`, plus those its schema names. */
export function acceptedMediaTypes(schema: FastifySchema | undefined): string[] {
  const body: unknown = schema?.body;
  if (typeof body === 'object' && body !== null && 'content' in body) {
    const { content } = body;
    if (typeof content === 'object' && content !== null)
      return [...new Set([JSON_TYPE, ...Object.keys(content)])];
  }
  return [JSON_TYPE];
}

/** The methods whose body Fastify never reads. */
const BODYLESS = new Set(['GET', 'HEAD', 'TRACE']);

/** `text/csv; charset=utf-8` → `text/csv`. */
function mediaTypeOf(header: string): string {
  return (header.split(';', 1)[0] ?? '').trim().toLowerCase();
}

const NUL = '\u0000';

/** One string holding U+0000: where it is (a JSON pointer) and, in a text of several lines, on which. */
export interface NulFinding {
  path: string;
  line?: number;
}

const escapePointer = (key: string) =>
  key.replace(/~/g, '~0').replace(/\//g, '~1').replaceAll(NUL, '\\u0000');

/** The line (from 1) of a text that position `at` is on. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Enough findings to say what is wrong; a body full of NULs is not listed whole. */
const MAX_FINDINGS = 20;

/**
 * Every string (and object key) holding a NUL character in a parsed input, by JSON pointer (the
 * first 20). Walked with an explicit stack: a 1 MiB body can nest deeper than the call stack goes.
 */
export function findNul(input: unknown): NulFinding[] {
  const found: NulFinding[] = [];
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const at = value.indexOf(NUL);
      if (at < 0) continue;
      found.push({
        path: path || '/',
        ...(value.includes('\n') ? { line: lineAt(value, at) } : {}),
      });
      if (found.length === MAX_FINDINGS) break;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}/${i}`]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value).reverse()) {
        const p = `${path}/${escapePointer(key)}`;
        if (key.includes(NUL) && found.push({ path: p }) === MAX_FINDINGS) return found;
        stack.push([v, p]);
      }
    }
  }
  return found;
}

function nulError(findings: NulFinding[], file: boolean): DomainError {
  const where = (f: NulFinding, en: boolean) =>
    f.line === undefined ? '' : en ? ` on line ${f.line}` : ` di baris ${f.line}`;
  const details: ErrorDetail[] = findings.map((f) => ({
    path: f.path,
    message: `berisi karakter NUL (U+0000)${where(f, false)}`,
    messageEn: `holds a NUL character (U+0000)${where(f, true)}`,
  }));
  if (file) {
    const f = findings[0]!;
    return new DomainError('ValidationFailed', {
      message: `Berkas ditolak seluruhnya: berisi karakter NUL (U+0000)${where(f, false)}. Simpan ulang sebagai CSV UTF-8 lalu kirim lagi.`,
      messageEn: `The file is refused whole: it holds a NUL character (U+0000)${where(f, true)}. Save it again as CSV UTF-8 and send it again.`,
      details,
    });
  }
  const list = (en: boolean) =>
    findings.map((f) => `${f.path} ${en ? 'holds' : 'berisi'} NUL${where(f, en)}`).join('; ');
  return new DomainError('ValidationFailed', {
    message: `Data tidak valid: ${list(false)} (karakter NUL, U+0000, tidak boleh ada dalam teks)`,
    messageEn: `Invalid input: ${list(true)} (a NUL character, U+0000, may not appear in text)`,
    details,
  });
}

/**
 * What a request may carry, checked before its body is read or any SQL runs:
 *
 * - on request, a body whose media type the operation does not take is refused (415) unread, so
 *   the 8 MiB CSV limit serves only the operations that take files (their body schema names
 *   `text/csv`), and JSON keeps its 1 MiB everywhere else;
 * - before validation, a NUL character (U+0000) in any text of the path, query or body is refused
 *   as ValidationFailed, with the path of each field: PostgreSQL cannot store it, and SQLite would
 *   keep a text other tools cut short. A CSV file holding one is refused whole.
 */
export const inputPlugin = fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const header = request.headers['content-type'];
      if (header === undefined || BODYLESS.has(request.method)) return;
      const media = mediaTypeOf(header);
      const accepted = acceptedMediaTypes(request.routeOptions.schema);
      if (accepted.includes(media)) return;
      // The body is never read: close the connection after the answer rather than drain it.
      reply.header('connection', 'close');
      const list = accepted.join(', ');
      throw new DomainError('UnsupportedMediaType', {
        message: `Jenis konten ${media || '(kosong)'} tidak diterima di sini; kirim ${list}`,
        messageEn: `Content type ${media || '(empty)'} is not taken here; send ${list}`,
      });
    });
    app.addHook('preValidation', async (request) => {
      const findings = [
        ...findNul(request.params),
        ...findNul(request.query),
        ...(typeof request.body === 'string'
          ? findNul(request.body).map((f) => ({ ...f, path: '/csv' }))
          : // A workbook's bytes (XLSX) are binary: its cells are checked as the file is read.
            Buffer.isBuffer(request.body)
            ? []
            : findNul(request.body)),
      ];
      if (findings.length)
        throw nulError(findings.slice(0, MAX_FINDINGS), typeof request.body === 'string');
    });
  },
  { name: 'lumbung-input' },
);

/**
 * Fastify's own answers to a URL it cannot route (a path parameter over its length limit, a broken
 * %-escape), which would otherwise be Fastify's JSON echoing the URL: a ValidationFailed
 * problem that does not repeat it. Fastify's `frameworkErrors` option; these requests meet no
 * route, so none of the app's hooks run and the headers they would set are set here.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  reply.header('x-request-id', request.id).header('cache-control', 'no-store');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const max = request.server.initialConfig.maxParamLength ?? 100;
    return sendProblem(request, reply, 'ValidationFailed', {
      id: `Alamat tidak valid: satu bagiannya lebih dari ${max} karakter`,
      en: `Invalid address: one of its parts is longer than ${max} characters`,
    });
  }
  if (error.code === 'FST_ERR_BAD_URL')
    return sendProblem(request, reply, 'ValidationFailed', {
      id: 'Alamat tidak valid: kode %-nya rusak',
      en: 'Invalid address: a broken %-escape',
    });
  return sendInternalError(request, reply, error);
}
