import type { BookingView } from '@contracts/blood/drives.ts';
import { Alert, App, Button, Card, Col, type InputRef, Row, Space, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useCheckIn, useDesk } from '../../api/drives.ts';
import { DeskCheckIn } from '../../components/drives/desk-check-in.tsx';
import { type Deferral, DonationModal, ScreeningModal } from '../../components/drives/desk-modals.tsx';
import { BookingStatusTag, hhmm } from '../../components/drives/drive-labels.tsx';

function DeferralNotice({ d, onClose }: { d: Deferral; onClose: () => void }) {
  const { t } = useTranslation();
  const when = d.permanent
    ? t('bloodDrives.desk.deferredNever')
    : d.until
      ? t('bloodDrives.desk.deferredUntil', { date: formatDate(d.until) })
      : t('bloodDrives.desk.deferredUnknown');
  return (
    <Alert
      type="warning"
      showIcon
      closable
      onClose={onClose}
      data-testid="desk-deferral"
      title={t('bloodDrives.desk.deferredTitle', { name: d.fullName, reason: d.reason })}
      description={when}
    />
  );
}

/**
 * /blood/drives/:id/desk — the check-in desk on a tablet (1024×768, the side menu open), keyboard first: the
 * invitation code has the focus, booked donors are found by name or phone, walk-ins registered below; the queue
 * with the live waiting count on the right (polled every 5 s), screening and the donation from it.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const desk = useDesk(id);
  const checkIn = useCheckIn(id);
  const [problem, setProblem] = useState<string | null>(null);
  const [screening, setScreening] = useState<BookingView | null>(null);
  const [donating, setDonating] = useState<BookingView | null>(null);
  const [deferral, setDeferral] = useState<Deferral | null>(null);
  const weights = useRef(new Map<number, number>());
  const tokenRef = useRef<InputRef>(null);
  if (desk.isLoading) return <PageLoading />;
  if (desk.error || !desk.data) return <QueryError error={desk.error} onRetry={() => desk.refetch()} />;
  const d = desk.data;
  const done = (b: BookingView) => {
    setProblem(null);
    message.success(t('bloodDrives.desk.checkedIn', { name: b.fullName, queue: b.queueNo }));
    tokenRef.current?.focus();
  };
  const fail = (e: unknown) => setProblem(errorMessage(e));
  const slot = d.currentSlot
    ? `${hhmm(d.currentSlot.startsAt)}–${hhmm(d.currentSlot.endsAt)}`
    : t('bloodDrives.desk.noSlot');
  const stat = (title: string, value: number) => (
    <Card size="small" style={{ height: '100%' }} styles={{ body: { padding: '8px 12px' } }}>
      <Statistic title={title} value={value} styles={{ content: { fontSize: 22 } }} />
    </Card>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }}>
          {t('bloodDrives.desk.title')} — <Link to={`/blood/drives/${id}`}>{d.drive.title}</Link>
        </Typography.Title>
        <Typography.Text type="secondary">
          {formatDate(d.drive.driveDate)} · {d.drive.site} ·{' '}
          <Typography.Text strong>{t('bloodDrives.desk.currentSlot', { slot })}</Typography.Text>
        </Typography.Text>
      </div>
      <Row gutter={[8, 8]} align="stretch" aria-live="polite">
        <Col flex="1 1 120px">{stat(t('bloodDrives.desk.waiting'), d.counts.waiting)}</Col>
        <Col flex="1 1 120px">{stat(t('bloodDrives.desk.walkInsWaiting'), d.counts.walkInsWaiting)}</Col>
        <Col flex="1 1 120px">{stat(t('bloodDrives.desk.expected'), d.counts.expected)}</Col>
        <Col flex="1 1 120px">{stat(t('bloodDrives.desk.donated'), d.counts.donated)}</Col>
        {d.counts.deferred !== null && (
          <Col flex="1 1 120px">{stat(t('bloodDrives.desk.deferred'), d.counts.deferred)}</Col>
        )}
      </Row>
      {d.notYet && (
        <Alert
          type="info"
          showIcon
          title={t('bloodDrives.desk.notYet', { date: formatDate(d.drive.driveDate) })}
          action={
            <Link to={`/blood/drives/${id}`}>
              <Button size="small">{t('bloodDrives.desk.toDrive')}</Button>
            </Link>
          }
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} />}
      {deferral && <DeferralNotice d={deferral} onClose={() => setDeferral(null)} />}
      {/* Two columns from a tablet up (1024 px with the menu open); one under the other on a phone. */}
      <Row gutter={[12, 12]}>
        {!d.notYet && (
          <Col xs={24} lg={10}>
            <Card size="small">
              <DeskCheckIn driveId={id} tokenRef={tokenRef} onDone={done} onFail={fail} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={14}>
          {!d.can.health && (
            <Alert type="info" showIcon title={t('bloodDrives.desk.noHealth')} style={{ marginBottom: 8 }} />
          )}
          <Card size="small" title={`${t('bloodDrives.desk.queueTitle')} (${d.counts.waiting})`}>
            <Table<BookingView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.waiting}
              locale={{ emptyText: t('bloodDrives.desk.queueEmpty') }}
              scroll={{ y: 300 }}
              columns={[
                {
                  key: 'q',
                  title: '#',
                  width: 44,
                  render: (_v, b) => <Typography.Text strong>{b.queueNo}</Typography.Text>,
                },
                {
                  key: 'n',
                  title: t('bloodDrives.bookings.donor'),
                  render: (_v, b) => (
                    <>
                      <div>{b.fullName}</div>
                      <Space size={4} wrap>
                        <BookingStatusTag status={b.status} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(`bloodDrives.channel.${b.channel}`)}
                        </Typography.Text>
                      </Space>
                    </>
                  ),
                },
                {
                  key: 'a',
                  title: '',
                  width: 136,
                  align: 'right',
                  render: (_v, b) =>
                    !d.can.health ? null : b.status === 'checked_in' ? (
                      <Button onClick={() => setScreening(b)}>{t('bloodDrives.desk.screen')}</Button>
                    ) : (
                      <Button type="primary" onClick={() => setDonating(b)}>
                        {t('bloodDrives.desk.donate')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={`${t('bloodDrives.desk.expectedTitle')} (${d.counts.expected})`}
            style={{ marginTop: 12 }}
          >
            <Table<BookingView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.expected}
              locale={{ emptyText: t('bloodDrives.desk.expectedEmpty') }}
              scroll={{ y: 180 }}
              columns={[
                {
                  key: 'n',
                  title: t('bloodDrives.bookings.donor'),
                  render: (_v, b) => (
                    <>
                      <div>{b.fullName}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {b.phone}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'a',
                  title: '',
                  width: 120,
                  align: 'right',
                  render: (_v, b) => (
                    <Button
                      onClick={() => checkIn.mutate({ bookingId: b.id }, { onSuccess: done, onError: fail })}
                    >
                      {t('bloodDrives.desk.checkIn')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {screening && (
        <ScreeningModal
          driveId={id}
          driveDate={d.drive.driveDate}
          booking={screening}
          reasons={d.reasons}
          onClose={() => setScreening(null)}
          onWeight={(kg) => weights.current.set(screening.id, kg)}
          onDeferred={setDeferral}
        />
      )}
      {donating && (
        <DonationModal
          driveId={id}
          booking={donating}
          weightKg={weights.current.get(donating.id)}
          onClose={() => setDonating(null)}
        />
      )}
    </Space>
  );
}
