import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { orgKinds } from '@contracts/orgs.ts';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../app/components/date-input.tsx';
import { AdminUnitSelect } from '../../admin-units/components/admin-unit-select.tsx';
import { useKindLabel } from './org-labels.tsx';

function ContactsFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          <Typography.Text strong>{t('orgs.contacts.title')}</Typography.Text>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" style={{ marginTop: 8 }}>
              <Col span={6}>
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('orgs.contacts.name')} aria-label={t('orgs.contacts.name')} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'title']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('orgs.contacts.role')} aria-label={t('orgs.contacts.role')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'phone']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('orgs.fields.phone')} aria-label={t('orgs.fields.phone')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'email']} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('orgs.fields.email')} aria-label={t('orgs.fields.email')} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            style={{ marginTop: 8 }}
            block
          >
            {t('orgs.contacts.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Fields shared by "create sub-organisation" and "edit". */
export function OrgFormFields({
  adminUnitLabel,
  withEstablished,
}: {
  adminUnitLabel?: string | null;
  withEstablished: boolean;
}) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <>
      <Form.Item name="name" label={t('orgs.fields.name')} required>
        <Input autoFocus maxLength={300} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="shortName" label={t('orgs.fields.shortName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={t('orgs.fields.code')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('orgs.fields.kind')} required>
            <Select options={orgKinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="adminUnitCode" label={t('orgs.fields.adminUnit')}>
            <AdminUnitSelect initialLabel={adminUnitLabel} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('orgs.fields.address')}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={withEstablished ? 8 : 12}>
          <Form.Item name="phone" label={t('orgs.fields.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={withEstablished ? 8 : 12}>
          <Form.Item name="email" label={t('orgs.fields.email')}>
            <Input inputMode="email" autoComplete="email" />
          </Form.Item>
        </Col>
        {withEstablished && (
          <Col xs={24} sm={8}>
            <Form.Item name="establishedOn" label={t('orgs.fields.establishedOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <ContactsFields />
    </>
  );
}
