import { Empty } from 'antd';

/** Placeholder until its sub-feature lands (see ../../index.tsx). */
export function MyDonationsPage() {
  return <Empty />;
}
