import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { type DuplicatePair, type Person, useDuplicates, usePersonChange } from '../api.ts';

function PersonCard({ p, title }: { p: Person; title: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} style={{ flex: 1, minWidth: 260 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'n', label: t('people.fields.fullName'), children: p.fullName },
          { key: 'b', label: t('people.fields.birthDate'), children: formatDate(p.birthDate) || '—' },
          { key: 'c', label: t('people.fields.cccd'), children: p.cccd ?? '—' },
          { key: 'p', label: t('people.fields.phone'), children: p.phone ?? '—' },
          { key: 'e', label: t('people.fields.employer'), children: p.employerName ?? '—' },
          { key: 'k', label: t('people.fields.keeper'), children: p.orgName },
        ]}
      />
    </Card>
  );
}

function PairItem({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const change = usePersonChange();
  const merge = (keep: Person, drop: Person) =>
    modal.confirm({
      title: t('people.mergeConfirmTitle'),
      content: t('people.mergeConfirm', { keep: keep.fullName, keepId: keep.id, drop: drop.id }),
      okText: t('people.merge'),
      cancelText: t('common.cancel'),
      onOk: () =>
        change
          .mutateAsync({ kind: 'merge', id: drop.id, intoId: keep.id, version: drop.version })
          .then(() => message.success(t('people.mergedOk', { name: keep.fullName })))
          .catch((e) => message.error(errorMessage(e))),
    });
  const canMerge = pair.a.can.manage && pair.b.can.manage;
  return (
    <List.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Tag color="orange">{t(`people.dupReason.${pair.reason}`)}</Tag>
        <Space wrap align="start" style={{ width: '100%' }}>
          <PersonCard p={pair.a} title={`A · #${pair.a.id}`} />
          <PersonCard p={pair.b} title={`B · #${pair.b.id}`} />
        </Space>
        {canMerge && (
          <Space wrap>
            <Button icon={<MergeCellsOutlined />} onClick={() => merge(pair.a, pair.b)}>
              {t('people.keepA')}
            </Button>
            <Button icon={<MergeCellsOutlined />} onClick={() => merge(pair.b, pair.a)}>
              {t('people.keepB')}
            </Button>
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

/** Likely duplicates in an organisation's records (same name and birth date or phone), merged one pair at a time. */
export function DuplicatesTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number | undefined>(me.grants[0]?.orgId);
  const pairs = useDuplicates(orgId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('people.duplicatesIntro')}</Typography.Paragraph>
      <Form.Item label={t('people.duplicatesOrg')} style={{ marginBottom: 8 }}>
        <OrgPicker value={orgId} onChange={(v) => setOrgId(v)} style={{ width: 420, maxWidth: '100%' }} />
      </Form.Item>
      {pairs.error && <QueryError error={pairs.error} onRetry={() => pairs.refetch()} />}
      <List<DuplicatePair>
        loading={pairs.isFetching}
        dataSource={pairs.data ?? []}
        rowKey={(p) => `${p.a.id}-${p.b.id}`}
        renderItem={(pair) => <PairItem pair={pair} />}
        locale={{
          emptyText: (
            <EmptyState text={orgId ? t('people.noDuplicates') : t('people.pickOrgForDuplicates')} />
          ),
        }}
      />
    </Space>
  );
}
