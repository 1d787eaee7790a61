import { Alert, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useDueReports } from '../api/reports.ts';
import { reportLink } from '../pages/reports-page.tsx';
import { ReportStatusTag, TimelinessTag, usePeriodLabel } from './plan-labels.tsx';

/** On the home page: the next reports the user's units owe, soonest first. */
export function DueReportsCard() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const due = useDueReports('open');
  const rows = [...(due.data ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).slice(0, 6);
  return (
    <Card
      title={t('reports.homeTitle')}
      extra={
        (due.data?.length ?? 0) > 0 && (
          <Link to="/reports">
            {t('reports.homeAll')} ({due.data?.length})
          </Link>
        )
      }
    >
      {due.error && <Alert type="error" showIcon title={errorMessage(due.error)} />}
      <List
        loading={due.isPending}
        dataSource={rows}
        locale={{ emptyText: <EmptyState text={t('reports.homeEmpty')} /> }}
        renderItem={(r) => (
          <List.Item
            extra={
              <Space orientation="vertical" size={2} align="end">
                <Typography.Text>{t('reports.homeDue', { date: formatDate(r.dueOn) })}</Typography.Text>
                <Space size={2}>
                  <ReportStatusTag status={r.status} />
                  <TimelinessTag value={r.timeliness} />
                </Space>
              </Space>
            }
          >
            <List.Item.Meta
              title={<Link to={reportLink(r)}>{`${r.planNumber} — ${r.orgName}`}</Link>}
              description={`${periodLabel(r.periodKey)} · ${r.planTitle}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
