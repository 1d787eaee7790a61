import {
  CheckSquareOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import type { ActivityView, PlanView } from '@contracts/plans.ts';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useFormatNumber, useFormatPercent } from '../../../app/numbers.ts';
import { useActivityChange } from '../api/activities.ts';
import { ActivityModal, ActualsModal } from './activity-modals.tsx';

/** Each output as "planned → actual (share of planned)"; the column header says which is which. */
function OutputsText({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const percent = useFormatPercent();
  if (activity.outputs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const num = (v: number | null) => fmt(v) || '—';
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {activity.outputs.map((o) => (
        <li key={o.metric}>
          {t(`plans.activity.metrics.${o.metric}`)}: {num(o.planned)} →{' '}
          {o.actual === null ? (
            <Typography.Text type="secondary">{t('plans.activity.notReported')}</Typography.Text>
          ) : (
            <strong>{num(o.actual)}</strong>
          )}
          {o.actual !== null && o.planned ? (
            <Typography.Text type={o.actual >= o.planned ? 'success' : 'warning'}>
              {' '}
              ({percent((o.actual / o.planned) * 100)})
            </Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type Dialog = { kind: 'edit'; activity?: ActivityView } | { kind: 'actuals'; activity: ActivityView } | null;

/** Hoạt động: what will be done, by whom (chủ trì, phối hợp), planned and actual outputs. */
export function ActivitiesTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useActivityChange();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayEdit = plan.can.manage && plan.status !== 'closed';
  // The lead organisation reports its activity's results (a reporter of the plan, or a partner such as the
  // Red Cross leading a union's event), or the issuer: the server says which, and checks again.
  const canReport = (a: ActivityView) =>
    plan.status === 'issued' && a.outputs.length > 0 && plan.can.reportActivityIds.includes(a.id);
  const columns: TableColumnsType<ActivityView> = [
    { key: 'index', title: '#', width: 40, render: (_v, _r, i) => i + 1 },
    {
      key: 'title',
      title: t('plans.activity.title'),
      render: (_v, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`plans.activity.types.${a.type}`)}
            {a.notes ? ` · ${a.notes}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'lead', title: t('plans.activity.lead'), width: 160, render: (_v, a) => a.leadOrgName ?? '—' },
    {
      key: 'partners',
      title: t('plans.activity.partners'),
      width: 160,
      render: (_v, a) => a.partners.map((p) => p.orgName).join(', ') || '—',
    },
    {
      key: 'when',
      title: t('plans.activity.when'),
      width: 120,
      render: (_v, a) =>
        [...new Set([formatDate(a.startsOn), formatDate(a.endsOn)])].filter(Boolean).join(' – ') || '—',
    },
    {
      key: 'outputs',
      title: t('plans.activity.outputsPlannedActual'),
      width: 270,
      render: (_v, a) => (
        <Space orientation="vertical" size={4}>
          <OutputsText activity={a} />
          {canReport(a) && (
            <Button
              size="small"
              className="no-print"
              icon={<CheckSquareOutlined />}
              onClick={() => setDialog({ kind: 'actuals', activity: a })}
            >
              {t('plans.activity.reportActuals')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      className: 'no-print',
      width: 80,
      hidden: !mayEdit,
      render: (_v, a) => (
        <Space size={4}>
          {mayEdit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${a.title}`}
              onClick={() => setDialog({ kind: 'edit', activity: a })}
            />
          )}
          {mayEdit && plan.status === 'draft' && (
            <Popconfirm
              title={t('plans.activity.removeConfirm', { title: a.title })}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                change.mutate(
                  { kind: 'remove', planId: plan.id, id: a.id },
                  {
                    onSuccess: () => message.success(t('plans.activity.removed')),
                    onError: (e) => message.error(errorMessage(e)),
                  },
                )
              }
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.remove')} ${a.title}`}
              />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <div className="print-area">
      <Space className="no-print" style={{ marginBottom: 12 }}>
        {mayEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
            {t('plans.activity.add')}
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      </Space>
      <div className="print-only">
        <Typography.Title level={4}>
          {plan.number} — {t('plans.tabs.activities')}
        </Typography.Title>
      </div>
      <Table<ActivityView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.activities}
        columns={columns}
        locale={{
          emptyText: (
            <EmptyState text={mayEdit ? t('plans.activity.emptyCanEdit') : t('plans.activity.empty')} />
          ),
        }}
      />
      {dialog?.kind === 'edit' && (
        <ActivityModal plan={plan} activity={dialog.activity} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'actuals' && (
        <ActualsModal plan={plan} activity={dialog.activity} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
