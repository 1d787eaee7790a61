import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { indicatorKind } from '@contracts/plans.ts';
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';

export type IndicatorValues = {
  code?: string;
  name?: string;
  unit?: string;
  kind?: (typeof indicatorKind.options)[number];
  goalPercent?: number | null;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
  breakdown?: { label?: string; categories?: { code?: string; label?: string }[] } | null;
  /** An indicator source (values from records): kept as the plan has it, not edited here. */
  source?: string | null;
};

export const newIndicator: IndicatorValues = { kind: 'count', unit: '', goalPercent: 100 };

type Path = (string | number)[];

/** `index` names the field inside the surrounding Form.List; watching and setting take the full path. */
function BreakdownFields({ path, index }: { path: Path; index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // preserve: the breakdown object itself has no field, so a plain watch would never see it set.
  const breakdown = Form.useWatch([...path, 'breakdown'], { form, preserve: true });
  if (!breakdown) {
    return (
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() =>
          form.setFieldValue([...path, 'breakdown'], {
            label: '',
            categories: [
              { code: '', label: '' },
              { code: '', label: '' },
            ],
          })
        }
      >
        {t('plans.indicator.addBreakdown')}
      </Button>
    );
  }
  return (
    <Card size="small" type="inner" title={t('plans.indicator.breakdown')}>
      <Row gutter={8}>
        <Col xs={24} sm={10}>
          <Form.Item name={[index, 'breakdown', 'label']} label={t('plans.indicator.breakdownLabel')}>
            <Input maxLength={60} placeholder={t('plans.indicator.breakdownLabelPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name={[index, 'breakdown', 'categories']}>
        {(fields, { add, remove }) => (
          <>
            <Row gutter={8} aria-hidden>
              <Col span={7}>
                <Typography.Text type="secondary">{t('plans.indicator.categoryCode')}</Typography.Text>
              </Col>
              <Col span={14}>
                <Typography.Text type="secondary">{t('plans.indicator.categoryLabel')}</Typography.Text>
              </Col>
            </Row>
            {fields.map((field, n) => (
              <Row key={field.key} gutter={8}>
                <Col span={7}>
                  <Form.Item name={[field.name, 'code']} style={{ marginBottom: 8 }}>
                    <Input
                      placeholder={t('plans.indicator.categoryCode')}
                      aria-label={`${t('plans.indicator.categoryCode')} ${n + 1}`}
                      maxLength={20}
                    />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name={[field.name, 'label']} style={{ marginBottom: 8 }}>
                    <Input
                      placeholder={t('plans.indicator.categoryLabel')}
                      aria-label={`${t('plans.indicator.categoryLabel')} ${n + 1}`}
                      maxLength={60}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('common.remove')} ${t('plans.indicator.category')} ${n + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Space>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ code: '', label: '' })}>
                {t('plans.indicator.addCategory')}
              </Button>
              <Button size="small" danger onClick={() => form.setFieldValue([...path, 'breakdown'], null)}>
                {t('plans.indicator.removeBreakdown')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** One indicator's fields; which ones show depends on how it is counted. */
function IndicatorFields({ listName, index }: { listName: string; index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch([listName, index, 'kind'], form) as IndicatorValues['kind'];
  const isQuota = kind === 'count' || kind === 'sum';
  return (
    <>
      <Form.Item name={[index, 'source']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={6} md={4}>
          <Form.Item name={[index, 'code']} label={t('plans.indicator.code')} required>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={18} md={12}>
          <Form.Item name={[index, 'name']} label={t('plans.indicator.name')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name={[index, 'unit']} label={t('plans.indicator.unit')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[index, 'kind']} label={t('plans.indicator.kind')} required>
            <Select
              options={indicatorKind.options.map((k) => ({
                value: k,
                label: t(`plans.indicatorKinds.${k}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {isQuota && (
          <Col xs={24} sm={8}>
            <Form.Item
              name={[index, 'goalPercent']}
              label={t('plans.indicator.goalPercent')}
              tooltip={t('plans.indicator.goalHint')}
            >
              <NumberField min={1} max={1000} />
            </Form.Item>
          </Col>
        )}
        {kind === 'ratio' && (
          <>
            <Col xs={24} sm={8}>
              <Form.Item name={[index, 'numeratorLabel']} label={t('plans.indicator.numeratorLabel')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={[index, 'denominatorLabel']} label={t('plans.indicator.denominatorLabel')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind !== 'yes_no' && (
          <>
            <Col xs={12} sm={4}>
              <Form.Item name={[index, 'minValue']} label={t('plans.indicator.minValue')}>
                <NumberField min={0} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={4}>
              <Form.Item name={[index, 'maxValue']} label={t('plans.indicator.maxValue')}>
                <NumberField min={0} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {kind !== 'yes_no' && <BreakdownFields path={[listName, index]} index={index} />}
    </>
  );
}

/** The indicators of a plan (or those an amendment adds): a list of cards, in reporting order. */
export function IndicatorsEditor({ listName = 'indicators' }: { listName?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={listName}>
      {(fields, { add, remove, move }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && listName === 'indicators' && (
            <EmptyState text={t('plans.indicator.empty')} />
          )}
          {fields.map((field, n) => (
            <Card
              key={field.key}
              size="small"
              role="group"
              aria-label={t('plans.indicator.title', { n: n + 1 })}
              title={<Typography.Text strong>{t('plans.indicator.title', { n: n + 1 })}</Typography.Text>}
              extra={
                <Space size={4}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('plans.indicator.moveUp')}
                    disabled={n === 0}
                    onClick={() => move(n, n - 1)}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('plans.indicator.moveDown')}
                    disabled={n === fields.length - 1}
                    onClick={() => move(n, n + 1)}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('plans.indicator.remove')} ${n + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              }
            >
              <IndicatorFields listName={listName} index={field.name} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...newIndicator })}>
            {t('plans.indicator.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
