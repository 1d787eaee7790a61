import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { skillLevels } from '@contracts/volunteers/common.ts';
import { qualificationsBody, type VolunteerDetail } from '@contracts/volunteers/registry.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { formatDate, fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useVolunteerChange } from './registry-api.ts';
import { useSkillLabel, useSkillOptions } from './volunteer-labels.tsx';

type Item = {
  skill?: string;
  level?: string;
  issuer?: string;
  documentNo?: string;
  issuedOn?: Dayjs;
  expiresOn?: Dayjs;
};

function QualificationsModal({ v, onClose }: { v: VolunteerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Item[] }>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useVolunteerChange();
  const skills = useSkillOptions();
  const onFinish = (values: { items?: Item[] }) => {
    setProblem(null);
    const items = (values.items ?? []).map((q) => ({
      ...q,
      issuedOn: toIsoDate(q.issuedOn) ?? null,
      expiresOn: toIsoDate(q.expiresOn) ?? null,
    }));
    const body = parseWith(form, qualificationsBody, { items }, (i) =>
      setProblem(i.map((x) => x.message).join('; ')),
    );
    if (body)
      change.mutate(
        { kind: 'qualifications', id: v.id, body },
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
      title={t('volunteers.detail.editQualifications')}
      form={form}
      width={860}
      initialValues={{
        items: v.qualifications.map((q) => ({
          skill: q.skill,
          level: q.level,
          issuer: q.issuer ?? undefined,
          documentNo: q.documentNo ?? undefined,
          issuedOn: fromIsoDate(q.issuedOn),
          expiresOn: fromIsoDate(q.expiresOn),
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
              <Row gutter={8} key={f.key} align="top">
                <Col xs={24} sm={8}>
                  <Form.Item name={[f.name, 'skill']} label={t('volunteers.detail.skill')} required>
                    <Select options={skills} showSearch={{ optionFilterProp: 'label' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={4}>
                  <Form.Item name={[f.name, 'level']} label={t('volunteers.detail.level')}>
                    <Select
                      options={skillLevels.map((l) => ({ value: l, label: t(`volunteers.levels.${l}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[f.name, 'issuer']} label={t('volunteers.detail.issuer')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6}>
                  <Form.Item name={[f.name, 'documentNo']} label={t('volunteers.detail.documentNo')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[f.name, 'issuedOn']} label={t('volunteers.detail.issuedOn')}>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[f.name, 'expiresOn']} label={t('volunteers.detail.expiresOn')}>
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8} style={{ paddingTop: 30 }}>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ level: 'basic' })}>
              {t('volunteers.detail.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** What the institution recorded, and the certificates of the training module (read live, never copied). */
export function QualificationsCard({ v }: { v: VolunteerDetail }) {
  const { t, i18n } = useTranslation();
  const skill = useSkillLabel();
  const [open, setOpen] = useState(false);
  const en = i18n.language.startsWith('en');
  const expiredTag = <Tag color="red">{t('volunteers.detail.expired')}</Tag>;
  return (
    <Card
      title={t('volunteers.detail.qualifications')}
      extra={
        v.can.manage && (
          <Button className="no-print" onClick={() => setOpen(true)}>
            {t('volunteers.detail.editQualifications')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={v.qualifications}
          locale={{ emptyText: t('volunteers.detail.noQualifications') }}
          columns={[
            { key: 'skill', title: t('volunteers.detail.skill'), render: (_x, q) => skill(q.skill) },
            {
              key: 'level',
              title: t('volunteers.detail.level'),
              render: (_x, q) => t(`volunteers.levels.${q.level}`),
            },
            {
              key: 'doc',
              title: t('volunteers.detail.issuer'),
              responsive: ['md'],
              render: (_x, q) => [q.issuer, q.documentNo].filter(Boolean).join(' · '),
            },
            {
              key: 'until',
              title: t('volunteers.detail.expiresOn'),
              render: (_x, q) => (
                <Space size={4}>
                  {q.expiresOn ? formatDate(q.expiresOn) : t('volunteers.detail.noExpiry')}
                  {q.expired && expiredTag}
                </Space>
              ),
            },
          ]}
        />
        {v.certificates.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('volunteers.detail.certificates')}</Typography.Text>}
            dataSource={v.certificates}
            renderItem={(c) => (
              <List.Item>
                <Space wrap size={4}>
                  <span>{en ? c.courseNameEn : c.courseName}</span>
                  <Typography.Text type="secondary">
                    {t('volunteers.detail.certificateNo', { number: c.number })}
                  </Typography.Text>
                  <span>
                    {c.validUntil
                      ? t('volunteers.detail.validUntil', { date: formatDate(c.validUntil) })
                      : t('volunteers.detail.noExpiry')}
                  </span>
                  {c.expired && expiredTag}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
      {open && <QualificationsModal v={v} onClose={() => setOpen(false)} />}
    </Card>
  );
}
