import type { PlanView } from '@contracts/plans.ts';
import { Alert, Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageBreadcrumb } from '../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../app/components/page-loading.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { usePlan } from '../api/plans.ts';
import { ActivitiesTab } from '../components/activities-tab.tsx';
import { AttachmentsTab } from '../components/attachments-tab.tsx';
import { DashboardTab } from '../components/dashboard-tab.tsx';
import { PlanActions } from '../components/plan-actions.tsx';
import { PlanInfoTab } from '../components/plan-info-tab.tsx';
import { PlanStatusTag } from '../components/plan-labels.tsx';
import { ReportsTab } from '../components/reports-tab.tsx';
import { RevisionsTab } from '../components/revisions-tab.tsx';
import { TargetsTab } from '../components/targets-tab.tsx';
import { parsePlanId } from './plan-form-page.tsx';

const tabKeys = [
  'info',
  'targets',
  'activities',
  'reports',
  'dashboard',
  'revisions',
  'attachments',
] as const;
type TabKey = (typeof tabKeys)[number];

function PlanHeader({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
      <Space orientation="vertical" size={4} style={{ maxWidth: 900 }}>
        <PageBreadcrumb items={[{ key: 'plan', title: plan.number }]} />
        <Typography.Text type="secondary">
          {plan.issuerName} · {t(`plans.kinds.${plan.kind}`)} {plan.number} · {formatDate(plan.issuedOn)}
        </Typography.Text>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {plan.title}
        </Typography.Title>
        <Space wrap>
          <PlanStatusTag status={plan.status} />
          <Typography.Text type="secondary">
            {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
          </Typography.Text>
        </Space>
      </Space>
      <PlanActions plan={plan} />
    </Space>
  );
}

/** /plans/:id — the plan with its tabs; the open tab is in the URL (?tab=) so it can be linked. */
export function PlanDetailPage() {
  const { t } = useTranslation();
  const id = parsePlanId(useParams().id);
  const plan = usePlan(id);
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = tabKeys.includes(raw as TabKey) ? (raw as TabKey) : 'info';
  if (plan.isPending) return <PageLoading />;
  if (plan.error) return <Alert type="error" showIcon title={errorMessage(plan.error)} />;
  const p = plan.data;
  const panes: Record<TabKey, () => React.ReactNode> = {
    info: () => <PlanInfoTab plan={p} />,
    targets: () => <TargetsTab plan={p} />,
    activities: () => <ActivitiesTab plan={p} />,
    reports: () => <ReportsTab plan={p} />,
    dashboard: () => <DashboardTab plan={p} />,
    revisions: () => <RevisionsTab plan={p} />,
    attachments: () => <AttachmentsTab plan={p} />,
  };
  const visible = tabKeys.filter(
    (k) => p.status !== 'draft' || !['reports', 'dashboard', 'revisions'].includes(k),
  );
  const active = visible.includes(tab) ? tab : 'info';
  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PlanHeader plan={p} />
        <Tabs
          activeKey={active}
          onChange={(k) => setParams(k === 'info' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={visible.map((k) => ({
            key: k,
            label:
              k === 'revisions' && p.revisions.length > 0
                ? `${t(`plans.tabs.${k}`)} (${p.revisions.length})`
                : t(`plans.tabs.${k}`),
            children: k === active ? panes[k]() : null,
          }))}
        />
      </Space>
    </Card>
  );
}
