import { defineErrors } from '../../../platform/errors.ts';

/** Errors of donor clubs, rare-blood call-outs and honours: codes `clubs.<key>`. */
export const clubsErrors = defineErrors('clubs', {
  'club.not_found': { status: 404, message: 'Không tìm thấy câu lạc bộ hoặc bạn không có quyền truy cập.' },
  'member.not_found': { status: 404, message: 'Không có thành viên này trong câu lạc bộ.' },
  'callout.not_found': { status: 404, message: 'Không tìm thấy yêu cầu huy động máu.' },
  'honour.not_found': { status: 404, message: 'Không tìm thấy đề nghị tôn vinh.' },
  club_in_use: {
    status: 409,
    message: 'Câu lạc bộ đã có thành viên hoặc hoạt động: không xoá được, hãy kết thúc thành viên trước.',
  },
  callout_closed: { status: 409, message: 'Yêu cầu huy động máu đã đóng.' },
  not_a_donor: { status: 403, message: 'Tài khoản này không gắn với người hiến máu nào.' },
  honour_decided: {
    status: 409,
    message: (p: { status: string }) => `Đề nghị đã có quyết định (“${p.status}”): không đổi được nữa.`,
  },
});
