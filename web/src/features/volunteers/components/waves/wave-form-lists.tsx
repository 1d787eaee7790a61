import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { fold } from '../../../../app/text.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { skillOptions, useSkillName } from './wave-labels.tsx';
import type { ProvinceAsOf } from './waves-api.ts';

/** The wave form's repeated rows: destinations (provinces as of the start), needs by skill, quotas with their sum. */

export const searchable = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    fold(String(option?.label ?? '')).includes(fold(input.trim())),
};

export function DestinationsList({
  provinces,
  loading,
  startsOn,
}: {
  provinces: ProvinceAsOf[];
  loading: boolean;
  startsOn: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="destinations">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} align="top">
              <Col xs={24} md={8}>
                <Form.Item
                  name={[f.name, 'name']}
                  label={t('waves.form.destinationName')}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[f.name, 'adminUnitCode']}
                  label={t('waves.form.province')}
                  rules={[{ required: true }]}
                  extra={startsOn ? undefined : t('waves.form.pickStartFirst')}
                >
                  <Select
                    showSearch={searchable}
                    disabled={!startsOn}
                    loading={loading}
                    options={provinces.map((p) => ({
                      value: p.code,
                      label: `${p.name} (${p.code})`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={20} md={7}>
                <Form.Item name={[f.name, 'address']} label={t('waves.form.address')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1} style={{ paddingTop: 34 }}>
                {fields.length > 1 && (
                  <MinusCircleOutlined aria-label={t('waves.form.remove')} onClick={() => remove(f.name)} />
                )}
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('waves.form.addDestination')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function NeedsList({ destinations }: { destinations: ({ name?: string } | undefined)[] }) {
  const { t } = useTranslation();
  const skill = useSkillName();
  return (
    <Form.List name="needs">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} align="top">
              <Col xs={24} md={9}>
                <Form.Item
                  name={[f.name, 'skill']}
                  label={t('waves.form.skill')}
                  rules={[{ required: true }]}
                >
                  <Select showSearch={searchable} options={skillOptions(skill)} />
                </Form.Item>
              </Col>
              <Col xs={10} md={5}>
                <Form.Item
                  name={[f.name, 'headcount']}
                  label={t('waves.form.headcount')}
                  rules={[{ required: true }]}
                >
                  <NumberField min={1} isInteger />
                </Form.Item>
              </Col>
              <Col xs={10} md={9}>
                <Form.Item name={[f.name, 'destinationIndex']} label={t('waves.form.forDestination')}>
                  <Select
                    allowClear
                    placeholder={t('waves.form.anyDestination')}
                    options={destinations.map((d, i) => ({ value: i, label: d?.name || `#${i + 1}` }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={4} md={1} style={{ paddingTop: 34 }}>
                <MinusCircleOutlined aria-label={t('waves.form.remove')} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('waves.form.addNeed')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function QuotasList({ sumText, short }: { sumText: string; short: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="quotas">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} align="top">
              <Col xs={24} md={17}>
                <Form.Item
                  name={[f.name, 'orgId']}
                  label={t('waves.form.institution')}
                  rules={[{ required: true }]}
                >
                  <OrgPicker />
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <Form.Item
                  name={[f.name, 'quota']}
                  label={t('waves.form.quota')}
                  rules={[{ required: true }]}
                >
                  <NumberField min={1} isInteger />
                </Form.Item>
              </Col>
              <Col xs={4} md={1} style={{ paddingTop: 34 }}>
                <MinusCircleOutlined aria-label={t('waves.form.remove')} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Space wrap>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('waves.form.addQuota')}
            </Button>
            <Typography.Text strong type={short ? 'warning' : undefined}>
              {sumText}
            </Typography.Text>
          </Space>
        </>
      )}
    </Form.List>
  );
}
