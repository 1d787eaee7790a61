import { reportValueRules } from '@contracts/plans.ts';
import { Card, Col, Form, Radio, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../app/components/number-field.tsx';
import { useFormatNumber, useFormatPercent } from '../../../app/numbers.ts';
import type { Indicator } from '../api/plans.ts';

export type ValueFields = {
  value?: number | null;
  denominator?: number | null;
  breakdown?: { value?: number | null }[];
};

/** Yes or no, unanswered until the person picks one (a blank is not "no"). */
function YesNo({
  value,
  onChange,
  disabled,
  name,
}: {
  value?: number | null;
  onChange?: (v: number) => void;
  disabled?: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      aria-label={name}
      value={value ?? null}
      disabled={disabled}
      onChange={(e) => onChange?.(e.target.value as number)}
      options={[
        { value: 1, label: t('plans.reportForm.yes') },
        { value: 0, label: t('plans.reportForm.no') },
      ]}
    />
  );
}

export type Beside = { target: number | null; previous: number | null; previousPeriod: string | null };

/** What the unit's own records say for an indicator fed by a source, when the form opened with it. */
export type FromRecords = { value: number; denominator: number | null };

function Hints({
  indicator: i,
  fields,
  beside,
  fromRecords,
}: {
  indicator: Indicator;
  fields: ValueFields | undefined;
  beside?: Beside;
  fromRecords?: FromRecords | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const pct = useFormatPercent();
  const hints: { text: string; type?: 'danger' | 'success' | 'secondary' | 'warning' }[] = [];
  if (fromRecords) {
    const same =
      fields?.value === fromRecords.value &&
      (i.kind !== 'ratio' || (fields?.denominator ?? null) === fromRecords.denominator);
    hints.push(
      same
        ? { text: t('plans.reportForm.fromRecords'), type: 'success' }
        : {
            text: t('plans.reportForm.changedFromRecords', {
              value:
                i.kind === 'ratio' && fromRecords.denominator !== null
                  ? `${fmt(fromRecords.value)}/${fmt(fromRecords.denominator)}`
                  : fmt(fromRecords.value),
            }),
            type: 'warning',
          },
    );
  }
  if (i.kind === 'ratio' && fields?.value != null && fields.denominator && !Number.isNaN(fields.value)) {
    hints.push({
      text: t('plans.reportForm.ratio', {
        percent: pct((fields.value / fields.denominator) * 100),
      }),
    });
  }
  if (i.breakdown && fields?.breakdown) {
    const parts = fields.breakdown
      .map((b) => b?.value)
      .filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    if (parts.length > 0) {
      const sum = parts.reduce((a, b) => a + b, 0);
      if (fields.value == null || Number.isNaN(fields.value))
        hints.push({ text: t('plans.reportForm.breakdownSum', { sum: fmt(sum) }) });
      else if (sum !== fields.value)
        hints.push({
          text: t('plans.reportForm.breakdownMismatch', { sum: fmt(sum), value: fmt(fields.value) }),
          type: 'danger',
        });
      else hints.push({ text: t('plans.reportForm.breakdownOk'), type: 'success' });
    }
  }
  const isPercent = i.kind === 'ratio' || i.kind === 'yes_no';
  if (beside?.target != null)
    hints.push({
      text: t('plans.reportForm.target', {
        value: isPercent ? pct(beside.target) : `${fmt(beside.target)} ${i.unit ?? ''}`.trim(),
      }),
      type: 'secondary',
    });
  if (beside?.previous != null && beside.previousPeriod)
    hints.push({
      text: t('plans.reportForm.previous', {
        period: beside.previousPeriod,
        value:
          i.kind === 'yes_no'
            ? t(beside.previous === 1 ? 'plans.reportForm.yes' : 'plans.reportForm.no')
            : `${fmt(beside.previous)} ${i.unit ?? ''}`.trim(),
      }),
      type: 'secondary',
    });
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
  beside,
  fromRecords,
}: {
  indicator: Indicator;
  index: number;
  disabled: boolean;
  beside?: Beside;
  fromRecords?: FromRecords | undefined;
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
                <NumberField {...reportValueRules(i, 'value')} disabled={disabled} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name={['values', index, 'denominator']}
                label={i.denominatorLabel ?? t('plans.reportForm.denominator')}
                style={{ marginBottom: 8 }}
              >
                <NumberField {...reportValueRules(i, 'denominator')} disabled={disabled} />
              </Form.Item>
            </Col>
          </>
        )}
        {(i.kind === 'count' || i.kind === 'sum') && (
          <Col xs={24} md={8}>
            <Form.Item name={['values', index, 'value']} label={label} style={{ marginBottom: 8 }}>
              <NumberField aria-label={i.name} {...reportValueRules(i, 'value')} disabled={disabled} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8} style={{ paddingBottom: 12 }}>
          <Hints indicator={i} fields={fields} beside={beside} fromRecords={fromRecords} />
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
                <NumberField {...reportValueRules(i, 'category')} disabled={disabled} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
