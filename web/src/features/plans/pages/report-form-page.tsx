import { Alert, Breadcrumb, Card, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoading } from '../../../app/components/page-loading.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { usePlan } from '../api/plans.ts';
import { useReportForm } from '../api/reports.ts';
import { defaultPeriod } from '../components/period-select.tsx';
import { periodLabel, ReportStatusTag, TimelinessTag, usePeriodLabel } from '../components/plan-labels.tsx';
import { RecipientSelect } from '../components/recipient-select.tsx';
import { ReportFormBody } from '../components/report-form-body.tsx';
import { parsePlanId } from './plan-form-page.tsx';

/** /plans/:id/report?orgId=&period= — one unit's report for one period: save a draft, submit. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const periodName = usePeriodLabel();
  const id = parsePlanId(useParams().id) ?? 0;
  const [params, setParams] = useSearchParams();
  const plan = usePlan(id);
  const orgId = Number(params.get('orgId')) || plan.data?.can.reportFor[0]?.orgId;
  const periodKey = params.get('period') ?? (plan.data ? defaultPeriod(plan.data) : undefined);
  const report = useReportForm(id, orgId, periodKey);
  if (plan.isPending) return <PageLoading />;
  if (plan.error) return <Alert type="error" showIcon title={errorMessage(plan.error)} />;
  const p = plan.data;
  // The unit the page was opened for (a link from the inbox or the reviewer) is offered even when it is
  // not among the first units the plan's detail names.
  const opened = report.data ? [{ orgId: report.data.orgId, orgName: report.data.orgName }] : [];
  const pick = (next: { orgId?: number; period?: string }) =>
    setParams(
      { orgId: String(next.orgId ?? orgId ?? ''), period: next.period ?? periodKey ?? '' },
      { replace: true },
    );
  const r = report.data;
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Breadcrumb
          className="no-print"
          items={[
            { key: 'list', title: <Link to="/reports">{t('reports.title')}</Link> },
            { key: 'plan', title: <Link to={`/plans/${p.id}`}>{p.number}</Link> },
            { key: 'form', title: t('plans.actions.report') },
          ]}
        />
        <div>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
            {r
              ? r.periodKey === 'once'
                ? t('plans.reportForm.titleOnce', { org: r.orgName })
                : t('plans.reportForm.title', { period: periodLabel(t, r.periodKey), org: r.orgName })
              : t('plans.actions.report')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('plans.reportForm.planLine', {
              kind: t(`plans.kinds.${p.kind}`).toLowerCase(),
              number: p.number,
            })}{' '}
            — {p.title}
          </Typography.Text>
        </div>
        <Space wrap className="no-print">
          <RecipientSelect
            planId={p.id}
            can="report"
            first={p.can.reportFor}
            total={p.can.reportForTotal}
            extra={opened}
            value={orgId}
            onChange={(v) => pick({ orgId: v })}
            aria-label={t('plans.reportForm.unit')}
            placeholder={t('plans.reportForm.unit')}
            style={{ minWidth: 320 }}
          />
          {p.periods.length > 1 && (
            <Select<string>
              value={periodKey}
              onChange={(v) => pick({ period: v })}
              aria-label={t('plans.reportForm.period')}
              style={{ minWidth: 220 }}
              options={p.periods.map((x) => ({
                value: x.key,
                label: `${periodName(x.key)} — ${formatDate(x.dueOn)}`,
              }))}
            />
          )}
          {r && <ReportStatusTag status={r.id === null ? 'none' : r.status} />}
          {r && <TimelinessTag value={r.timeliness} />}
        </Space>
        {p.status !== 'issued' && <Alert type="warning" showIcon title={t('plans.reportForm.notIssued')} />}
        {orgId === undefined && <Empty description={t('plans.reportForm.noReportFor')} />}
        {report.error && <Alert type="error" showIcon title={errorMessage(report.error)} />}
        {report.isLoading && <Skeleton active />}
        {r && <ReportFormBody key={`${r.orgId}:${r.periodKey}:${r.version}`} plan={p} report={r} />}
      </Space>
    </Card>
  );
}
