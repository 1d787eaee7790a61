import { ApartmentOutlined, SaveOutlined } from '@ant-design/icons';
import type { PlanView } from '@contracts/plans.ts';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage } from '../../../app/errors.ts';
import type { Indicator } from '../api/plans.ts';
import { type TargetTable, useSetTargets, useTargets } from '../api/targets.ts';
import { PeriodSelect } from './period-select.tsx';
import { formatNumber } from './plan-labels.tsx';

type Row = { orgId: number; orgName: string; isParent: boolean; isReporter: boolean; hasChildren: boolean };
type Edits = Record<string, number | null>;
type Crumb = { orgId: number; orgName: string };

const cell = (orgId: number, indicatorId: number) => `${orgId}:${indicatorId}`;
const isQuota = (i: Indicator) => i.kind === 'count' || i.kind === 'sum';

function valuesOf(table: TargetTable): Edits {
  const edits: Edits = {};
  for (const org of [table.parent, ...table.children]) {
    for (const [indicatorId, value] of Object.entries(org.targets))
      edits[`${org.orgId}:${indicatorId}`] = value;
  }
  return edits;
}

/** Children's sum and its difference from the parent's target, as typed (before saving). */
function Split({ indicator, table, edits }: { indicator: Indicator; table: TargetTable; edits: Edits }) {
  const { t, i18n } = useTranslation();
  if (!isQuota(indicator)) return <Typography.Text type="secondary">—</Typography.Text>;
  const sum = table.children.reduce((s, c) => s + (edits[cell(c.orgId, indicator.id)] ?? 0), 0);
  const parent = edits[cell(table.parent.orgId, indicator.id)];
  const fmt = (n: number) => formatNumber(n, i18n.language);
  if (parent === null || parent === undefined) return <span>{fmt(sum)}</span>;
  const diff = sum - parent;
  return (
    <Space orientation="vertical" size={0}>
      <span>{fmt(sum)}</span>
      {diff === 0 ? (
        <Typography.Text type="success">{t('plans.targets.balanced')}</Typography.Text>
      ) : (
        <Typography.Text type="danger" strong>
          {diff > 0
            ? t('plans.targets.over', { value: fmt(diff) })
            : t('plans.targets.under', { value: fmt(-diff) })}
        </Typography.Text>
      )}
    </Space>
  );
}

function UnitCell({ row, onDrill }: { row: Row; onDrill: (c: Crumb) => void }) {
  const { t } = useTranslation();
  if (row.isParent)
    return <Typography.Text strong>{t('plans.targets.ownTarget', { name: row.orgName })}</Typography.Text>;
  return (
    <Space size={4} wrap>
      {row.hasChildren ? (
        <Tooltip title={t('plans.targets.drill', { name: row.orgName })}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            icon={<ApartmentOutlined />}
            onClick={() => onDrill(row)}
          >
            {row.orgName}
          </Button>
        </Tooltip>
      ) : (
        <span>{row.orgName}</span>
      )}
      {row.isReporter && <Tag>{t('plans.targets.reporterTag')}</Tag>}
    </Space>
  );
}

type GridProps = {
  plan: PlanView;
  table: TargetTable;
  periodKey: string;
  isTop: boolean;
  onDrill: (c: Crumb) => void;
};

