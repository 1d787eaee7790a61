import { Alert, App, Button, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../../app/components/app-form.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { formatDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage, serverFieldIssues } from '../../../../app/errors.ts';
import { overlapConflicts, useCommitAssignments, type WaveAssignments } from './deployment-api.ts';

type Values = {
  destinationId?: number;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  teamLeaderPersonId?: number;
  site?: string;
  task?: string;
};
type Member = WaveAssignments['ready'][number];

/**
 * The proposed members of a wave, ready to deploy: select them, choose where and when (the wave's dates unless
 * given) and a team leader, deploy all at once. A refusal shows each colliding person's line with the wave and
 * dates it collides with; a wave manager may then deploy anyway with a reason.
 */
export function ReadyMembers({ waveId, data }: { waveId: number; data: WaveAssignments }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [selected, setSelected] = useState<number[]>([]);
  const [notes, setNotes] = useState<Map<number, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<Values | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const commit = useCommitAssignments(waveId);
  const leaders = [
    ...data.ready.map((m) => ({ value: m.personId, label: m.fullName })),
    ...data.assignments.map((a) => ({ value: a.personId, label: a.fullName })),
  ];

  const send = (v: Values, reason?: string) => {
    setProblem(null);
    const items = selected.map((memberId) => ({
      memberId,
      destinationId: v.destinationId!,
      startsOn: toIsoDate(v.startsOn) ?? null,
      endsOn: toIsoDate(v.endsOn) ?? null,
      teamLeaderPersonId: v.teamLeaderPersonId ?? null,
      site: v.site ?? null,
      task: v.task ?? null,
    }));
    commit.mutate(
      { items, override: reason ? { reason } : null },
      {
        onSuccess: () => {
          message.success(t('deployment.ready.deployed', { count: items.length }));
          setSelected([]);
          setNotes(new Map());
          setOverriding(null);
        },
        onError: (e) => {
          const conflicts = overlapConflicts(e);
          if (conflicts.length) {
            setNotes(
              new Map(
                conflicts.map((c) => [
                  c.memberId,
                  c.with.assignmentId === null
                    ? t('deployment.ready.conflictSame')
                    : t('deployment.ready.conflict', {
                        wave: c.with.waveTitle,
                        from: formatDate(c.with.startsOn),
                        to: formatDate(c.with.endsOn),
                      }),
                ]),
              ),
            );
            setProblem(t('deployment.ready.conflicts'));
            return;
          }
          // Field issues name body.items.N.<field>: say whose line it is.
          const issues = serverFieldIssues(e);
          if (issues.length) {
            setNotes(
              new Map(
                issues
                  .filter((i) => i.path[0] === 'items' && typeof i.path[1] === 'number')
                  .map((i) => [selected[i.path[1] as number]!, i.message]),
              ),
            );
            setProblem(issues.map((i) => i.message).join('; '));
          } else setProblem(errorMessage(e));
        },
      },
    );
  };

  const columns = [
    { title: t('deployment.list.name'), dataIndex: 'fullName', key: 'name' },
    { title: t('deployment.list.org'), dataIndex: 'orgName', key: 'org' },
    {
      title: '',
      key: 'note',
      render: (_: unknown, m: Member) =>
        notes.get(m.memberId) && <Typography.Text type="danger">{notes.get(m.memberId)}</Typography.Text>,
    },
  ];

  if (data.ready.length === 0) return <EmptyState text={t('deployment.ready.empty')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('deployment.ready.title')}</Typography.Title>
      <AppForm<Values> form={form} layout="vertical" onFinish={(v) => send(v)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="destinationId"
              label={t('deployment.ready.destination')}
              rules={[{ required: true, message: t('deployment.ready.pickDestination') }]}
            >
              <Select options={data.destinations.map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="startsOn"
              label={t('deployment.ready.startsOn')}
              extra={t('deployment.ready.datesHint')}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="endsOn" label={t('deployment.ready.endsOn')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="teamLeaderPersonId" label={t('deployment.ready.teamLeader')}>
              <Select allowClear showSearch optionFilterProp="label" options={leaders} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="site" label={t('deployment.ready.site')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="task" label={t('deployment.ready.task')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 12 }}
            action={
              overlapConflicts(commit.error).length > 0 && data.can.override ? (
                <Button danger onClick={() => setOverriding(form.getFieldsValue())}>
                  {t('deployment.ready.override')}
                </Button>
              ) : undefined
            }
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            disabled={selected.length === 0}
            loading={commit.isPending}
          >
            {t('deployment.ready.deploy')}
          </Button>
          <Typography.Text type="secondary">
            {t('deployment.ready.selected', { count: selected.length })}
          </Typography.Text>
        </Space>
      </AppForm>
      <div style={{ overflowX: 'auto' }}>
        <Table<Member>
          rowKey="memberId"
          size="small"
          columns={columns}
          dataSource={data.ready}
          pagination={data.ready.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        />
      </div>
      {overriding && (
        <FormModal<{ reason: string }>
          title={t('deployment.ready.overrideTitle')}
          form={reasonForm}
          okDanger
          okText={t('deployment.ready.deploy')}
          busy={commit.isPending}
          onCancel={() => setOverriding(null)}
          onFinish={(v) => send(overriding, v.reason)}
        >
          <Typography.Paragraph>{t('deployment.ready.overrideHelp')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('deployment.ready.reason')}
            rules={[{ required: true, min: 10, message: t('fieldIssues.deployment.reason_min') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
