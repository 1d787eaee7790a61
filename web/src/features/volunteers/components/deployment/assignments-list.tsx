import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { type AssignmentAction, AssignmentModal } from './assignment-modals.tsx';
import { type Assignment, documentUrl, type WaveAssignments } from './deployment-api.ts';

const statusColor: Record<string, string> = {
  assigned: 'blue',
  deployed: 'processing',
  returned: 'green',
  ended_early: 'orange',
  cancelled: 'default',
};

/** The wave's assignments with their status, hours, and the actions the caller may take on each. */
export function AssignmentsList({ waveId, data }: { waveId: number; data: WaveAssignments }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const [acting, setActing] = useState<{ a: Assignment; action: AssignmentAction } | null>(null);
  const columns = [
    {
      title: t('deployment.list.name'),
      key: 'name',
      render: (_: unknown, a: Assignment) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{a.fullName}</Typography.Text>
          <Typography.Text type="secondary">{a.orgName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('deployment.list.destination'),
      key: 'destination',
      render: (_: unknown, a: Assignment) => [a.destinationName, a.site].filter(Boolean).join(' – '),
    },
    {
      title: t('deployment.list.dates'),
      key: 'dates',
      render: (_: unknown, a: Assignment) =>
        `${formatDate(a.startsOn)} – ${formatDate(a.endedOn ?? a.endsOn)}`,
    },
    {
      title: t('deployment.list.status'),
      key: 'status',
      render: (_: unknown, a: Assignment) => (
        <Space size={4} wrap>
          <Tag color={statusColor[a.status]}>{t(`deployment.status.${a.status}`)}</Tag>
          {a.overrideReason && (
            <Tooltip title={a.overrideReason}>
              <Tag color="red">{t('deployment.list.override')}</Tag>
            </Tooltip>
          )}
          {a.incidents > 0 && (
            <Tag color="volcano">{`${t('deployment.list.incidents')}: ${a.incidents}`}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('deployment.list.hours'),
      key: 'hours',
      align: 'right' as const,
      render: (_: unknown, a: Assignment) => num(a.approvedHours),
    },
    {
      title: t('deployment.list.actions'),
      key: 'actions',
      render: (_: unknown, a: Assignment) => (
        <Space size={4} wrap>
          {a.can.end && (
            <Button size="small" onClick={() => setActing({ a, action: 'end' })}>
              {t('deployment.list.end')}
            </Button>
          )}
          {a.can.end && (
            <Button size="small" onClick={() => setActing({ a, action: 'incidents' })}>
              {t('deployment.list.incident')}
            </Button>
          )}
          {a.can.cancel && (
            <Button size="small" danger onClick={() => setActing({ a, action: 'cancel' })}>
              {t('deployment.list.cancel')}
            </Button>
          )}
          {a.can.certificate && (
            <Button size="small" href={documentUrl(`/assignments/${a.id}/certificate.pdf`)} target="_blank">
              {t('deployment.list.certificate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={5}>{t('deployment.list.title')}</Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <ListTable<Assignment>
          rowKey="id"
          size="small"
          columns={columns}
          rows={data.assignments}
          empty={t('deployment.list.empty')}
        />
      </div>
      {acting && (
        <AssignmentModal
          waveId={waveId}
          assignment={acting.a}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}
