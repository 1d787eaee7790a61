import { defineErrors } from '../../platform/errors.ts';

export const auditErrors = defineErrors('audit', {
  export_too_large: {
    status: 400,
    message: (p: { total: number; max: number }) =>
      `Bộ lọc khớp ${p.total.toLocaleString('vi-VN')} dòng, quá ${p.max.toLocaleString('vi-VN')} dòng của một lần xuất: hãy thu hẹp khoảng thời gian hoặc thêm bộ lọc.`,
  },
});
