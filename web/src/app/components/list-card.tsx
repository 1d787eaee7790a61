import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../dates.ts';

/**
 * A list page's printable card: the title with a print button and the page's other actions (not printed), an
 * optional intro shown on screen only, and on paper a title with today's date above the content.
 */
export function ListCard({
  title,
  printTitle = title,
  intro,
  leadingActions,
  actions,
  children,
}: {
  title: ReactNode;
  /** The heading on paper; the title by default. */
  printTitle?: ReactNode;
  intro?: ReactNode;
  /** Put before the print button. */
  leadingActions?: ReactNode;
  /** Put after the print button. */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const alone = leadingActions === undefined && actions === undefined;
  const print = <PrintButton className={alone ? 'no-print' : undefined} />;
  return (
    <PrintableCard
      title={title}
      extra={
        alone ? (
          print
        ) : (
          <Space className="no-print">
            {leadingActions}
            {print}
            {actions}
          </Space>
        )
      }
    >
      {intro !== undefined && (
        <Typography.Paragraph type="secondary" className="no-print">
          {intro}
        </Typography.Paragraph>
      )}
      <div className="print-only">
        <Typography.Title level={4}>{printTitle}</Typography.Title>
        <Typography.Text type="secondary">
          {t('common.printedOn', { date: formatDate(todayIso()) })}
        </Typography.Text>
      </div>
      {children}
    </PrintableCard>
  );
}

/** The button that prints the page (what `.print-area` holds). */
export function PrintButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Button className={className} icon={<PrinterOutlined />} onClick={() => window.print()}>
      {t('common.print')}
    </Button>
  );
}

/** The card a printed page is made of: its title as a heading, the actions beside it, the content. */
export function PrintableCard({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      className="print-area"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
