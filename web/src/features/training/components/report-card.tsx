import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (
    <Card
      className="print-area"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" className="no-print" style={{ marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
        {children}
      </Space>
      {dialogs}
    </Card>
  );
}
