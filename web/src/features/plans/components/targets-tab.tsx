import { ApartmentOutlined, SaveOutlined } from '@ant-design/icons';
import type { PlanView } from '@contracts/plans.ts';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Grid,
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
import { isRefusedNumber, NumberField } from '../../../app/components/number-field.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import { type TargetTable, useSetTargets, useTargets } from '../api/targets.ts';
import { PeriodSelect } from './period-select.tsx';

type Indicator = TargetTable['indicators'][number];
type Row = { orgId: number; orgName: string; isParent: boolean; isReporter: boolean; hasChildren: boolean };
/** What is typed per cell: a number, null for a blank, NaN while the text is refused (its field says why). */
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
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  if (!isQuota(indicator)) return none;
  const values = table.children.map((c) => edits[cell(c.orgId, indicator.id)] ?? 0);
  const parent = edits[cell(table.parent.orgId, indicator.id)];
  // No sum while a cell of the column is refused: it would add up something nobody typed.
  if (values.some(isRefusedNumber) || isRefusedNumber(parent)) return none;
  const sum = values.reduce((s, v) => s + v, 0);
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

/** A column's heading: the indicator's name (two lines at most), its code and unit as a small hint. */
function IndicatorHeading({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const hint = [indicator.code, isQuota(indicator) ? indicator.unit : t('plans.targets.percentSuffix')]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={`${indicator.code} — ${indicator.name}`}>
      <div className="targets-heading">
        <span className="targets-heading-name">{indicator.name}</span>
        <Typography.Text type="secondary" className="targets-heading-hint">
          {hint}
        </Typography.Text>
      </div>
    </Tooltip>
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
            // A long unit name wraps inside its (narrow, on a phone) cell instead of running under the next column.
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
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
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().sm;
  const save = useSetTargets(plan.id);
  const [saved] = useState(() => valuesOf(table));
  const [edits, setEdits] = useState<Edits>(saved);
  const dirty = Object.keys({ ...saved, ...edits }).filter(
    (k) => !Object.is(saved[k] ?? null, edits[k] ?? null),
  );
  const rows: Row[] = [
    { ...table.parent, isParent: true, isReporter: false, hasChildren: false },
    ...table.children.map((c) => ({ ...c, isParent: false })),
  ];
  const editable = (row: Row) => table.can.edit && (!row.isParent || isTop);
  // On a phone the unit column stays narrow and the grid scrolls sideways inside its own box.
  const unitWidth = isPhone ? 140 : 300;
  const valueWidth = isPhone ? 130 : 170;

  const columns: TableColumnsType<Row> = [
    {
      key: 'unit',
      title: t('plans.targets.unit'),
      fixed: 'left',
      width: unitWidth,
      render: (_v, row) => <UnitCell row={row} onDrill={onDrill} />,
    },
    ...table.indicators.map((ind) => ({
      key: String(ind.id),
      width: valueWidth,
      title: <IndicatorHeading indicator={ind} />,
      render: (_v: unknown, row: Row) => {
        const key = cell(row.orgId, ind.id);
        const value = edits[key] ?? null;
        if (!editable(row)) return fmt(value) || '—';
        return (
          <NumberField
            size="small"
            min={0}
            max={isQuota(ind) ? 1e12 : 100}
            value={value}
            placeholder="—"
            onChange={(v) => setEdits((e) => ({ ...e, [key]: v }))}
            aria-label={`${ind.code} — ${row.orgName}`}
            style={{ width: '100%' }}
            status={dirty.includes(key) ? 'warning' : undefined}
          />
        );
      },
    })),
  ];

  const onSave = async () => {
    // A refused cell says why under itself: nothing is saved until it is fixed.
    const refused = dirty.filter((k) => isRefusedNumber(edits[k]));
    if (refused.length > 0) {
      message.error(t('plans.targets.refused', { count: refused.length }));
      return;
    }
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
        className="targets-grid"
        scroll={{ x: unitWidth + valueWidth * table.indicators.length }}
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
              {table.indicators.map((ind, n) => (
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
        {t('plans.targets.percentSuffix')}: {t('plans.targets.floorNote')}
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
