import { Card, Col, Form, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../api/plans.ts';
import { formatNumber } from './plan-labels.tsx';

export type ValueFields = {
  value?: number | null;
  denominator?: number | null;
  breakdown?: { value?: number | null }[];
};

function YesNo({
  id,
  value,
  onChange,
  disabled,
  name,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number) => void;
  disabled?: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Switch
        id={id}
        checked={value === 1}
        disabled={disabled}
        aria-label={name}
        onChange={(on) => onChange?.(on ? 1 : 0)}
      />
      <Typography.Text>{value === 1 ? t('plans.reportForm.yes') : t('plans.reportForm.no')}</Typography.Text>
    </Space>
  );
}

function Hints({ indicator: i, fields }: { indicator: Indicator; fields: ValueFields | undefined }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number | null | undefined) => formatNumber(n, i18n.language);
  const hints: { text: string; type?: 'danger' | 'success' | 'secondary' }[] = [];
  if (i.kind === 'ratio' && fields?.value != null && fields.denominator) {
    hints.push({
      text: t('plans.reportForm.ratio', {
        percent: fmt(Math.round((fields.value / fields.denominator) * 1000) / 10),
      }),
    });
  }
  if (i.breakdown && fields?.breakdown) {
    const parts = fields.breakdown.map((b) => b?.value).filter((v): v is number => typeof v === 'number');
    if (parts.length > 0) {
      const sum = parts.reduce((a, b) => a + b, 0);
      if (fields.value == null) hints.push({ text: t('plans.reportForm.breakdownSum', { sum: fmt(sum) }) });
      else if (sum !== fields.value)
        hints.push({
          text: t('plans.reportForm.breakdownMismatch', { sum: fmt(sum), value: fmt(fields.value) }),
          type: 'danger',
        });
      else hints.push({ text: t('plans.reportForm.breakdownOk'), type: 'success' });
    }
  }
  if (i.minValue !== null || i.maxValue !== null)
    hints.push({
      text: t('plans.reportForm.range', {
        min: fmt(i.minValue ?? 0),
        max: i.maxValue === null ? '…' : fmt(i.maxValue),
      }),
      type: 'secondary',
    });
  if (hints.length === 0) return null;
  return (
    <Space orientation="vertical" size={0} aria-live="polite">
      {hints.map((h) => (
        <Typography.Text key={h.text} type={h.type} style={{ fontSize: 13 }}>
          {h.text}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** One indicator's inputs: a number, a numerator/denominator pair, a yes/no switch, and its breakdown. */
export function ReportIndicatorInput({
  indicator: i,
  index,
  disabled,
}: {
  indicator: Indicator;
  index: number;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const fields = Form.useWatch(['values', index], form) as ValueFields | undefined;
  const label = i.unit ? `${t('plans.review.value')} (${i.unit})` : t('plans.review.value');
  return (
    <Card
      size="small"
      title={
        <span>
          <Typography.Text type="secondary">{i.code}</Typography.Text> {i.name}
        </span>
      }
    >
      <Row gutter={12} align="bottom">
        {i.kind === 'yes_no' && (
          <Col xs={24}>
            <Form.Item
              name={['values', index, 'value']}
              label={t('plans.reportForm.answer')}
              style={{ marginBottom: 8 }}
            >
              <YesNo disabled={disabled} name={i.name} />
            </Form.Item>
          </Col>
        )}
        {i.kind === 'ratio' && (
          <>
            <Col xs={12} md={8}>
              <Form.Item
                name={['values', index, 'value']}
                label={i.numeratorLabel ?? t('plans.reportForm.numerator')}
                style={{ marginBottom: 8 }}
              >
                <InputNumber<number> min={0} disabled={disabled} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name={['values', index, 'denominator']}
                label={i.denominatorLabel ?? t('plans.reportForm.denominator')}
                style={{ marginBottom: 8 }}
              >
                <InputNumber<number> min={0} disabled={disabled} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {(i.kind === 'count' || i.kind === 'sum') && (
          <Col xs={24} md={8}>
            <Form.Item name={['values', index, 'value']} label={label} style={{ marginBottom: 8 }}>
              <InputNumber<number>
                aria-label={i.name}
                min={i.minValue ?? 0}
                max={i.maxValue ?? undefined}
                precision={i.kind === 'count' ? 0 : undefined}
                disabled={disabled}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8} style={{ paddingBottom: 12 }}>
          <Hints indicator={i} fields={fields} />
        </Col>
      </Row>
      {i.breakdown && (
        <Row gutter={12}>
          {i.breakdown.categories.map((c, k) => (
            <Col key={c.code} xs={12} md={6}>
              <Form.Item
                name={['values', index, 'breakdown', k, 'value']}
                label={`${i.breakdown?.label}: ${c.label}`}
                style={{ marginBottom: 8 }}
              >
                <InputNumber<number> min={0} disabled={disabled} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
