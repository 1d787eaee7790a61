import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue, isAppError } from '../errors.ts';

type ErrorPayload = { status: number; code: string; message: string; details?: unknown };

const fastifyCodes: Record<string, Omit<ErrorPayload, 'details'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    message: 'Nội dung JSON không hợp lệ.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'request.empty_body',
    message: 'Thiếu nội dung yêu cầu.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'request.too_large',
    message: 'Nội dung yêu cầu quá lớn.',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'request.too_large', message: 'Tệp quá lớn.' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.too_large', message: 'Quá nhiều phần trong biểu mẫu.' },
  FST_FILES_LIMIT: { status: 413, code: 'request.too_large', message: 'Quá nhiều tệp.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'Kiểu nội dung không được hỗ trợ.',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'Yêu cầu phải là multipart/form-data.',
  },
};

// PostgreSQL errors that mean "bad input" rather than "bug": answered as 4xx, never 500.
const pgCodes: Record<string, Omit<ErrorPayload, 'details'>> = {
  '23505': { status: 409, code: 'conflict.duplicate', message: 'Dữ liệu trùng với bản ghi đã có.' },
  '23503': {
    status: 400,
    code: 'request.invalid_reference',
    message: 'Tham chiếu tới bản ghi không tồn tại.',
  },
  '22P02': { status: 400, code: 'request.invalid_value', message: 'Giá trị không hợp lệ.' },
  '22001': { status: 400, code: 'request.value_too_long', message: 'Giá trị quá dài.' },
  '40001': { status: 409, code: 'conflict.retry', message: 'Xung đột ghi đồng thời, hãy thử lại.' },
};

function validationIssues(err: FastifyError): FieldIssue[] {
  const where = (err as { validationContext?: string }).validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const p = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    return { path: p ? `${where}.${p}` : where, message: v.message ?? 'Không hợp lệ' };
  });
}

function classify(err: FastifyError | AppError | Error): ErrorPayload | null {
  if (isAppError(err))
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  const fe = err as FastifyError & { cause?: { code?: string } };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = validationIssues(fe);
    return {
      status: 400,
      code: 'validation_failed',
      message: `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      details: { issues },
    };
  }
  if (isResponseSerializationError(fe)) return null;
  if (fe.code && fastifyCodes[fe.code]) return { ...fastifyCodes[fe.code]! };
  const pg = (fe as { code?: string }).code ?? fe.cause?.code;
  if (pg && pgCodes[pg])
    return { ...pgCodes[pg]!, details: { constraint: (fe as { constraint?: string }).constraint } };
  if (fe.statusCode === 429)
    return { status: 429, code: 'request.rate_limited', message: 'Quá nhiều yêu cầu, hãy thử lại sau.' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'request.invalid', message: fe.message };
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
    return reply.status(500).send({
      error: { code: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.' },
    });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/assets/');
    const html = isPage && spaIndex ? await spaIndex() : null;
    if (html) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    return reply.status(404).send({
      error: {
        code: 'route.not_found',
        message: `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}`,
      },
    });
  });
}

export function rateLimitError(): AppError {
  return new AppError({
    code: 'request.rate_limited',
    message: 'Quá nhiều yêu cầu, hãy thử lại sau.',
    status: 429,
  });
}
