import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { availabilityBody, type VolunteerDetail } from '@contracts/volunteers/registry.ts';
import { Alert, App, Button, Card, Col, Form, Input, List, Row, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { formatDate, fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useVolunteerChange } from './registry-api.ts';

type Item = { fromDate?: Dayjs; toDate?: Dayjs; available?: boolean; note?: string };

function AvailabilityModal({ v, onClose }: { v: VolunteerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Item[] }>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useVolunteerChange();
  const onFinish = (values: { items?: Item[] }) => {
    setProblem(null);
    const items = (values.items ?? []).map((a) => ({
      ...a,
      fromDate: toIsoDate(a.fromDate),
      toDate: toIsoDate(a.toDate),
      available: a.available ?? true,
    }));
    const body = parseWith(form, availabilityBody, { items }, (i) =>
      setProblem(i.map((x) => x.message).join('; ')),
    );
    if (body)
      change.mutate(
        { kind: 'availability', id: v.id, body },
        {
          onSuccess: () => {
            message.success(t('volunteers.registry.saved'));
            onClose();
          },
          onError: (e) => {
            if (!showServerIssues(form, e)) setProblem(errorMessage(e));
          },
        },
      );
  };
  return (
    <FormModal<{ items: Item[] }>
      title={t('volunteers.detail.editAvailability')}
      form={form}
      width={720}
      initialValues={{
        items: v.availability.map((a) => ({
          fromDate: fromIsoDate(a.fromDate),
          toDate: fromIsoDate(a.toDate),
          available: a.available,
          note: a.note ?? undefined,
        })),
      }}
      onCancel={onClose}
      onFinish={onFinish}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key}>
                <Col xs={12} sm={6}>
                  <Form.Item name={[f.name, 'fromDate']} label={t('volunteers.detail.fromDate')} required>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[f.name, 'toDate']} label={t('volunteers.detail.toDate')} required>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={8} sm={4}>
                  <Form.Item
                    name={[f.name, 'available']}
                    label={t('volunteers.detail.available')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[f.name, 'note']} label={t('volunteers.fields.note')}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2} style={{ paddingTop: 30 }}>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ available: true })}>
              {t('volunteers.detail.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** The periods a volunteer can (or cannot) take part in, as declared. */
export function AvailabilityCard({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('volunteers.detail.availability')}
      extra={
        v.can.manage && (
          <Button className="no-print" onClick={() => setOpen(true)}>
            {t('volunteers.detail.editAvailability')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={v.availability}
        locale={{ emptyText: t('volunteers.detail.noAvailability') }}
        renderItem={(a) => (
          <List.Item>
            <span>
              {formatDate(a.fromDate)} – {formatDate(a.toDate)}{' '}
              <Tag color={a.available ? 'green' : 'default'}>
                {a.available ? t('volunteers.detail.available') : t('volunteers.detail.unavailable')}
              </Tag>
              {a.declaredBy === 'self' && (
                <Typography.Text type="secondary">({t('volunteers.detail.declaredBySelf')})</Typography.Text>
              )}
              {a.note && <div>{a.note}</div>}
            </span>
          </List.Item>
        )}
      />
      {open && <AvailabilityModal v={v} onClose={() => setOpen(false)} />}
    </Card>
  );
}
