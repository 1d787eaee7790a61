import { type PlanView, reviewReportBody } from '@contracts/plans.ts';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { useReport, useReviewReport } from '../api/reports.ts';
import { periodLabel, ReportStatusTag, TimelinessTag } from './plan-labels.tsx';
import { ReportValues } from './report-values.tsx';

type Values = { comment?: string };

/** The issuer reads a submitted report and accepts it, or returns it with a reason the unit will see. */
export function ReviewModal({
  plan,
  reportId,
  onClose,
}: {
  plan: PlanView;
  reportId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReport(plan.id, reportId);
  const review = useReviewReport(plan.id);
  const [form] = Form.useForm<Values>();
  const r = report.data;
  const canReview = plan.can.manage && r && (r.status === 'submitted' || r.status === 'accepted');

  const decide = (decision: 'accept' | 'return') => {
    if (!r) return;
    const comment = form.getFieldValue('comment') as string | undefined;
    const parsed = parseWith(form, reviewReportBody, { version: r.version, decision, comment });
    if (!parsed) return;
    if (decision === 'return' && !parsed.comment) {
      form.setFields([{ name: 'comment', errors: [t('plans.review.commentRequired')] }]);
      form.focusField('comment');
      return;
    }
    review.mutate(
      { reportId: r.id, body: parsed },
      {
        onSuccess: () => {
          message.success(decision === 'accept' ? t('plans.review.accepted') : t('plans.review.returned'));
          onClose();
        },
        onError: (error) => {
          if (!showServerIssues(form, error)) message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={
        r
          ? t('plans.review.title', { org: r.orgName, period: periodLabel(t, r.periodKey) })
          : t('common.loading')
      }
      onCancel={onClose}
      footer={
        canReview ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button danger loading={review.isPending} onClick={() => decide('return')}>
              {t('plans.review.return')}
            </Button>
            {r.status === 'submitted' && (
              <Button type="primary" loading={review.isPending} onClick={() => decide('accept')}>
                {t('plans.review.accept')}
              </Button>
            )}
          </Space>
        ) : (
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        )
      }
    >
      {report.error && <Alert type="error" showIcon title={errorMessage(report.error)} />}
      {report.isPending && <Skeleton active />}
      {r && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('plans.columns.reportStatus')}>
              <ReportStatusTag status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.columns.timeliness')}>
              <TimelinessTag value={r.timeliness} />
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.columns.dueOn')}>{formatDate(r.dueOn)}</Descriptions.Item>
            <Descriptions.Item label={t('plans.columns.submittedAt')}>
              {formatDateTime(r.submittedAt) || '—'}
            </Descriptions.Item>
          </Descriptions>
          {r.status === 'returned' && r.reviewComment && (
            <Alert
              type="warning"
              showIcon
              title={t('plans.reportForm.returnedBanner')}
              description={r.reviewComment}
            />
          )}
          <ReportValues plan={plan} values={r.values} />
          {canReview && (
            <AppForm form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
              <Form.Item
                name="comment"
                label={t('plans.review.comment')}
                extra={t('plans.review.commentHint')}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </AppForm>
          )}
        </Space>
      )}
    </Modal>
  );
}
