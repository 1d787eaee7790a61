import { defineFieldIssues } from '../common.ts';

export const planIssues = defineFieldIssues('plans', {
  max_below_min: 'Giá trị tối đa nhỏ hơn tối thiểu',
  yes_no_no_breakdown: 'Chỉ tiêu có/không không phân tổ',
  output_duplicate: 'Kết quả đầu ra bị trùng',
  indicators_min: 'Cần ít nhất một chỉ tiêu',
  once_needs_due_date: 'Báo cáo một lần cần hạn nộp',
  indicator_code_duplicate: 'Mã {{code}} bị trùng',
  recipients_list_or_changes: 'Gửi cả danh sách nơi nhận hoặc phần thêm, bớt — không gửi cả hai',
  amend_reason_required: 'Cần ghi lý do điều chỉnh',
});
