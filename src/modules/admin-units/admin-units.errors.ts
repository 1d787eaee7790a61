import type { ImportRowError } from '../../contracts/admin-units.ts';
import { AppError } from '../../platform/errors.ts';

/** A file that failed its checks: nothing was written, and each issue names its line and column. */
export const importInvalid = (rowErrors: ImportRowError[]) =>
  new AppError({
    code: 'admin_units.import_invalid',
    status: 400,
    message: `Tệp có ${rowErrors.length} lỗi; chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại.`,
    details: { rows: rowErrors.slice(0, 500), total: rowErrors.length },
  });
