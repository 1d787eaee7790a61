import type { PlanView } from '@contracts/plans.ts';
import { Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgListField } from './org-list-field.tsx';
import type { Values } from './plan-form-values.ts';
import { RecipientsTable } from './recipients-table.tsx';

/**
 * A draft's recipients: the current ones a page at a time, each removable, and the units to add. The form
 * never holds the whole list (a national plan reaches thousands of units); it sends what changes.
 */
export function DraftRecipientsFields({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { reporters, copies } = plan.recipientCounts;
  return (
    <Card title={t('plans.form.recipients')}>
      <Typography.Paragraph type="secondary">
        {t('plans.fields.recipientsSummary', { reporters, copies })}
      </Typography.Paragraph>
      <Form.Item name="removeRecipientOrgIds" noStyle>
        <RecipientsTable plan={plan} removable />
      </Form.Item>
      <Form.Item
        name="addReporterOrgIds"
        label={t('plans.fields.addReporters')}
        extra={`${t('plans.fields.reportersHint')} ${t('plans.fields.existingSkipped')}`}
        style={{ marginTop: 16 }}
      >
        <OrgListField
          childrenOf={plan.issuerOrgId}
          aria-label={t('plans.fields.addReporters')}
          placeholder={t('plans.fields.addReporter')}
        />
      </Form.Item>
      <Form.Item
        name="addCopyOrgIds"
        label={t('plans.fields.addCopies')}
        extra={t('plans.fields.copiesHint')}
      >
        <OrgListField aria-label={t('plans.fields.addCopies')} placeholder={t('plans.fields.addCopy')} />
      </Form.Item>
    </Card>
  );
}

export function RecipientsFields({ plan }: { plan?: PlanView }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const issuer = Form.useWatch('issuerOrgId', form);
  if (plan) return <DraftRecipientsFields plan={plan} />;
  return (
    <Card title={t('plans.form.recipients')}>
      <Form.Item
        name="reporterOrgIds"
        label={t('plans.fields.reporters')}
        extra={t('plans.fields.reportersHint')}
      >
        <OrgListField
          childrenOf={issuer}
          aria-label={t('plans.fields.reporters')}
          placeholder={t('plans.fields.addReporter')}
        />
      </Form.Item>
      <Form.Item name="copyOrgIds" label={t('plans.fields.copies')} extra={t('plans.fields.copiesHint')}>
        <OrgListField aria-label={t('plans.fields.copies')} placeholder={t('plans.fields.addCopy')} />
      </Form.Item>
    </Card>
  );
}
