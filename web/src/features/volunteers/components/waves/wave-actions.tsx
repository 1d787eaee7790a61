import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { quotasBody, standDownBody } from '@contracts/volunteers/waves.ts';
import { Alert, App, Button, Col, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { WaveFormModal } from './wave-form-modal.tsx';
import { useWaveChange, type Wave, type WaveChange } from './waves-api.ts';

function StandDownModal({ wave, onClose }: { wave: Wave; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const change = useWaveChange();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <FormModal<{ reason?: string }>
      title={t('waves.detail.actions.standDownTitle')}
      form={form}
      okText={t('waves.detail.actions.standDown')}
      okDanger
      busy={change.isPending}
      onCancel={onClose}
      onFinish={(v) => {
        const body = parseWith(form, standDownBody, { version: wave.version, reason: v.reason ?? '' });
        if (body)
          change.mutate(
            { kind: 'standDown', id: wave.id, body },
            {
              onSuccess: () => {
                message.success(t('waves.detail.actions.done'));
                onClose();
              },
              onError: (e) => setProblem(errorMessage(e)),
            },
          );
      }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="reason" label={t('waves.detail.actions.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

type QuotaValues = { quotas?: { orgId?: number; quota?: number | null }[] };

function QuotasModal({ wave, onClose }: { wave: Wave; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuotaValues>();
  const change = useWaveChange();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <FormModal<QuotaValues>
      title={t('waves.detail.actions.quotas')}
      form={form}
      width={640}
      busy={change.isPending}
      initialValues={{ quotas: wave.quotas.map((q) => ({ orgId: q.orgId, quota: q.quota })) }}
      onCancel={onClose}
      onFinish={(v) => {
        const body = parseWith(form, quotasBody, { version: wave.version, quotas: v.quotas ?? [] });
        if (body)
          change.mutate(
            { kind: 'quotas', id: wave.id, body },
            {
              onSuccess: () => {
                message.success(t('waves.form.saved'));
                onClose();
              },
              onError: (e) => {
                if (!showServerIssues(form, e)) setProblem(errorMessage(e));
              },
            },
          );
      }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.List name="quotas">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key}>
                <Col xs={24} md={16}>
                  <Form.Item
                    name={[f.name, 'orgId']}
                    label={t('waves.form.institution')}
                    rules={[{ required: true }]}
                  >
                    <OrgPicker />
                  </Form.Item>
                </Col>
                <Col xs={20} md={7}>
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
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('waves.form.addQuota')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** The issuer's buttons, shown from the wave's `can` block. */
export function WaveActions({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const change = useWaveChange();
  const [open, setOpen] = useState<'edit' | 'quotas' | 'standDown'>();
  const run = (c: WaveChange) =>
    change.mutate(c, {
      onSuccess: () => message.success(t('waves.detail.actions.done')),
      onError: (e) => message.error(errorMessage(e)),
    });
  const { can } = wave;
  const v = { id: wave.id, version: wave.version };
  return (
    <Space wrap className="no-print">
      {can.edit && <Button onClick={() => setOpen('edit')}>{t('waves.detail.actions.edit')}</Button>}
      {can.editQuotas && !can.edit && (
        <Button onClick={() => setOpen('quotas')}>{t('waves.detail.actions.quotas')}</Button>
      )}
      {can.open && (
        <Button
          type="primary"
          loading={change.isPending}
          onClick={() =>
            modal.confirm({
              title: t('waves.detail.actions.openConfirm'),
              okText: t('waves.detail.actions.open'),
              cancelText: t('common.cancel'),
              onOk: () => run({ kind: 'open', ...v }),
            })
          }
        >
          {t('waves.detail.actions.open')}
        </Button>
      )}
      {can.markFilled && (
        <Button onClick={() => run({ kind: 'status', to: 'filled', ...v })}>
          {t('waves.detail.actions.filled')}
        </Button>
      )}
      {can.markDeployed && (
        <Button onClick={() => run({ kind: 'status', to: 'deployed', ...v })}>
          {t('waves.detail.actions.deployed')}
        </Button>
      )}
      {can.close && (
        <Button onClick={() => run({ kind: 'close', ...v })}>{t('waves.detail.actions.close')}</Button>
      )}
      {can.standDown && (
        <Button danger onClick={() => setOpen('standDown')}>
          {t('waves.detail.actions.standDown')}
        </Button>
      )}
      {open === 'edit' && <WaveFormModal editing={wave} onClose={() => setOpen(undefined)} />}
      {open === 'quotas' && <QuotasModal wave={wave} onClose={() => setOpen(undefined)} />}
      {open === 'standDown' && <StandDownModal wave={wave} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
