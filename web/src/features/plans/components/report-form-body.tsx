import { DownloadOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { type PlanView, saveReportBody } from '@contracts/plans.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { AppForm } from '../../../app/components/app-form.tsx';
import { todayIso } from '../../../app/dates.ts';
import { errorMessage, type FieldIssue, serverFieldIssues } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showFieldIssues } from '../../../app/forms.ts';
import { type ReportForm, reportFiles, reportKeys, useSaveReport } from '../api/reports.ts';
import { periodLabel } from './plan-labels.tsx';
import { bodyOf, formIssues, initialValues, type Values } from './report-form-values.ts';
import { ReportIndicatorInput } from './report-indicator-input.tsx';
import { ReportStateBanner } from './report-state-banner.tsx';
import { ReportUploadModal } from './report-upload-modal.tsx';

/** A server issue on a whole breakdown goes on its first part, the field the form has for it. */
const onFormField = (issue: FieldIssue): FieldIssue =>
  issue.path.at(-1) === 'breakdown' ? { ...issue, path: [...issue.path, 0, 'value'] } : issue;

/** One unit's report for one period: the indicator values, save a draft, submit, the Excel template and upload. */
export function ReportFormBody({ plan, report }: { plan: PlanView; report: ReportForm }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useSaveReport(plan.id);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const locked =
    !!report.locksOn &&
    todayIso() > report.locksOn &&
    report.status !== 'submitted' &&
    report.status !== 'accepted';
  const readOnly =
    plan.status !== 'issued' || report.status === 'submitted' || report.status === 'accepted' || locked;
  const besideOf = (indicatorId: number) => {
    const b = report.beside.find((x) => x.indicatorId === indicatorId);
    const previousPeriod = report.previousPeriodKey ? periodLabel(t, report.previousPeriodKey) : null;
    return b && { target: b.target, previous: b.previous, previousPeriod };
  };
  const fromRecordsOf = (indicatorId: number) => {
    if (!report.prefilled.includes(indicatorId)) return undefined;
    const v = report.values.find((x) => x.indicatorId === indicatorId);
    return v && v.value !== null ? { value: v.value, denominator: v.denominator ?? null } : undefined;
  };
  const onOrphans = (issues: FieldIssue[]) => setProblems(issues.map((i) => i.message));
  const reload = () =>
    queryClient.invalidateQueries({ queryKey: reportKeys.form(plan.id, report.orgId, report.periodKey) });

  /** Marks every field the form can already tell is wrong and scrolls to the first; the body when none is. */
  const checked = (submit: boolean) => {
    setProblems([]);
    const values = form.getFieldsValue(true) as Values;
    const { issues, refused } = formIssues(plan, values, submit, {
      required: t('plans.reportForm.required'),
      needBoth: t('plans.reportForm.needBoth'),
      numeratorOver: t('plans.reportForm.numeratorOver'),
      mismatch: t('plans.reportForm.breakdownMismatchShort'),
    });
    if (issues.length > 0) showFieldIssues(form, issues);
    const first = refused[0] ?? issues[0]?.path;
    if (first) {
      form.scrollToField(first, { block: 'center', focus: true });
      return null;
    }
    const parsed = parseWith(form, saveReportBody, bodyOf(plan, report, values, submit), onOrphans);
    if (!parsed) form.scrollToField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
    return parsed;
  };

  const send = (submit: boolean) => {
    const parsed = checked(submit);
    if (!parsed) return;
    save.mutate(parsed, {
      onSuccess: () =>
        message.success(submit ? t('plans.reportForm.submitted') : t('plans.reportForm.savedDraft')),
      onError: (error) => {
        if (isApiError(error) && error.code === 'plans.report_version_conflict') {
          setConflict(true);
          return;
        }
        const issues = serverFieldIssues(error).map(onFormField);
        if (issues.length === 0) {
          setProblems([errorMessage(error)]);
          return;
        }
        setProblems(showFieldIssues(form, issues).map((i) => i.message));
        const first = issues.find((i) => i.path.length > 1);
        if (first) form.scrollToField(first.path, { block: 'center' });
      },
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReportStateBanner report={report} locked={locked} />
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
      <AppForm<Values>
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
            <ReportIndicatorInput
              key={ind.id}
              indicator={ind}
              index={n}
              disabled={readOnly}
              beside={besideOf(ind.id)}
              fromRecords={fromRecordsOf(ind.id)}
            />
          ))}
        </Space>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={t('plans.reportForm.problems')}
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
              {/* Validation first, then the "cannot edit after submitting" question. */}
              <Popconfirm
                open={confirming}
                onOpenChange={(open) => {
                  if (!open) setConfirming(false);
                  else if (checked(true)) setConfirming(true);
                }}
                title={t('plans.reportForm.submit')}
                description={<div style={{ maxWidth: 360 }}>{t('plans.reportForm.submitConfirm')}</div>}
                okText={t('plans.reportForm.submit')}
                cancelText={t('common.cancel')}
                onConfirm={() => {
                  setConfirming(false);
                  send(true);
                }}
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
      </AppForm>
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
