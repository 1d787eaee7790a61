import { DownloadOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { type PlanView, saveReportBody } from '@contracts/plans.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Form,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api-client.ts';
import { formatDate, formatDateTime, todayIso } from '../../../app/dates.ts';
import { errorMessage, type FieldIssue, serverFieldIssues } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showFieldIssues } from '../../../app/forms.ts';
import { usePlan } from '../api/plans.ts';
import { type ReportForm, reportFiles, reportKeys, useReportForm, useSaveReport } from '../api/reports.ts';
import { defaultPeriod } from '../components/period-select.tsx';
import { periodLabel, ReportStatusTag, TimelinessTag, usePeriodLabel } from '../components/plan-labels.tsx';
import { RecipientSelect } from '../components/recipient-select.tsx';
import { ReportIndicatorInput, type ValueFields } from '../components/report-indicator-input.tsx';
import { ReportUploadModal } from '../components/report-upload-modal.tsx';
import { parsePlanId } from './plan-form-page.tsx';

type Values = { values: ValueFields[] };

function initialValues(plan: PlanView, report: ReportForm): Values {
  return {
    values: plan.indicators.map((ind) => {
      const v = report.values.find((x) => x.indicatorId === ind.id);
      return {
        value: v?.value ?? (ind.kind === 'yes_no' ? 0 : null),
        denominator: v?.denominator ?? null,
        breakdown: ind.breakdown?.categories.map((c) => ({
          value: v?.breakdown?.find((b) => b.category === c.code)?.value ?? null,
        })),
      };
    }),
  };
}

function bodyOf(plan: PlanView, report: ReportForm, values: Values, submit: boolean) {
  return {
    orgId: report.orgId,
    periodKey: report.periodKey,
    version: report.version,
    submit,
    values: plan.indicators.map((ind, n) => {
      const v = values.values?.[n] ?? {};
      const categories = ind.breakdown?.categories ?? [];
      const breakdown = categories
        .map((c, k) => ({ category: c.code, value: v.breakdown?.[k]?.value }))
        .filter((b): b is { category: string; value: number } => typeof b.value === 'number');
      return {
        indicatorId: ind.id,
        value: v.value ?? null,
        denominator: ind.kind === 'ratio' ? (v.denominator ?? null) : undefined,
        breakdown: breakdown.length > 0 ? breakdown : undefined,
      };
    }),
  };
}

/** The banner above the form: returned with a comment, submitted, locked, late or simply the due date. */
function StateBanner({ report, locked }: { report: ReportForm; locked: boolean }) {
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

function ReportFormBody({ plan, report }: { plan: PlanView; report: ReportForm }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useSaveReport(plan.id);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [uploading, setUploading] = useState(false);
  const locked =
    !!report.locksOn &&
    todayIso() > report.locksOn &&
    report.status !== 'submitted' &&
    report.status !== 'accepted';
  const readOnly =
    plan.status !== 'issued' || report.status === 'submitted' || report.status === 'accepted' || locked;
  const onOrphans = (issues: FieldIssue[]) => setProblems(issues.map((i) => i.message));
  const reload = () =>
    queryClient.invalidateQueries({ queryKey: reportKeys.form(plan.id, report.orgId, report.periodKey) });

  const send = (submit: boolean) => {
    setProblems([]);
    const parsed = parseWith(
      form,
      saveReportBody,
      bodyOf(plan, report, form.getFieldsValue(true) as Values, submit),
      onOrphans,
    );
    if (!parsed) return;
    save.mutate(parsed, {
      onSuccess: () =>
        message.success(submit ? t('plans.reportForm.submitted') : t('plans.reportForm.savedDraft')),
      onError: (error) => {
        if (isApiError(error) && error.code === 'plans.report_version_conflict') {
          setConflict(true);
          return;
        }
        const issues = serverFieldIssues(error);
        if (issues.length === 0) {
          setProblems([errorMessage(error)]);
          return;
        }
        setProblems(showFieldIssues(form, issues).map((i) => i.message));
      },
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <StateBanner report={report} locked={locked} />
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={t('plans.reportForm.conflictTitle')}
          description={t('plans.reportForm.conflictText')}
          action={
            <Button danger onClick={reload}>
              {t('plans.reportForm.reload')}
            </Button>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(plan, report)}
        onFinish={() => send(false)}
        onValuesChange={clearErrorsOnChange(form)}
        disabled={readOnly}
        scrollToFirstError
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {plan.indicators.map((ind, n) => (
            <ReportIndicatorInput key={ind.id} indicator={ind} index={n} disabled={readOnly} />
          ))}
        </Space>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={t('plans.reportForm.missingValues')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space wrap style={{ marginTop: 16 }} className="no-print">
          {!readOnly && (
            <>
              <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                {t('plans.reportForm.saveDraft')}
              </Button>
              <Popconfirm
                title={t('plans.reportForm.submit')}
                description={<div style={{ maxWidth: 360 }}>{t('plans.reportForm.submitConfirm')}</div>}
                okText={t('plans.reportForm.submit')}
                cancelText={t('common.cancel')}
                onConfirm={() => send(true)}
              >
                <Button type="primary" icon={<SendOutlined />} loading={save.isPending}>
                  {t('plans.reportForm.submit')}
                </Button>
              </Popconfirm>
            </>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={reportFiles.template(plan.id, report.orgId, report.periodKey)}
            download
            disabled={false}
          >
            {t('plans.reportForm.template')}
          </Button>
          {!readOnly && (
            <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
              {t('plans.reportForm.uploadXlsx')}
            </Button>
          )}
        </Space>
      </Form>
      {uploading && (
        <ReportUploadModal
          planId={plan.id}
          orgId={report.orgId}
          periodKey={report.periodKey}
          onClose={() => setUploading(false)}
          onDone={() => void reload()}
        />
      )}
    </Space>
  );
}

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
  if (plan.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
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
