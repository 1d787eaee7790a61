import { defineFieldIssues } from '../common.ts';

export const trainingIssues = defineFieldIssues('training', {
  expiry_before_effective: 'Ngày hết hiệu lực trước ngày có hiệu lực',
  end_time_before_start: 'Giờ kết thúc phải sau giờ bắt đầu',
  score_range: 'Điểm từ 0 đến 10',
  month_format: 'Tháng có dạng YYYY-MM',
});
