import { FilePdfOutlined } from '@ant-design/icons';
import { questionnaireKeys } from '@contracts/blood/self.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../app/api-client.ts';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import {
  type OpenDrive,
  type SelfView,
  useBookMe,
  useJoinWaitlist,
  useMyBlood,
  useMyBookingAction,
  useOpenDrives,
  useQuestionnaire,
} from '../../api/self.ts';
import { MyCalloutsCard } from '../../components/clubs/my-callouts-card.tsx';
import { useRefusalText } from '../../components/donors/donor-labels.tsx';
import { BookingStatusTag, hhmm } from '../../components/drives/drive-labels.tsx';

type Booking = SelfView['bookings'][number];

function QuestionnaireModal({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, boolean>>();
  const send = useQuestionnaire();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <FormModal<Record<string, boolean>>
      title={t('donorSelf.questionnaireTitle')}
      form={form}
      onCancel={onClose}
      okText={t('donorSelf.send')}
      busy={send.isPending}
      onFinish={(answers) =>
        send.mutate(
          { id: booking.id, answers },
          { onSuccess: onClose, onError: (e) => setProblem(errorMessage(e)) },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('donorSelf.questionnaireIntro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {questionnaireKeys.map((k) => (
        <Form.Item
          key={k}
          name={k}
          label={t(`donorSelf.q.${k}`)}
          rules={[{ required: true, message: t('donorSelf.answerRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('donorSelf.yes') },
              { value: false, label: t('donorSelf.no') },
            ]}
          />
        </Form.Item>
      ))}
    </FormModal>
  );
}

function BookingCard({ b, drives }: { b: Booking; drives: OpenDrive[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useMyBookingAction();
  const [asking, setAsking] = useState(false);
  const slots = drives.find((d) => d.id === b.driveId)?.slots ?? [];
  const onError = (e: unknown) => message.error(errorMessage(e));
  return (
    <Card size="small" title={b.driveTitle} extra={<BookingStatusTag status={b.status} />}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {formatDate(b.driveDate)} {b.slotStartsAt ? `· ${hhmm(b.slotStartsAt)}–${hhmm(b.slotEndsAt)}` : ''}
        <br />
        {b.site}
        {b.address ? `, ${b.address}` : ''}
      </Typography.Paragraph>
      {b.canChange && (
        <Space wrap>
          {b.questionnaireAnswered ? (
            <Tag color="green">{t('donorSelf.questionnaireDone')}</Tag>
          ) : (
            <Button type="primary" onClick={() => setAsking(true)}>
              {t('donorSelf.questionnaire')}
            </Button>
          )}
          <Select
            placeholder={t('donorSelf.move')}
            aria-label={t('donorSelf.moveTo')}
            style={{ minWidth: 150 }}
            options={slots
              .filter((s) => s.id !== b.slotId)
              .map((s) => ({
                value: s.id,
                label: `${hhmm(s.startsAt)} · ${t('donorSelf.free', { n: s.free })}`,
                disabled: s.free === 0,
              }))}
            onChange={(slotId: number) => act.mutate({ id: b.id, action: 'move', slotId }, { onError })}
          />
          <Popconfirm
            title={t('donorSelf.cancelConfirm')}
            onConfirm={() => act.mutate({ id: b.id, action: 'cancel' }, { onError })}
          >
            <Button danger>{t('donorSelf.cancel')}</Button>
          </Popconfirm>
        </Space>
      )}
      {asking && <QuestionnaireModal booking={b} onClose={() => setAsking(false)} />}
    </Card>
  );
}

function DriveCard({ d, onBooked }: { d: OpenDrive; onBooked: (token: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const book = useBookMe();
  const wait = useJoinWaitlist();
  const [full, setFull] = useState(d.slots.every((s) => s.free === 0));
  // mutateAsync, not mutate's callbacks: this card leaves the list once the booking lands (the page refetches
  // before the mutation settles), and the code must still reach the page.
  const onBook = (slotId: number) =>
    book.mutateAsync({ driveId: d.id, slotId }).then(
      (r) => onBooked(r.invitationToken),
      (e: unknown) => {
        if (isApiError(e) && e.code === 'drives.slot_full') setFull(true);
        message.error(errorMessage(e));
      },
    );
  const join = (nextDrive: boolean) =>
    wait.mutate(
      { driveId: d.id, nextDrive },
      {
        onSuccess: () => message.success(t('donorSelf.waitlisted')),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Card size="small" title={d.title}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {formatDate(d.driveDate)} · {d.opensAt}–{d.closesAt}
        <br />
        {d.site}
        {d.address ? `, ${d.address}` : ''}
        <br />
        <Typography.Text type="secondary">{d.organiserName}</Typography.Text>
      </Typography.Paragraph>
      <Space wrap>
        {d.slots.map((s) => (
          <Button
            key={s.id}
            disabled={s.free === 0}
            loading={book.isPending && book.variables?.slotId === s.id}
            onClick={() => onBook(s.id)}
          >
            {hhmm(s.startsAt)} · {s.free === 0 ? t('donorSelf.full') : t('donorSelf.free', { n: s.free })}
          </Button>
        ))}
      </Space>
      {full && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={() => join(false)}>{t('donorSelf.waitlist')}</Button>
          <Button onClick={() => join(true)}>{t('donorSelf.nextDrive')}</Button>
        </Space>
      )}
    </Card>
  );
}

/** /me/blood — the donor's own page, phone first: when they may donate, their bookings, open drives, history. */
export function MyDonationsPage() {
  const { t } = useTranslation();
  const me = useMyBlood();
  const drives = useOpenDrives();
  const refusalText = useRefusalText();
  // The invitation code is shown once, here: the booked drive's card leaves the list as the booking lands.
  const [token, setToken] = useState<string | null>(null);
  if (me.isLoading) return <PageLoading />;
  if (me.error || !me.data) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  const v = me.data;
  const live = v.bookings.filter((b) => b.canChange || b.status === 'checked_in');
  // A drive the donor is booked at, or has already been to, is not offered again.
  const bookedDrives = new Set(
    v.bookings.filter((b) => b.status !== 'cancelled' && b.status !== 'late_cancelled').map((b) => b.driveId),
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('donorSelf.title')}
      </Typography.Title>
      <Alert
        type={v.eligibleToday ? 'success' : 'info'}
        showIcon
        title={
          v.eligibleToday
            ? t('donorSelf.eligibleToday')
            : v.nextEligibleOn
              ? t('donorSelf.nextOn', { date: formatDate(v.nextEligibleOn) })
              : t('donorSelf.never')
        }
        description={
          <>
            {v.refusals.map((r) => (
              <div key={r.code}>{refusalText(r)}</div>
            ))}
            <div>{t('donorSelf.donatedCount', { count: v.donatedCount })}</div>
          </>
        }
      />
      {v.waitlist.map((w) => (
        <Tag key={w.driveId} color="orange">
          {t('donorSelf.waiting', { title: w.driveTitle })}
        </Tag>
      ))}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('donorSelf.myBookings')}
      </Typography.Title>
      {live.length === 0 ? (
        <Typography.Text type="secondary">{t('donorSelf.noBookings')}</Typography.Text>
      ) : (
        live.map((b) => <BookingCard key={b.id} b={b} drives={drives.data ?? []} />)
      )}
      <MyCalloutsCard />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('donorSelf.openDrives')}
      </Typography.Title>
      {drives.error && <QueryError error={drives.error} onRetry={() => drives.refetch()} />}
      {(drives.data ?? []).filter((d) => !bookedDrives.has(d.id)).length === 0 ? (
        <Empty description={t('donorSelf.noDrives')} />
      ) : (
        (drives.data ?? [])
          .filter((d) => !bookedDrives.has(d.id))
          .map((d) => <DriveCard key={d.id} d={d} onBooked={setToken} />)
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('donorSelf.history')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={v.donations}
        locale={{ emptyText: t('donorSelf.noHistory') }}
        renderItem={(d) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <span>
                {formatDate(d.donatedOn)} · {d.site ?? ''}
              </span>
              <Space wrap size={12}>
                <span>
                  {d.volumeMl ? `${d.volumeMl} ml · ` : ''}
                  {t(`donorSelf.outcome.${d.outcome}`)}
                </span>
                {d.certificateNo && (
                  <Typography.Link
                    href={`/api/me/blood/donations/${d.id}/certificate.pdf`}
                    target="_blank"
                    aria-label={t('donorSelf.certificateOf', { date: formatDate(d.donatedOn) })}
                  >
                    <FilePdfOutlined /> {t('donorSelf.certificate')}
                  </Typography.Link>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {token && (
        <Modal
          open
          title={t('donorSelf.bookedTitle')}
          onOk={() => setToken(null)}
          onCancel={() => setToken(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          <Typography.Paragraph>{t('donorSelf.booked')}</Typography.Paragraph>
          <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
            {token}
          </Typography.Paragraph>
        </Modal>
      )}
    </Space>
  );
}
