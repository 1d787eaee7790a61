import { defineErrors } from '../../../platform/errors.ts';

/** The waves' errors: codes `waves.<key>`, the API's Vietnamese messages (web: errors.waves.*). */
export const wavesErrors = defineErrors('waves', {
  not_found: { status: 404, message: 'Không tìm thấy đợt huy động hoặc bạn không có quyền truy cập.' },
  'member.not_found': { status: 404, message: 'Không có tình nguyện viên này trong đợt huy động.' },
  'quota.not_found': { status: 404, message: 'Không có chỉ tiêu này trong đợt huy động.' },
  version_conflict: {
    status: 409,
    message: 'Đợt huy động vừa được người khác sửa. Hãy tải lại trước khi lưu.',
  },
  transition: {
    status: 409,
    message: (p: { from: string; to: string }) =>
      `Không chuyển được đợt huy động từ “${p.from}” sang “${p.to}”.`,
  },
  not_draft: {
    status: 409,
    message: 'Đợt huy động đã mở: chỉ sửa được chỉ tiêu các cơ sở.',
  },
  not_open: {
    status: 409,
    message: 'Đợt huy động không còn nhận đề cử (chưa mở, đã đủ, đã kết thúc hoặc đã dừng).',
  },
  no_quotas: { status: 409, message: 'Hãy giao chỉ tiêu cho ít nhất một cơ sở trước khi mở đợt huy động.' },
  over_quota: {
    status: 409,
    message: (p: { quota: number; taken: number; asked: number }) =>
      `Chỉ tiêu của cơ sở là ${p.quota} người, đã đề cử ${p.taken}: không đề cử thêm ${p.asked} người được.`,
  },
  quota_has_members: {
    status: 409,
    message: (p: { orgName: string }) =>
      `${p.orgName} đã đề cử tình nguyện viên: không bỏ chỉ tiêu của cơ sở này được.`,
  },
  member_not_withdrawable: {
    status: 409,
    message: 'Tình nguyện viên đã được điều động hoặc đã rút: không rút được nữa.',
  },
});
