import { DownloadOutlined, EditOutlined, LoginOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { PageBreadcrumb } from '../../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import {
  type BookingView,
  type DriveView,
  useBookingAction,
  useDrive,
  useDriveBookings,
  useUpdateDrive,
} from '../../api/drives.ts';
import { BookDonorModal } from '../../components/drives/book-donor-modal.tsx';
import { DriveFormModal } from '../../components/drives/drive-form-modal.tsx';
import {
  BookingStatusTag,
  type DriveStatus,
  DriveStatusTag,
  FillBar,
  hhmm,
} from '../../components/drives/drive-labels.tsx';
import { FunnelChart } from '../../components/drives/funnel-chart.tsx';

const NEXT: Record<DriveStatus, Exclude<DriveStatus, 'planned'>[]> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open'],
  cancelled: [],
};

function StatusActions({ d }: { d: DriveView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateDrive(d.id);
  const first = d.slots[0];
  const change = (status: DriveStatus) =>
    update.mutate(
      {
        version: d.version,
        status,
        title: d.title,
        site: d.site,
        address: d.address,
        provinceCode: d.provinceCode,
        establishmentOrgId: d.establishment?.id ?? null,
        driveDate: d.driveDate,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
        targetUnits: d.targetUnits,
        slotMinutes: first ? (Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000 : 30,
        capacityPerSlot: first?.capacity ?? 1,
      },
      { onError: (e) => message.error(errorMessage(e)) },
    );
  return (
    <>
      {(NEXT[d.status] ?? []).map((s) => (
        <Popconfirm key={s} title={t(`bloodDrives.confirm.${s}`)} onConfirm={() => change(s)}>
          <Button danger={s === 'cancelled'} loading={update.isPending}>
            {t(`bloodDrives.action.${s}`)}
          </Button>
        </Popconfirm>
      ))}
    </>
  );
}

function BookingsCard({ d }: { d: DriveView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDriveBookings(d.id);
  const act = useBookingAction(d.id);
  const run = (bookingId: number, action: 'cancel' | 'no-show') =>
    act.mutate({ bookingId, action }, { onError: (e) => message.error(errorMessage(e)) });
  // A booked donor is a no-show only once their slot is over (before, they may still come).
  const ended = new Set(d.slots.filter((s) => Date.parse(s.endsAt) <= Date.now()).map((s) => s.id));
  return (
    <Card size="small" title={t('bloodDrives.bookings.title', { count: list.data?.length ?? 0 })}>
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <ListTable<BookingView>
        rowKey="id"
        size="small"
        rows={list.data ?? []}
        loading={list.isFetching}
        scroll={{ x: 640 }}
        columns={[
          { key: 'q', title: t('bloodDrives.bookings.queue'), width: 70, render: (_v, b) => b.queueNo ?? '' },
          { key: 'name', title: t('bloodDrives.bookings.donor'), dataIndex: 'fullName' },
          { key: 'phone', title: t('bloodDrives.bookings.phone'), dataIndex: 'phone' },
          {
            key: 'slot',
            title: t('bloodDrives.bookings.slot'),
            width: 90,
            render: (_v, b) => (b.slotStartsAt ? hhmm(b.slotStartsAt) : t('bloodDrives.walkIn')),
          },
          {
            key: 'ch',
            title: t('bloodDrives.bookings.channel'),
            render: (_v, b) => t(`bloodDrives.channel.${b.channel}`),
          },
          {
            key: 'st',
            title: t('bloodDrives.statusLabel'),
            render: (_v, b) => <BookingStatusTag status={b.status} />,
          },
          {
            key: 'act',
            title: '',
            render: (_v, b) =>
              d.can.manage && b.status === 'booked' ? (
                <Space>
                  <Popconfirm
                    title={t('bloodDrives.bookings.cancelConfirm')}
                    onConfirm={() => run(b.id, 'cancel')}
                  >
                    <Button size="small">{t('bloodDrives.bookings.cancel')}</Button>
                  </Popconfirm>
                  {b.slotId !== null && ended.has(b.slotId) && (
                    <Button size="small" onClick={() => run(b.id, 'no-show')}>
                      {t('bloodDrives.bookings.noShow')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
        empty={t('bloodDrives.bookings.empty')}
      />
    </Card>
  );
}

/** /blood/drives/:id — the drive: facts, status, slots with their fill, bookings, the live funnel, reports. */
export function DriveDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const drive = useDrive(id);
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(false);
  if (drive.isLoading) return <PageLoading />;
  if (drive.error || !drive.data) return <QueryError error={drive.error} onRetry={() => drive.refetch()} />;
  const d = drive.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageBreadcrumb items={[{ key: 'd', title: d.title }]} />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Space orientation="vertical" size={4}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
            {d.title}
          </Typography.Title>
          <Space wrap>
            <DriveStatusTag status={d.status} />
            <Typography.Text type="secondary">
              {formatDate(d.driveDate)} · {d.opensAt}–{d.closesAt} · {d.site}
            </Typography.Text>
          </Space>
        </Space>
        <Space wrap className="no-print">
          {d.can.desk && (
            <Link to={`/blood/drives/${d.id}/desk`}>
              <Button type="primary" icon={<LoginOutlined />}>
                {t('bloodDrives.openDesk')}
              </Button>
            </Link>
          )}
          {d.can.manage && (d.status === 'open' || d.status === 'planned') && (
            <Button icon={<UserAddOutlined />} onClick={() => setBooking(true)}>
              {t('bloodDrives.bookDonor')}
            </Button>
          )}
          {d.can.manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {d.can.manage && <StatusActions d={d} />}
          <Button icon={<DownloadOutlined />} href={`/api/blood/drives/${d.id}/report.xlsx`}>
            {t('bloodDrives.reportXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/blood/drives/${d.id}/report.pdf`} target="_blank">
            {t('bloodDrives.reportPdf')}
          </Button>
        </Space>
      </Space>
      {d.status === 'planned' && <Alert type="info" showIcon title={t('bloodDrives.plannedHint')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('bloodDrives.facts')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('bloodDrives.organiser')}>{d.organiser.name}</Descriptions.Item>
              <Descriptions.Item label={t('bloodDrives.form.establishment')}>
                {d.establishment?.name ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDrives.form.address')}>{d.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('bloodDrives.form.target')}>
                {d.targetUnits ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('bloodDrives.fill')}>
                <FillBar booked={d.booked} capacity={d.capacity} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('bloodDrives.slots')} style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.slots}
              columns={[
                {
                  key: 't',
                  title: t('bloodDrives.slot'),
                  render: (_v, s) => `${hhmm(s.startsAt)}–${hhmm(s.endsAt)}`,
                },
                {
                  key: 'f',
                  title: t('bloodDrives.fill'),
                  render: (_v, s) => <FillBar booked={s.booked} capacity={s.capacity} />,
                },
              ]}
            />
            <Typography.Text type="secondary">{t('bloodDrives.walkInAlways')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <FunnelChart driveId={d.id} />
        </Col>
      </Row>
      <BookingsCard d={d} />
      {editing && <DriveFormModal drive={d} onClose={() => setEditing(false)} />}
      {booking && <BookDonorModal drive={d} onClose={() => setBooking(false)} />}
    </Space>
  );
}
