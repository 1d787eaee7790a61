import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fillIssueText } from '../../contracts/common.ts';
import { fieldIssueTexts } from '../../contracts/issues.ts';
import { type AppError, type FieldIssue, isAppError, platformErrors } from '../errors.ts';
import { isIncompleteUpload } from './files.ts';

type ErrorPayload = { status: number; code: string; message: string; details?: unknown };
type PlatformCode = Exclude<keyof typeof platformErrors, 'catalogue'>;

/** The payload of a platform code, with a more precise message than the catalogue's default when given. */
function payload(code: PlatformCode, message?: string): ErrorPayload {
  const e = platformErrors[code]();
  return { status: e.status, code: e.code, message: message ?? e.message };
}

const fastifyCodes: Record<string, [PlatformCode, string?]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['request.malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['request.empty_body'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['request.too_large'],
  FST_REQ_FILE_TOO_LARGE: ['request.too_large', 'Tệp quá lớn.'],
  FST_PARTS_LIMIT: ['request.too_large', 'Quá nhiều phần trong biểu mẫu.'],
  FST_FILES_LIMIT: ['request.too_large', 'Quá nhiều tệp.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['request.unsupported_media_type'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    'request.unsupported_media_type',
    'Yêu cầu phải là multipart/form-data.',
  ],
};

// PostgreSQL errors that mean "bad input" rather than "bug": answered as 4xx, never 500.
const pgCodes: Record<string, PlatformCode> = {
  '23505': 'conflict.duplicate',
  '23503': 'request.invalid_reference',
  '22P02': 'request.invalid_value',
  '22001': 'request.value_too_long',
  // Last line of defence behind the contracts (which name the field): a number, date or text PostgreSQL cannot
  // hold — integer out of range, datetime overflow, NUL in text, NUL in jsonb.
  '22003': 'request.invalid_value',
  '22008': 'request.invalid_value',
  '22021': 'request.invalid_value',
  '22P05': 'request.invalid_value',
  '40001': 'conflict.retry',
};

type ZodValidation = {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** zod's own parameters (minimum, maximum, inclusive, origin, expected, format, keys…): scalars and lists of them. */
function zodParams(raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (typeof v === 'bigint') out[k] = Number(v);
    else if (scalar(v) || (Array.isArray(v) && v.every(scalar))) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * One zod issue as the API answers it: a contract code (the schema's message) with its custom params and its
 * Vietnamese text, or zod's own issue as `zod.<code>` with its parameters and zod's Vietnamese message.
 */
function fieldIssue(v: ZodValidation, where: string): FieldIssue {
  const p = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const path = p ? `${where}.${p}` : where;
  const text = v.message === undefined ? undefined : fieldIssueTexts.get(v.message);
  if (text !== undefined) {
    const custom = v.params?.params as Record<string, unknown> | undefined;
    const issue: FieldIssue = { path, code: v.message!, message: fillIssueText(text, custom) };
    if (custom) issue.params = custom;
    return issue;
  }
  const issue: FieldIssue = {
    path,
    code: `zod.${v.keyword ?? 'custom'}`,
    message: v.message ?? 'Không hợp lệ',
  };
  const params = zodParams(v.params);
  if (params) issue.params = params;
  return issue;
}

function validationIssues(err: FastifyError): FieldIssue[] {
  const where = (err as { validationContext?: string }).validationContext ?? 'body';
  return ((err.validation ?? []) as ZodValidation[]).map((v) => fieldIssue(v, where));
}

function classify(err: FastifyError | AppError | Error): ErrorPayload | null {
  if (isAppError(err))
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  const fe = err as FastifyError & { cause?: { code?: string } };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = validationIssues(fe);
    const message = `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    return { ...payload('validation_failed', message), details: { issues } };
  }
  if (isResponseSerializationError(fe)) return null;
  const known = fe.code ? fastifyCodes[fe.code] : undefined;
  if (known) return payload(...known);
  if (isIncompleteUpload(fe)) return payload('request.upload_incomplete');
  const pg = (fe as { code?: string }).code ?? fe.cause?.code;
  if (pg && pgCodes[pg])
    return { ...payload(pgCodes[pg]!), details: { constraint: (fe as { constraint?: string }).constraint } };
  if (fe.statusCode === 429) return payload('request.rate_limited');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { ...payload('request.invalid', fe.message), status: fe.statusCode };
  }
  return null;
}

/**
 * `spaIndex`: reads the web app's index.html (per request, so a rebuild is served without a restart),
 * answered for every non-API, non-asset GET so deep links such as /orgs/12 survive a reload.
 */
export function installErrorHandling(
  app: FastifyInstance,
  spaIndex: (() => Promise<Buffer | null>) | null = null,
): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = classify(err);
    if (known && !(isAppError(err) && err.isInternal)) {
      if (known.status >= 500) req.log.error({ err }, 'request failed');
      return reply
        .status(known.status)
        .send({ error: { code: known.code, message: known.message, details: known.details } });
    }
    req.log.error({ err }, 'unhandled error');
    const internal = payload('internal');
    return reply.status(500).send({ error: { code: internal.code, message: internal.message } });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/assets/');
    const html = isPage && spaIndex ? await spaIndex() : null;
    if (html) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    const notFound = payload('route.not_found', `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}`);
    return reply.status(404).send({ error: { code: notFound.code, message: notFound.message } });
  });
}

export function rateLimitError(): AppError {
  return platformErrors['request.rate_limited']();
}
