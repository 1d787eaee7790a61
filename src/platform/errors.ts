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
