import { CheckSquareOutlined, PrinterOutlined } from '@ant-design/icons';
import { attendanceStatus } from '@contracts/training.ts';
import { Alert, App, Button, Radio, Select, Space, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import {
  type Attendance,
  type AttendanceStatus,
  attendanceFiles,
  useAttendance,
  useSaveAttendance,
} from '../api/attendance.ts';
import type { TrainingClass } from '../api/classes.ts';

type Entry = Attendance['entries'][number];

function SessionSheet({ c, sessionId }: { c: TrainingClass; sessionId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sheet = useAttendance(c.id, sessionId);
  const save = useSaveAttendance(c.id, sessionId);
  const [marks, setMarks] = useState<Record<number, AttendanceStatus | null>>({});
  const editable = c.can.manage && c.status !== 'completed' && c.status !== 'cancelled';
  // Attendance is taken from the session's day (in Vietnam) on, as the server decides; later is fine.
  const day = c.sessions.find((s) => s.id === sessionId)?.day;
  const notYet = day && day > c.today ? t('training.attendance.notYet', { date: formatDate(day) }) : null;
  useEffect(() => {
    if (sheet.data) setMarks(Object.fromEntries(sheet.data.entries.map((e) => [e.personId, e.status])));
  }, [sheet.data]);
  if (sheet.error) return <QueryError error={sheet.error} onRetry={() => sheet.refetch()} />;
  const entries = sheet.data?.entries ?? [];
  const unmarked = entries.filter((e) => !marks[e.personId]).length;
  const allPresent = () => setMarks(Object.fromEntries(entries.map((e) => [e.personId, 'present' as const])));
  const submit = () => {
    const list = entries
      .filter((e) => marks[e.personId])
      .map((e) => ({ personId: e.personId, status: marks[e.personId] as AttendanceStatus }));
    save.mutate(
      { entries: list },
      {
        onSuccess: () => message.success(t('training.attendance.saved', { count: list.length })),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  };
  const counts = attendanceStatus.options.map((s) => ({
    s,
    n: entries.filter((e) => marks[e.personId] === s).length,
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {editable && notYet && <Alert type="info" showIcon title={notYet} className="no-print" />}
      {editable && (
        <Space wrap className="no-print">
          <Button icon={<CheckSquareOutlined />} onClick={allPresent} disabled={entries.length === 0}>
            {t('training.attendance.allPresent')}
          </Button>
          <Tooltip title={notYet}>
            <Button
              type="primary"
              onClick={submit}
              loading={save.isPending}
              disabled={entries.length === 0 || notYet !== null}
            >
              {t('training.attendance.save')}
            </Button>
          </Tooltip>
          <Typography.Text type="secondary">
            {counts
              .filter((x) => x.n > 0)
              .map((x) => `${t(`training.attendance.status.${x.s}`)}: ${x.n}`)
              .join(' · ')}
            {unmarked > 0 && ` · ${t('training.attendance.unmarked', { count: unmarked })}`}
          </Typography.Text>
        </Space>
      )}
      <Table<Entry & { mark: AttendanceStatus | null }>
        size="small"
        rowKey="personId"
        loading={sheet.isPending}
        dataSource={entries.map((e) => ({ ...e, mark: marks[e.personId] ?? null }))}
        pagination={false}
        locale={{ emptyText: <EmptyState text={t('training.attendance.noLearners')} /> }}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _e, i) => i + 1 },
          { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
          {
            key: 'status',
            title: t('training.attendance.title'),
            // Only the row whose mark changed is drawn again.
            shouldCellUpdate: (a, b) => a.mark !== b.mark,
            render: (_v, e, i) =>
              editable ? (
                <Radio.Group
                  aria-label={t('training.attendance.rowLabel', { n: i + 1, name: e.fullName })}
                  value={e.mark ?? undefined}
                  onChange={(ev) => setMarks((m) => ({ ...m, [e.personId]: ev.target.value }))}
                  optionType="button"
                  size="small"
                  options={attendanceStatus.options.map((s) => ({
                    value: s,
                    label: t(`training.attendance.status.${s}`),
                  }))}
                />
              ) : e.mark ? (
                t(`training.attendance.status.${e.mark}`)
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}

/** Điểm danh per session: Tab moves between learners, the arrow keys choose; "all present" marks everyone. */
export function AttendanceTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState<number | undefined>(() => {
    const now = Date.now();
    const current = c.sessions.find((s) => Date.parse(s.endsAt) >= now) ?? c.sessions[c.sessions.length - 1];
    return current?.id;
  });
  if (c.sessions.length === 0) return <EmptyState text={t('training.attendance.noSessions')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<number>
          value={sessionId}
          onChange={setSessionId}
          aria-label={t('training.attendance.session')}
          style={{ width: 320, maxWidth: '100%' }}
          options={c.sessions.map((s, i) => ({
            value: s.id,
            label: t('training.attendance.sessionLabel', {
              n: i + 1,
              date: formatDate(s.startsAt),
              from: dayjs(s.startsAt).format('HH:mm'),
              to: dayjs(s.endsAt).format('HH:mm'),
            }),
          }))}
        />
        <Button
          icon={<PrinterOutlined />}
          href={attendanceFiles.sheet(c.id)}
          target="_blank"
          rel="noreferrer"
        >
          {t('training.classes.attendanceSheet')}
        </Button>
      </Space>
      {sessionId !== undefined && <SessionSheet key={sessionId} c={c} sessionId={sessionId} />}
    </Space>
  );
}
