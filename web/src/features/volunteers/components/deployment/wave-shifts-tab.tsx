import { App, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import {
  type Shift,
  type Signup,
  useSignupAction,
  useWaveAssignments,
  useWaveShifts,
  vnClock,
} from './deployment-api.ts';
import { CreateShiftModal, HoursModal, SignUpModal } from './shift-modals.tsx';

/** One sign-up's line: check-in/out times, hours (or the missing check-out), and the actions it allows. */
function SignupLine({ waveId, s, shift }: { waveId: number; s: Signup; shift: Shift }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const num = useFormatNumber();
  const run = useSignupAction(waveId);
  const [editing, setEditing] = useState(false);
  const act = (action: 'check-in' | 'check-out' | 'approve-hours') =>
    run.mutate({ id: s.id, action }, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <List.Item>
      <Space wrap size={[8, 4]} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{s.fullName}</Typography.Text>
          <Typography.Text type="secondary">{s.orgName}</Typography.Text>
        </Space>
        <Space wrap size={4}>
          {s.checkInAt && <Tag>{t('deployment.shifts.checkedIn', { time: vnClock(s.checkInAt) })}</Tag>}
          {s.checkOutAt && <Tag>{t('deployment.shifts.checkedOut', { time: vnClock(s.checkOutAt) })}</Tag>}
          {s.checkoutMissing && <Tag color="red">{t('deployment.shifts.missing')}</Tag>}
          {s.hours !== null && (
            <Tag color="blue">{t('deployment.shifts.hours', { hours: num(s.hours) })}</Tag>
          )}
          {s.hoursApprovedAt && <Tag color="green">{t('deployment.shifts.approved')}</Tag>}
          {s.can.check && !s.checkInAt && (
            <Button size="small" type="primary" loading={run.isPending} onClick={() => act('check-in')}>
              {t('deployment.shifts.checkIn')}
            </Button>
          )}
          {s.can.check && s.checkInAt && !s.checkOutAt && !s.checkoutMissing && (
            <Button size="small" loading={run.isPending} onClick={() => act('check-out')}>
              {t('deployment.shifts.checkOut')}
            </Button>
          )}
          {s.can.setHours && (s.checkoutMissing || s.hours !== null) && (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('deployment.shifts.setHours')}
            </Button>
          )}
          {s.can.approve && (
            <Button size="small" onClick={() => act('approve-hours')}>
              {t('deployment.shifts.approve')}
            </Button>
          )}
        </Space>
      </Space>
      {editing && (
        <HoursModal waveId={waveId} signup={s} max={shift.spanHours} onClose={() => setEditing(false)} />
      )}
    </List.Item>
  );
}

/** A wave's shifts by day, each with its capacity bar, sign-ups and check-in/out; missing check-outs flagged. */
export function WaveShiftsTab({ waveId }: { waveId: number }) {
  const { t } = useTranslation();
  const q = useWaveShifts(waveId);
  const a = useWaveAssignments(waveId);
  const [creating, setCreating] = useState(false);
  const [signing, setSigning] = useState<Shift | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data || !a.data) return <PageLoading />;
  const days = [...new Set(q.data.shifts.map((s) => s.day))];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('deployment.shifts.timezone')}</Typography.Text>
        {q.data.can.create && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('deployment.shifts.create')}
          </Button>
        )}
      </Space>
      {days.length === 0 && <Empty description={t('deployment.shifts.empty')} />}
      {days.map((day) => (
        <div key={day}>
          <Typography.Title level={5}>{formatDate(day)}</Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {q.data.shifts
              .filter((s) => s.day === day)
              .map((s) => (
                <Card
                  key={s.id}
                  size="small"
                  title={`${vnClock(s.startsAt)}–${vnClock(s.endsAt)} · ${s.destinationName}${s.task ? ` · ${s.task}` : ''}`}
                  extra={
                    q.data.can.signUp && s.booked < s.capacity ? (
                      <Button size="small" onClick={() => setSigning(s)}>
                        {t('deployment.shifts.signUp')}
                      </Button>
                    ) : undefined
                  }
                >
                  <Progress
                    percent={Math.round((s.booked / s.capacity) * 100)}
                    format={() => t('deployment.shifts.booked', { booked: s.booked, capacity: s.capacity })}
                    status={s.booked >= s.capacity ? 'success' : 'normal'}
                    aria-label={t('deployment.shifts.booked', { booked: s.booked, capacity: s.capacity })}
                  />
                  <List
                    size="small"
                    dataSource={s.signups}
                    renderItem={(g) => <SignupLine waveId={waveId} s={g} shift={s} />}
                  />
                </Card>
              ))}
          </Space>
        </div>
      ))}
      {creating && (
        <CreateShiftModal
          waveId={waveId}
          destinations={a.data.destinations}
          onClose={() => setCreating(false)}
        />
      )}
      {signing && (
        <SignUpModal
          waveId={waveId}
          shift={signing}
          assignments={a.data.assignments}
          onClose={() => setSigning(null)}
        />
      )}
    </Space>
  );
}
