import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { PledgeModal } from './pledge-modal.tsx';
import { ProposeModal } from './propose-modal.tsx';
import { ReasonList, useSkillName } from './wave-labels.tsx';
import { type Fill, type Member, useAnswerChange, useFill, useMembers, type Wave } from './waves-api.ts';

type Row = Fill['institutions'][number];
type Quota = Wave['quotas'][number];

function useFillColumns(
  wave: Wave,
  act: (q: Quota, what: 'pledge' | 'propose') => void,
): TableColumnsType<Row> {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const quotaOf = (r: Row) => wave.quotas.find((q) => q.id === r.quotaId);
  const n = (key: keyof Row, title: string) => ({
    key,
    title,
    align: 'right' as const,
    width: 90,
    render: (_v: unknown, r: Row) => num(r[key] as number | null),
  });
  return [
    { key: 'org', title: t('waves.quotas.institution'), dataIndex: 'orgName', fixed: 'left', width: 200 },
    n('quota', t('waves.quotas.quota')),
    n('pledged', t('waves.quotas.pledged')),
    n('proposed', t('waves.quotas.proposed')),
    n('refused', t('waves.quotas.refused')),
    n('deployed', t('waves.quotas.deployed')),
    {
      ...n('missing', t('waves.quotas.missing')),
      render: (_v, r) => (
        <Typography.Text type={r.missing ? 'danger' : 'success'}>{num(r.missing)}</Typography.Text>
      ),
    },
    {
      key: 'act',
      title: '',
      width: 220,
      render: (_v, r) => {
        const q = quotaOf(r);
        if (!q?.can.answer) return null;
        const open = wave.status === 'open' || wave.status === 'filled';
        return (
          <Space wrap size={4}>
            <Button size="small" onClick={() => act(q, 'pledge')}>
              {t('waves.quotas.pledge')}
            </Button>
            {open && (
              <Button size="small" type="primary" onClick={() => act(q, 'propose')}>
                {t('waves.quotas.propose')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
}

function MembersTable({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const skill = useSkillName();
  const members = useMembers(wave.id);
  const answer = useAnswerChange();
  const withdraw = (m: Member) =>
    modal.confirm({
      title: t('waves.members.withdrawConfirm', { name: m.fullName }),
      okText: t('waves.members.withdraw'),
      cancelText: t('common.cancel'),
      onOk: () =>
        answer
          .mutateAsync({ kind: 'withdraw', waveId: wave.id, memberId: m.id })
          .then(() => message.success(t('waves.members.withdrawn')))
          .catch((e) => message.error(errorMessage(e))),
    });
  const columns: TableColumnsType<Member> = [
    { key: 'name', title: t('waves.members.name'), dataIndex: 'fullName', width: 200 },
    {
      key: 'org',
      title: t('waves.members.institution'),
      dataIndex: 'orgName',
      responsive: ['md'],
      filters: [...new Set((members.data ?? []).map((m) => m.orgName))].map((n) => ({ text: n, value: n })),
      onFilter: (value, m) => m.orgName === value,
    },
    { key: 'skill', title: t('waves.members.skill'), render: (_v, m) => skill(m.skill), width: 160 },
    {
      key: 'status',
      title: t('waves.members.status'),
      width: 260,
      // A wave of 375 names: find the refused ones (and their reasons) without paging through all of them.
      filters: (['proposed', 'accepted', 'refused', 'withdrawn'] as const).map((s) => ({
        text: t(`waves.memberStatus.${s}`),
        value: s,
      })),
      onFilter: (value, m) => m.status === value,
      render: (_v, m) => (
        <Space orientation="vertical" size={2}>
          <Tag color={m.status === 'refused' ? 'red' : m.status === 'withdrawn' ? 'default' : 'blue'}>
            {t(`waves.memberStatus.${m.status}`)}
          </Tag>
          <ReasonList reasons={m.reasons} />
        </Space>
      ),
    },
    {
      key: 'act',
      title: '',
      width: 90,
      render: (_v, m) =>
        m.can.withdraw && (
          <Button size="small" danger onClick={() => withdraw(m)}>
            {t('waves.members.withdraw')}
          </Button>
        ),
    },
  ];
  if (members.error) return <QueryError error={members.error} onRetry={() => members.refetch()} />;
  return (
    <Table<Member>
      size="small"
      rowKey="id"
      loading={members.isPending}
      dataSource={members.data ?? []}
      columns={columns}
      scroll={{ x: 700 }}
      pagination={(members.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: <EmptyState text={t('waves.members.empty')} /> }}
    />
  );
}

/** Chỉ tiêu & đề cử: each institution's numbers (an institution sees only its own), skills, the named volunteers. */
export function WaveQuotasTab({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const skill = useSkillName();
  const fill = useFill(wave.id);
  const [acting, setActing] = useState<{ q: Quota; what: 'pledge' | 'propose' }>();
  const columns = useFillColumns(wave, (q, what) => setActing({ q, what }));
  if (fill.error) return <QueryError error={fill.error} onRetry={() => fill.refetch()} />;
  const totals = fill.data?.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={wave.can.seeAll ? t('waves.quotas.title') : t('waves.quotas.own')}>
        <Table<Row>
          size="small"
          rowKey="quotaId"
          loading={fill.isPending}
          dataSource={fill.data?.institutions ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState text={t('waves.quotas.empty')} /> }}
          summary={() =>
            totals && wave.can.seeAll ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('waves.quotas.total')}</strong>
                </Table.Summary.Cell>
                {(['quota', 'pledged', 'proposed', 'refused', 'deployed', 'missing'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <strong>{num(totals[k])}</strong>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={7} />
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      {(fill.data?.skills.length ?? 0) > 0 && (
        <Card size="small" title={t('waves.quotas.bySkill')}>
          <Space wrap>
            {fill.data?.skills.map((s) => (
              <Tag key={s.skill}>
                {skill(s.skill)}: {num(s.proposed)}
                {s.needed ? ` / ${num(s.needed)}` : ''}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      <Card size="small" title={t('waves.members.title')}>
        <MembersTable wave={wave} />
      </Card>
      {acting?.what === 'pledge' && (
        <PledgeModal wave={wave} quota={acting.q} onClose={() => setActing(undefined)} />
      )}
      {acting?.what === 'propose' && (
        <ProposeModal wave={wave} quota={acting.q} onClose={() => setActing(undefined)} />
      )}
    </Space>
  );
}
