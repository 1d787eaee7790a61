import { Card, Skeleton } from 'antd';

/** A detail page while its record loads: the card it will fill, with a skeleton in it. */
export function PageLoading() {
  return (
    <Card>
      <Skeleton active />
    </Card>
  );
}
