import type { VolunteerSkill } from '@contracts/volunteers/common.ts';
import { Alert, App, Modal, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../../../app/components/list-filters.tsx';
import { serverPager } from '../../../../app/components/list-table.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { useDebouncedValue } from '../../../../app/hooks/use-debounced-value.ts';
import { skillOptions, useSkillName } from './wave-labels.tsx';
import {
  type Candidate,
  type ProposeResult,
  useAnswerChange,
  useCandidates,
  type Wave,
} from './waves-api.ts';

type Quota = Wave['quotas'][number];

/** The institution picks volunteers who can go (server-checked again on sending) and proposes them at once. */
export function ProposeModal({ wave, quota, onClose }: { wave: Wave; quota: Quota; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const skillName = useSkillName();
  const [skill, setSkill] = useState<string | undefined>(wave.needs[0]?.skill);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useCandidates(wave.id, { orgId: quota.orgId, skill, q, page });
  const answer = useAnswerChange();
  const missing = Math.max(0, quota.quota - quota.proposed - quota.accepted);
  const columns: TableColumnsType<Candidate> = [
    {
      key: 'name',
      title: t('waves.candidates.name'),
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{c.fullName}</Typography.Text>
          {c.faculty && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.faculty}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'skills',
      title: t('waves.candidates.skills'),
      responsive: ['md'],
      render: (_v, c) => c.skills.map((s) => skillName(s)).join(', ') || '—',
    },
    {
      key: 'training',
      title: t('waves.candidates.training'),
      width: 130,
      render: (_v, c) =>
        c.missingTopicIds.length ? (
          <Tag color="orange">{t('waves.candidates.missingTopics', { count: c.missingTopicIds.length })}</Tag>
        ) : (
          <Tag color="green">{t('waves.candidates.trained')}</Tag>
        ),
    },
  ];
  const send = () => {
    setProblem(null);
    answer.mutate(
      {
        kind: 'propose',
        waveId: wave.id,
        body: {
          orgId: quota.orgId,
          skill: (skill as VolunteerSkill | undefined) ?? null,
          profileIds: selected,
        },
      },
      {
        onSuccess: (r) => {
          const res = r as ProposeResult;
          message.success(t('waves.candidates.result', { proposed: res.proposed, refused: res.refused }));
          onClose();
        },
        onError: (e) => setProblem(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      open
      width={820}
      title={t('waves.candidates.title', { org: quota.orgName })}
      onCancel={onClose}
      onOk={send}
      okText={t('waves.candidates.send', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={answer.isPending}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">{t('waves.candidates.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={skill}
          onChange={(v) => {
            setSkill(v);
            setPage(1);
          }}
          placeholder={t('waves.candidates.anySkill')}
          aria-label={t('waves.candidates.skill')}
          style={{ width: 220, maxWidth: '100%' }}
          options={skillOptions(skillName)}
        />
        <SearchBox
          value={text}
          onChange={(v) => {
            setText(v);
            setPage(1);
          }}
          placeholder={t('waves.candidates.search')}
          label={t('waves.candidates.search')}
          width={220}
        />
        <Typography.Text type="secondary">
          {t('waves.candidates.selected', { count: selected.length, missing })}
        </Typography.Text>
      </Space>
      <Table<Candidate>
        size="small"
        rowKey="profileId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 500 }}
        locale={{ emptyText: t('waves.candidates.empty') }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as number[]),
        }}
        pagination={serverPager(page, list.data?.pageSize ?? 50, list.data?.total ?? 0, setPage)}
      />
    </Modal>
  );
}
