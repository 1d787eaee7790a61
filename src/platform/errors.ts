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

export type FieldIssue = { path: string; message: string };

export const errors = {
  notFound: (entity: string, message = 'Không tìm thấy hoặc bạn không có quyền truy cập.') =>
    new AppError({ code: `${entity}.not_found`, message, status: 404 }),
  validation: (issues: FieldIssue[], message?: string) =>
    new AppError({
      code: 'validation_failed',
      message: message ?? `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      status: 400,
      details: { issues },
    }),
  conflict: (code: string, message: string, details?: unknown) =>
    new AppError({ code, message, status: 409, details }),
  forbidden: (message = 'Bạn không có quyền thực hiện thao tác này.') =>
    new AppError({ code: 'auth.forbidden', message, status: 403 }),
  unauthenticated: (message = 'Bạn cần đăng nhập.') =>
    new AppError({ code: 'auth.unauthenticated', message, status: 401 }),
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
