import { defineFieldIssues } from '../common.ts';

/** Field issues of donor clubs, call-outs and honours (`fieldIssues.clubs.*` on the web). */
export const clubsIssues = defineFieldIssues('clubs', {
  province_code: 'Mã tỉnh gồm 2 chữ số',
  province_unknown: 'Không có tỉnh, thành phố với mã này',
  date_order: 'Ngày kết thúc phải sau ngày bắt đầu',
  instant_range: 'Thời điểm phải trong khoảng năm 2000 – 2100',
  needed_by_past: 'Thời hạn cần máu phải sau thời điểm hiện tại',
  already_member: 'Người này đã là thành viên của câu lạc bộ',
  ref_not_accepted: 'Người hiến #{{ref}} chưa nhận lời tham gia',
  below_threshold: 'Chưa đạt {{threshold}} lần hiến (hiện có {{count}})',
  already_honoured: 'Đã được đề nghị hoặc tôn vinh theo mức này',
  rule_kind: 'Quy định này dành cho {{kind}}',
  nothing_to_propose: 'Chọn ít nhất một người hoặc một gia đình để đề nghị',
  family_no_leader: 'Gia đình chưa có chủ hộ (vai trò trưởng nhóm) để ghi nhận danh hiệu',
  rule_not_applicable: 'Quy định này không áp dụng cho đơn vị đề nghị vào thời điểm này',
});
