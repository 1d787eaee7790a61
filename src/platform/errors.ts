import { commonIssues, fillIssueText } from '../contracts/common.ts';
import { fieldIssueTexts } from '../contracts/issues.ts';

/**
 * The one error type services throw. `code` is stable and dotted (`orgs.not_found`); the web
 * translates it as `errors.orgs.not_found`. Services never throw HTTP exceptions: the status lives here.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly isInternal: boolean;

  constructor(opts: {
    code: string;
    message: string;
    status: number;
    details?: unknown;
    isInternal?: boolean;
  }) {
    super(opts.message);
    this.name = 'AppError';
    this.code = opts.code;
    this.status = opts.status;
    this.details = opts.details;
    this.isInternal = opts.isInternal ?? false;
  }
}

/**
 * One field of a 400 validation_failed. `code` names the issue for the web (`fieldIssues.<code>`, with
 * `params`): a contract field issue (`plans.indicator_code_duplicate`) or zod's own (`zod.too_small`);
 * `message` is its Vietnamese text. Issues a service raises in prose (`{ path, message }`) carry no code.
 */
export type FieldIssue = { path: string; message: string; code?: string; params?: Record<string, unknown> };

/** A contract code given as the message (a schema's zod message run by a service) becomes code + text. */
function withCode(issue: FieldIssue): FieldIssue {
  const text = issue.code ? undefined : fieldIssueTexts.get(issue.message);
  if (text === undefined) return issue;
  const out: FieldIssue = {
    path: issue.path,
    code: issue.message,
    message: fillIssueText(text, issue.params),
  };
  if (issue.params) out.params = issue.params;
  return out;
}

export const errors = {
  notFound: (entity: string, message = 'Không tìm thấy hoặc bạn không có quyền truy cập.') =>
    new AppError({ code: `${entity}.not_found`, message, status: 404 }),
  validation: (given: FieldIssue[], message?: string) => {
    const issues = given.map(withCode);
    return new AppError({
      code: 'validation_failed',
      message: message ?? `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      status: 400,
      details: { issues },
    });
  },
  /**
   * Ids of a body or a query that name nothing the caller sees (`body.personIds.3`, `querystring.orgId`): a 400 on
   * each field, with the same words whether the object is missing or out of scope.
   */
  idNotFound: (...paths: string[]) =>
    errors.validation(paths.map((path) => ({ path, message: commonIssues.id_not_found }))),
  conflict: (code: string, message: string, details?: unknown) =>
    new AppError({ code, message, status: 409, details }),
  forbidden: (message?: string) => withMessage(platformErrors['auth.forbidden'](), message),
  unauthenticated: (message?: string) => withMessage(platformErrors['auth.unauthenticated'](), message),
  badRequest: (code: string, message: string, details?: unknown) =>
    new AppError({ code, message, status: 400, details }),
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * An enumerable error definition: the status and the API's (Vietnamese) message, fixed or from the error's
 * parameters. The web translates by code (`errors.<code>`, in Vietnamese and English, interpolating the same
 * parameters), so every parameter a message uses is also sent, in `details`.
 */
export type ErrorDef = { status: number; message: string | ((params: never) => string) };

type Factory<D> = D extends { message: (params: infer P) => string }
  ? (params: P, details?: Record<string, unknown>) => AppError
  : (details?: Record<string, unknown>) => AppError;

/** What a module's manifest lists: its codes and statuses, for the translation test and the API docs. */
export type ErrorCatalogue = { namespace: string | null; codes: { code: string; status: number }[] };

/**
 * A module's errors, e.g. `defineErrors('training', { class_full: { status: 409, message: (p: { capacity: number })
 * => \`Lớp đã đủ ${p.capacity} học viên.\` } })` → `trainingErrors.class_full({ capacity: 30 })` throws the
 * AppError `training.class_full` with `details: { capacity: 30 }`; `trainingErrors.catalogue` lists the codes.
 * Keys may hold dots (`class.not_found`): the code is `<namespace>.<key>`.
 */
export function defineErrors<const D extends Record<string, ErrorDef>>(
  namespace: string | null,
  defs: D,
): { [K in keyof D]: Factory<D[K]> } & { catalogue: ErrorCatalogue } {
  const codeOf = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const out: Record<string, unknown> = {
    catalogue: {
      namespace,
      codes: Object.entries(defs).map(([key, d]) => ({ code: codeOf(key), status: d.status })),
    },
  };
  for (const [key, def] of Object.entries(defs)) {
    out[key] = (params?: Record<string, unknown>, details?: Record<string, unknown>) => {
      const message =
        typeof def.message === 'function' ? (def.message as (p: unknown) => string)(params) : def.message;
      const payload = { ...params, ...details };
      return new AppError({
        code: codeOf(key),
        status: def.status,
        message,
        details: Object.keys(payload).length ? payload : undefined,
      });
    };
  }
  return out as { [K in keyof D]: Factory<D[K]> } & { catalogue: ErrorCatalogue };
}

function withMessage(e: AppError, message: string | undefined): AppError {
  return message === undefined
    ? e
    : new AppError({ code: e.code, status: e.status, message, details: e.details });
}

/**
 * The platform's own codes: the error handler's (request.*, conflict.*, route.not_found, validation_failed,
 * internal) and the sign-in guard's (auth.forbidden, auth.unauthenticated). The message is the default; the
 * handler may answer a more precise one (e.g. 'Tệp quá lớn.' for request.too_large).
 */
export const platformErrors = defineErrors(null, {
  validation_failed: { status: 400, message: 'Dữ liệu không hợp lệ.' },
  internal: { status: 500, message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.' },
  'route.not_found': { status: 404, message: 'Không có đường dẫn này.' },
  'auth.forbidden': { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  'auth.unauthenticated': { status: 401, message: 'Bạn cần đăng nhập.' },
  'request.malformed_json': { status: 400, message: 'Nội dung JSON không hợp lệ.' },
  'request.empty_body': { status: 400, message: 'Thiếu nội dung yêu cầu.' },
  'request.too_large': { status: 413, message: 'Nội dung yêu cầu quá lớn.' },
  'request.unsupported_media_type': { status: 415, message: 'Kiểu nội dung không được hỗ trợ.' },
  'request.upload_incomplete': {
    status: 400,
    message: 'Tệp tải lên không trọn vẹn (kết nối bị ngắt trước khi gửi hết tệp). Hãy gửi lại.',
  },
  'request.invalid_reference': { status: 400, message: 'Tham chiếu tới bản ghi không tồn tại.' },
  'request.invalid_value': { status: 400, message: 'Giá trị không hợp lệ.' },
  'request.value_too_long': { status: 400, message: 'Giá trị quá dài.' },
  'request.rate_limited': { status: 429, message: 'Quá nhiều yêu cầu, hãy thử lại sau.' },
  'request.invalid': { status: 400, message: 'Yêu cầu không hợp lệ.' },
  'conflict.duplicate': { status: 409, message: 'Dữ liệu trùng với bản ghi đã có.' },
  'conflict.retry': { status: 409, message: 'Xung đột ghi đồng thời, hãy thử lại.' },
});
