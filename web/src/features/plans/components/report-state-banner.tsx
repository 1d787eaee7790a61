import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, todayIso } from '../../../app/dates.ts';
import type { ReportForm } from '../api/reports.ts';

/** The banner above the form: returned with a comment, submitted, locked, late or simply the due date. */
export function ReportStateBanner({ report, locked }: { report: ReportForm; locked: boolean }) {
  const { t } = useTranslation();
  const due = formatDate(report.dueOn);
  if (report.status === 'accepted')
    return <Alert type="success" showIcon title={t('plans.reportForm.acceptedBanner')} />;
  if (report.status === 'submitted')
    return (
      <Alert
        type="info"
        showIcon
        title={t('plans.reportForm.submittedBanner', { at: formatDateTime(report.submittedAt) })}
      />
    );
  if (locked)
    return (
      <Alert
        type="error"
        showIcon
        title={t('plans.reportForm.lockedBanner', { date: formatDate(report.locksOn) })}
      />
    );
  const late = todayIso() > report.dueOn;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {report.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={t('plans.reportForm.returnedBanner')}
          description={report.reviewComment}
        />
      )}
      <Alert
        type={late ? 'warning' : 'info'}
        showIcon
        title={
          late
            ? t('plans.reportForm.lateBanner', { date: due })
            : t('plans.reportForm.dueBanner', { date: due })
        }
        description={
          report.locksOn ? t('plans.reportForm.lockWarning', { date: formatDate(report.locksOn) }) : undefined
        }
      />
    </Space>
  );
}
