import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PrintableCard, PrintButton } from '../../../app/components/list-card.tsx';

/**
 * A training report's printable card (compliance, reach): the title with a print button, then the intro (on
 * screen only) and the report stacked below. Unlike `ListCard` it prints no heading of its own: each report
 * prints its own, naming the organisation and period.
 */
export function ReportCard({
  title,
  intro,
  dialogs,
  children,
}: {
  title: ReactNode;
  intro: ReactNode;
  /** The report's modals, kept outside the stacked content. */
  dialogs?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PrintableCard title={title} extra={<PrintButton className="no-print" />}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" className="no-print" style={{ marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
        {children}
      </Space>
      {dialogs}
    </PrintableCard>
  );
}
