import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { periodType, planKind } from '@contracts/plans.ts';
import { Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import type { Values } from './plan-form-values.ts';

export function LegalBasesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="legalBases">
      {(fields, { add, remove }) => (
        <Form.Item label={t('plans.fields.legalBases')}>
          {fields.map((field, n) => (
            <Space.Compact key={field.key} style={{ width: '100%', marginBottom: 8 }}>
              <Form.Item name={field.name} noStyle>
                <Input
                  maxLength={300}
                  aria-label={`${t('plans.fields.legalBases')} ${n + 1}`}
                  placeholder={t('plans.fields.legalBasisPlaceholder')}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`${t('common.remove')} ${t('plans.fields.legalBases')} ${n + 1}`}
                onClick={() => remove(field.name)}
              />
            </Space.Compact>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>
            {t('plans.fields.addLegalBasis')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

export function HeaderFields({
  issuers,
  isEdit,
}: {
  issuers: { value: number; label: string }[];
  isEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('plans.form.header')}>
      <Form.Item name="implementsPlanId" hidden>
        <NumberField />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          {/* A draft keeps its issuer: the server refuses another one. */}
          <Form.Item name="issuerOrgId" label={t('plans.fields.issuer')} required>
            <Select options={issuers} showSearch={{ optionFilterProp: 'label' }} disabled={isEdit} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('plans.fields.kind')} required>
            <Select options={planKind.options.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="number"
            label={t('plans.fields.number')}
            tooltip={t('plans.fields.numberHint')}
            required
          >
            <Input autoFocus maxLength={60} placeholder="45/HD-LĐLĐ" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('plans.fields.title')} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="issuedOn" label={t('plans.fields.issuedOn')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodStart" label={t('plans.fields.periodStart')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodEnd" label={t('plans.fields.periodEnd')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <LegalBasesField />
      <Form.Item name="objectives" label={t('plans.fields.objectives')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </Card>
  );
}

export function ReportingFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const type = Form.useWatch('reportPeriodType', form);
  return (
    <Card title={t('plans.form.reporting')}>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="reportPeriodType" label={t('plans.fields.reportPeriodType')} required>
            <Select
              options={periodType.options.map((p) => ({ value: p, label: t(`plans.periodTypes.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          {type === 'once' ? (
            <Form.Item name="reportDueOn" label={t('plans.fields.reportDueOn')} required>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item
              name="reportDueDays"
              label={t('plans.fields.reportDueDays')}
              extra={t('plans.form.dueDaysHint')}
            >
              <NumberField min={0} max={365} isInteger />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            name="reportLockDays"
            label={t('plans.fields.reportLockDays')}
            extra={t('plans.fields.reportLockHint')}
          >
            <NumberField min={0} max={365} isInteger />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
