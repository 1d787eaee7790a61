import { DownloadOutlined, FileExcelOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { PersonPicker } from '../../people/components/person-picker.tsx';
import type { Enrolment, TrainingClass } from '../api/classes.ts';
import { rosterFiles, useCancelEnrolment, useEnrol } from '../api/enrolment.ts';
import { RosterImportModal } from './roster-import-modal.tsx';
import { OutcomeTag } from './training-labels.tsx';

function EnrolBar({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [ids, setIds] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const enrol = useEnrol(c.id);
  const inClass = c.enrolments.filter((e) => e.status !== 'cancelled').map((e) => e.personId);
  const submit = () => {
    setProblem(null);
    enrol.mutate(ids, {
      onSuccess: (r) => {
        setIds([]);
        message.success(
          t('training.learners.enrolDone', {
            enrolled: r.enrolled.length,
            waitlisted: r.waitlisted.length,
            already: r.alreadyIn.length,
          }),
        );
      },
      onError: (e) => {
        const issues = serverFieldIssues(e);
        setProblem(issues.length ? issues.map((i) => i.message).join('; ') : errorMessage(e));
      },
    });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <PersonPicker
          multiple
          value={ids}
          onChange={setIds}
          excludeIds={inClass}
          placeholder={t('training.learners.findPeople')}
          style={{ width: 420, maxWidth: '100%' }}
        />
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          disabled={ids.length === 0}
          loading={enrol.isPending}
          onClick={submit}
        >
          {t('training.learners.enrol')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Space>
  );
}

/** Học viên: the enrolled, the waitlist in order, enrolment from the registry or an Excel roster. */
export function LearnersTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelEnrolment(c.id);
  const [importing, setImporting] = useState(false);
  const [promoted, setPromoted] = useState<number | null>(null);
  const open = c.can.enrol && c.status !== 'completed' && c.status !== 'cancelled';
  const enrolled = c.enrolments.filter((e) => e.status === 'enrolled');
  const waiting = c.enrolments
    .filter((e) => e.status === 'waitlisted')
    .sort((a, b) => (a.waitlistedAt ?? '').localeCompare(b.waitlistedAt ?? ''));
  const nameOf = (personId: number) => c.enrolments.find((e) => e.personId === personId)?.fullName ?? '';
  const doCancel = (e: Enrolment) =>
    cancel.mutate(e.personId, {
      onSuccess: (r) => {
        setPromoted(r.promoted);
        message.success(
          r.promoted
            ? t('training.learners.cancelledPromoted', { name: e.fullName, promoted: nameOf(r.promoted) })
            : t('training.learners.cancelled', { name: e.fullName }),
        );
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  const cancelCell = (e: Enrolment) =>
    open && (
      <Popconfirm
        title={t('training.learners.cancelConfirm', { name: e.fullName })}
        description={
          e.status === 'enrolled' && waiting.length > 0
            ? t('training.learners.cancelPromotes', { name: waiting[0]?.fullName })
            : undefined
        }
        okText={t('training.learners.cancel')}
        cancelText={t('common.cancel')}
        onConfirm={() => doCancel(e)}
      >
        <Button
          size="small"
          type="link"
          danger
          aria-label={t('training.learners.cancelNamed', { name: e.fullName })}
        >
          {t('training.learners.cancel')}
        </Button>
      </Popconfirm>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {open && (
        <Space wrap className="no-print">
          <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)}>
            {t('training.learners.import')}
          </Button>
          <Button icon={<DownloadOutlined />} href={rosterFiles.template()} download>
            {t('training.learners.template')}
          </Button>
        </Space>
      )}
      {open && <EnrolBar c={c} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('training.learners.enrolledTitle', { count: enrolled.length, capacity: c.capacity })}
      </Typography.Title>
      <Table<Enrolment>
        size="small"
        rowKey="id"
        dataSource={enrolled}
        pagination={false}
        rowClassName={(e) => (e.personId === promoted ? 'row-promoted' : '')}
        locale={{
          emptyText: (
            <EmptyState text={open ? t('training.learners.empty') : t('training.learners.emptyClosed')} />
          ),
        }}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _e, i) => i + 1 },
          { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
          {
            key: 'birth',
            title: t('people.fields.birthDate'),
            width: 130,
            render: (_v, e) => formatDate(e.birthDate),
          },
          {
            key: 'outcome',
            title: t('training.results.outcome'),
            width: 140,
            render: (_v, e) => <OutcomeTag outcome={e.outcome} />,
          },
          { key: 'x', title: '', width: 110, render: (_v, e) => cancelCell(e) },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('training.learners.waitlistTitle', { count: waiting.length })}
      </Typography.Title>
      {waiting.length === 0 ? (
        <Typography.Text type="secondary">{t('training.learners.waitlistEmpty')}</Typography.Text>
      ) : (
        <Table<Enrolment>
          size="small"
          rowKey="id"
          dataSource={waiting}
          pagination={false}
          columns={[
            {
              key: 'pos',
              title: t('training.learners.position'),
              width: 110,
              render: (_v, _e, i) => t('training.learners.positionN', { n: i + 1 }),
            },
            { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
            {
              key: 'since',
              title: t('training.learners.waitingSince'),
              render: (_v, e) => formatDateTime(e.waitlistedAt),
            },
            { key: 'x', title: '', width: 110, render: (_v, e) => cancelCell(e) },
          ]}
        />
      )}
      {importing && <RosterImportModal c={c} onClose={() => setImporting(false)} />}
    </Space>
  );
}
