import { Badge } from 'antd';
import { useReviewQueue } from '../api/reports.ts';

/** Beside the menu's "Báo cáo chờ duyệt": how many reports wait for the caller's review. */
export function ReviewQueueBadge() {
  const queue = useReviewQueue({ page: 1, pageSize: 1 });
  const total = queue.data?.total ?? 0;
  return total > 0 ? <Badge count={total} size="small" data-testid="review-queue-badge" /> : null;
}
