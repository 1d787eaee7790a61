import { Alert, App, Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { foldedSearch } from '../../../app/text.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { type TrainingClass, useClassChange } from '../api/classes.ts';
import { useTrainers } from '../api/trainers.ts';
import { RuleCheck } from './class-overview-tab.tsx';
import { useQualification } from './training-labels.tsx';

/**
 * Giảng viên of the class: at least the course's minimum (else the class cannot open), and never one who
 * teaches another class at the same time — the server refuses that and names the other class.
 */
export function TrainersTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const editable = c.can.manage && c.status !== 'completed' && c.status !== 'cancelled';
  const trainers = useTrainers(undefined, editable);
  const change = useClassChange();
  const [chosen, setChosen] = useState<number[]>(c.trainers.map((x) => x.id));
  const [refusal, setRefusal] = useState<string | null>(null);
  const need = c.course.minTrainers;
  // The rule is checked on what is saved; a choice not saved yet is said so.
  const count = c.trainers.length;
  const saved = c.trainers.map((x) => x.id).sort();
  const unsaved = editable && JSON.stringify([...chosen].sort()) !== JSON.stringify(saved);
  const qualification = useQualification();
  const qualified = (trainers.data ?? []).filter(
    (x) => x.active && (x.courseCodes.length === 0 || x.courseCodes.includes(c.course.code)),
  );
  const save = () => {
    setRefusal(null);
    change.mutate(
      { kind: 'trainers', id: c.id, trainerIds: chosen },
      {
        onSuccess: () => message.success(t('training.trainersTab.saved')),
        onError: (e) => {
          const issues = serverFieldIssues(e);
          setRefusal(issues.length ? issues.map((i) => i.message).join('; ') : errorMessage(e));
        },
      },
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <RuleCheck ok={count >= need}>
        {count >= need
          ? t('training.trainersTab.enough', { count, need })
          : t('training.trainersTab.missing', { count, need, missing: need - count })}
      </RuleCheck>
      <Typography.Text type="secondary">
        {t('training.trainersTab.rule', { source: c.course.legalSource })}
      </Typography.Text>
      {unsaved && (
        <Typography.Text type="warning">
          {t('training.trainersTab.unsaved', { count: chosen.length })}
        </Typography.Text>
      )}
      {editable && (
        <Space wrap style={{ width: '100%' }}>
          <Select<number[]>
            mode="multiple"
            value={chosen}
            onChange={(v) => {
              setChosen(v);
              setRefusal(null);
            }}
            loading={trainers.isPending}
            style={{ width: 480, maxWidth: '100%' }}
            aria-label={t('training.trainersTab.choose')}
            placeholder={t('training.trainersTab.choose')}
            showSearch={foldedSearch}
            options={qualified.map((x) => ({
              value: x.id,
              label: `${x.fullName} — ${qualification(x.qualification)}`,
            }))}
            notFoundContent={
              <EmptyState
                text={t('training.trainersTab.noneQualified', { code: c.course.code })}
                action={
                  hasPermission(me, 'training.manage') && (
                    <Link to="/training/trainers">{t('training.trainers.create')}</Link>
                  )
                }
              />
            }
          />
          <Button type="primary" onClick={save} loading={change.isPending}>
            {t('training.trainersTab.save')}
          </Button>
        </Space>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          description={/trùng giờ|overlap/i.test(refusal) ? t('training.trainersTab.overlapHint') : undefined}
        />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.trainers}
        locale={{ emptyText: <EmptyState text={t('training.trainersTab.empty', { need })} /> }}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
          { key: 'name', title: t('training.trainers.person'), dataIndex: 'fullName' },
          {
            key: 'q',
            title: t('training.trainers.qualification'),
            render: (_v, x) => qualification(x.qualification),
          },
        ]}
      />
    </Space>
  );
}
