import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActivityView, activityType, outputMetric } from '@contracts/plans.ts';
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { OrgField, OrgListField } from './org-list-field.tsx';

type ActivityType = (typeof activityType.options)[number];
type Metric = (typeof outputMetric.options)[number];

export type ActivityValues = {
  /** The stored activity's id while a draft is edited; absent for one added in the form. */
  id?: number;
  type?: ActivityType;
  title?: string;
  leadOrgId?: number | null;
  partnerOrgIds?: number[];
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  notes?: string | null;
  outputs?: { metric?: Metric; planned?: number | null }[];
};

export const newActivity: ActivityValues = { type: 'communication', partnerOrgIds: [], outputs: [] };

export function activityValuesOf(a: ActivityView): ActivityValues {
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    leadOrgId: a.leadOrgId,
    partnerOrgIds: a.partners.map((p) => p.orgId),
    startsOn: fromIsoDate(a.startsOn),
    endsOn: fromIsoDate(a.endsOn),
    notes: a.notes,
    outputs: a.outputs.map((o) => ({ metric: o.metric, planned: o.planned })),
  };
}

/** Form values → the API's activityInput shape (before zod parses it). */
export function activityBodyOf(v: ActivityValues): Record<string, unknown> {
  return {
    type: v.type,
    title: v.title,
    leadOrgId: v.leadOrgId ?? undefined,
    partnerOrgIds: v.partnerOrgIds ?? [],
    startsOn: toIsoDate(v.startsOn),
    endsOn: toIsoDate(v.endsOn),
    notes: v.notes ?? undefined,
    outputs: (v.outputs ?? []).map((o) => ({ metric: o.metric, planned: o.planned ?? undefined })),
  };
}

function OutputsFields({ prefix }: { prefix: (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[...prefix, 'outputs']}>
      {(fields, { add, remove }) => (
        <>
          <Typography.Text strong>{t('plans.activity.outputs')}</Typography.Text>
          {fields.map((field, n) => (
            <Row key={field.key} gutter={8} style={{ marginTop: 8 }}>
              <Col span={13}>
                <Form.Item name={[field.name, 'metric']} style={{ marginBottom: 0 }}>
                  <Select
                    aria-label={`${t('plans.activity.metric')} ${n + 1}`}
                    placeholder={t('plans.activity.metric')}
                    options={outputMetric.options.map((m) => ({
                      value: m,
                      label: t(`plans.activity.metrics.${m}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'planned']} style={{ marginBottom: 0 }}>
                  <NumberField
                    min={0}
                    style={{ width: '100%' }}
                    placeholder={t('plans.activity.planned')}
                    aria-label={`${t('plans.activity.planned')} ${n + 1}`}
                  />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`${t('common.remove')} ${t('plans.activity.outputs')} ${n + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <div style={{ marginTop: 8 }}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('plans.activity.addOutput')}
            </Button>
          </div>
        </>
      )}
    </Form.List>
  );
}

/** An activity's fields; `prefix` places them inside a Form.List item, or at the form's top level. */
export function ActivityFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name={[...prefix, 'title']} label={t('plans.activity.title')} required>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...prefix, 'type']} label={t('plans.activity.type')} required>
            <Select
              options={activityType.options.map((a) => ({ value: a, label: t(`plans.activity.types.${a}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[...prefix, 'leadOrgId']} label={t('plans.activity.lead')}>
            <OrgField placeholder={t('plans.activity.leadPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[...prefix, 'startsOn']} label={t('plans.activity.startsOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[...prefix, 'endsOn']} label={t('plans.activity.endsOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...prefix, 'notes']} label={t('plans.activity.notes')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[...prefix, 'partnerOrgIds']} label={t('plans.activity.partners')}>
        <OrgListField
          aria-label={t('plans.activity.partners')}
          placeholder={t('plans.activity.partnersPlaceholder')}
        />
      </Form.Item>
      <OutputsFields prefix={prefix} />
    </>
  );
}

/** The activities of a plan being drafted, as a list of cards. */
export function ActivitiesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="activities">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, n) => (
            <Card
              key={field.key}
              size="small"
              role="group"
              aria-label={t('plans.activity.cardLabel', { n: n + 1 })}
              title={t('plans.activity.cardLabel', { n: n + 1 })}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('common.remove')} ${t('plans.activity.cardLabel', { n: n + 1 }).toLowerCase()}`}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <NumberField />
              </Form.Item>
              <ActivityFields prefix={[field.name]} />
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...newActivity })}>
            {t('plans.activity.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