/** The editable cascade: rows are units, columns indicators; sums and differences update as people type. */
function TargetGrid({ plan, table, periodKey, isTop, onDrill }: GridProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const save = useSetTargets(plan.id);
  const [saved] = useState(() => valuesOf(table));
  const [edits, setEdits] = useState<Edits>(saved);
  const dirty = Object.keys({ ...saved, ...edits }).filter((k) => (saved[k] ?? null) !== (edits[k] ?? null));
  const rows: Row[] = [
    { ...table.parent, isParent: true, isReporter: false, hasChildren: false },
    ...table.children.map((c) => ({ ...c, isParent: false })),
  ];
  const editable = (row: Row) => table.can.edit && (!row.isParent || isTop);

  const columns: TableColumnsType<Row> = [
    {
      key: 'unit',
      title: t('plans.targets.unit'),
      fixed: 'left',
      width: 300,
      render: (_v, row) => <UnitCell row={row} onDrill={onDrill} />,
    },
    ...plan.indicators.map((ind) => ({
      key: String(ind.id),
      width: 170,
      title: (
        <Tooltip title={ind.name}>
          <span>
            {ind.code}
            {!isQuota(ind) && ' (%)'}
          </span>
        </Tooltip>
      ),
      render: (_v: unknown, row: Row) => {
        const key = cell(row.orgId, ind.id);
        const value = edits[key] ?? null;
        if (!editable(row)) return formatNumber(value, i18n.language) || '—';
        return (
          <InputNumber<number>
            size="small"
            min={0}
            max={isQuota(ind) ? 1e12 : 100}
            value={value}
            onChange={(v) => setEdits((e) => ({ ...e, [key]: v ?? null }))}
            aria-label={`${ind.code} — ${row.orgName}`}
            style={{ width: '100%' }}
            status={dirty.includes(key) ? 'warning' : undefined}
          />
        );
      },
    })),
  ];

  const onSave = async () => {
    const byIndicator = new Map<number, { orgId: number; value: number }[]>();
    for (const key of dirty) {
      const [orgId, indicatorId] = key.split(':').map(Number) as [number, number];
      const value = edits[key];
      if (value === null || value === undefined) continue;
      const group = orgId === table.parent.orgId ? -indicatorId : indicatorId;
      byIndicator.set(group, [...(byIndicator.get(group) ?? []), { orgId, value }]);
    }
    try {
      // The parent's own target first: the children's split is then answered against it.
      const groups = [...byIndicator].sort(([a], [b]) => a - b);
      for (const [group, targets] of groups)
        await save.mutateAsync({ indicatorId: Math.abs(group), periodKey, targets });
      message.success(t('plans.targets.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Row>
        size="small"
        rowKey="orgId"
        bordered
        pagination={false}
        scroll={{ x: 300 + 170 * plan.indicators.length }}
        dataSource={rows}
        columns={columns}
        rowClassName={(r) => (r.isParent ? 'targets-parent-row' : '')}
        locale={{ emptyText: <EmptyState text={t('plans.targets.empty')} /> }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>
                  {t('plans.targets.sum')} / {t('plans.targets.difference')}
                </Typography.Text>
              </Table.Summary.Cell>
              {plan.indicators.map((ind, n) => (
                <Table.Summary.Cell key={ind.id} index={n + 1}>
                  <Split indicator={ind} table={table} edits={edits} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      {table.children.length === 0 && <EmptyState text={t('plans.targets.empty')} />}
      {table.can.edit ? (
        <Space className="no-print">
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={dirty.length === 0}
            loading={save.isPending}
            onClick={onSave}
          >
            {t('plans.targets.save')}
          </Button>
          {dirty.length > 0 && <Typography.Text type="warning">{t('plans.targets.unsaved')}</Typography.Text>}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('plans.targets.readOnly')}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        (%) {t('plans.targets.floorNote')}
      </Typography.Text>
    </Space>
  );
}

/** Chỉ tiêu & giao chỉ tiêu: the issuer splits its targets among its units, each level further down. */
export function TargetsTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const [stack, setStack] = useState<Crumb[]>([{ orgId: plan.issuerOrgId, orgName: plan.issuerName }]);
  const [periodKey, setPeriodKey] = useState('*');
  const parent = stack[stack.length - 1]!;
  const table = useTargets(plan.id, parent.orgId, periodKey);
  if (plan.indicators.length === 0) return <EmptyState text={t('plans.targets.noIndicators')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('plans.targets.intro')}
      </Typography.Paragraph>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Breadcrumb
          items={stack.map((c, n) => ({
            key: c.orgId,
            title:
              n < stack.length - 1 ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => setStack(stack.slice(0, n + 1))}
                >
                  {c.orgName}
                </Button>
              ) : (
                c.orgName
              ),
          }))}
        />
        <Space>
          <Typography.Text>{t('plans.targets.period')}</Typography.Text>
          <PeriodSelect
            plan={plan}
            value={periodKey}
            onChange={setPeriodKey}
            withAll
            label={t('plans.targets.period')}
          />
        </Space>
      </Space>
      {table.error && <Alert type="error" showIcon title={errorMessage(table.error)} />}
      {table.data && (
        <TargetGrid
          key={`${table.data.parent.orgId}:${table.data.periodKey}:${table.dataUpdatedAt}`}
          plan={plan}
          table={table.data}
          periodKey={table.data.periodKey}
          isTop={table.data.parent.orgId === plan.issuerOrgId}
          onDrill={(c) => setStack([...stack, { orgId: c.orgId, orgName: c.orgName }])}
        />
      )}
      {table.isPending && <Table loading columns={[]} />}
    </Space>
  );
}
