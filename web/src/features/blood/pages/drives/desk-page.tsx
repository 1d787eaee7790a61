import type { BookingView } from '@contracts/blood/drives.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppForm } from '../../../../app/components/app-form.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import { PersonPicker } from '../../../people/components/person-picker.tsx';
import { useCheckIn, useDesk } from '../../api/drives.ts';
import { DonationModal, ScreeningModal } from '../../components/drives/desk-modals.tsx';
import { BookingStatusTag, hhmm } from '../../components/drives/drive-labels.tsx';

type WalkIn = {
  personId?: number;
  fullName?: string;
  birthDate?: Dayjs;
  sex?: 'male' | 'female';
  phone?: string;
};

const TOKEN_LENGTH = 43;

/**
 * /blood/drives/:id/desk — the check-in desk on a tablet (1024×768), keyboard first: the invitation code field
 * has the focus and Enter on a complete code checks in; walk-ins are registered below it; the queue, with the
 * live waiting count, is on the right.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const desk = useDesk(id);
  const checkIn = useCheckIn(id);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<WalkIn>();
  const [screening, setScreening] = useState<BookingView | null>(null);
  const [donating, setDonating] = useState<BookingView | null>(null);
  const weights = useRef(new Map<number, number>());
  const tokenRef = useRef<{ focus: () => void } | null>(null);
  if (desk.isLoading) return <PageLoading />;
  if (desk.error || !desk.data) return <QueryError error={desk.error} onRetry={() => desk.refetch()} />;
  const d = desk.data;
  const done = (b: BookingView) => {
    setProblem(null);
    message.success(t('bloodDrives.desk.checkedIn', { name: b.fullName, queue: b.queueNo }));
    tokenRef.current?.focus();
  };
  const fail = (e: unknown) => setProblem(errorMessage(e));
  const submitToken = () => {
    const v = token.trim();
    if (v.length < TOKEN_LENGTH) return;
    checkIn.mutate(
      { token: v },
      {
        onSuccess: (b) => {
          setToken('');
          done(b);
        },
        onError: fail,
      },
    );
  };
  const submitWalkIn = (v: WalkIn) => {
    const walkIn = v.personId
      ? { personId: v.personId }
      : {
          person: {
            fullName: v.fullName ?? '',
            birthDate: toIsoDate(v.birthDate),
            sex: v.sex,
            phone: v.phone,
          },
        };
    checkIn.mutate(
      { walkIn },
      {
        onSuccess: (b) => {
          form.resetFields();
          done(b);
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) fail(e);
        },
      },
    );
  };
  const slot = d.currentSlot
    ? `${hhmm(d.currentSlot.startsAt)}–${hhmm(d.currentSlot.endsAt)}`
    : t('bloodDrives.desk.noSlot');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <Link to={`/blood/drives/${id}`}>{d.drive.title}</Link> — {t('bloodDrives.desk.title')}
        </Typography.Title>
        <Typography.Text strong>{t('bloodDrives.desk.currentSlot', { slot })}</Typography.Text>
      </Space>
      <Row gutter={12} aria-live="polite">
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('bloodDrives.desk.waiting')} value={d.counts.waiting} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('bloodDrives.desk.walkInsWaiting')} value={d.counts.walkInsWaiting} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('bloodDrives.desk.expected')} value={d.counts.expected} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('bloodDrives.desk.donated')} value={d.counts.donated} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('bloodDrives.desk.deferred')} value={d.counts.deferred} />
          </Card>
        </Col>
      </Row>
      {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} />}
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small">
            <label htmlFor="desk-token">
              <Typography.Text strong>{t('bloodDrives.desk.token')}</Typography.Text>
            </label>
            <Input
              id="desk-token"
              ref={(el) => {
                tokenRef.current = el;
              }}
              size="large"
              autoFocus
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              onPressEnter={submitToken}
              placeholder={t('bloodDrives.desk.tokenHint')}
              style={{ fontFamily: 'monospace' }}
            />
            <Divider plain>{t('bloodDrives.desk.walkInTitle')}</Divider>
            <AppForm<WalkIn> form={form} layout="vertical" onFinish={submitWalkIn} size="large">
              <Form.Item name="personId" label={t('bloodDrives.desk.existing')} style={{ marginBottom: 8 }}>
                <PersonPicker />
              </Form.Item>
              <Typography.Text type="secondary">{t('bloodDrives.desk.orNew')}</Typography.Text>
              <Form.Item name="fullName" label={t('bloodDrives.desk.fullName')} style={{ marginBottom: 8 }}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item
                    name="birthDate"
                    label={t('bloodDrives.desk.birthDate')}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="sex" label={t('bloodDrives.desk.sex')} style={{ marginBottom: 8 }}>
                    <Select
                      options={[
                        { value: 'male', label: t('bloodDrives.desk.male') },
                        { value: 'female', label: t('bloodDrives.desk.female') },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="phone" label={t('bloodDrives.desk.phone')}>
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={checkIn.isPending}>
                {t('bloodDrives.desk.checkIn')}
              </Button>
            </AppForm>
          </Card>
        </Col>
        <Col span={14}>
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
              scroll={{ y: 260 }}
              columns={[
                {
                  key: 'q',
                  title: '#',
                  width: 48,
                  render: (_v, b) => <Typography.Text strong>{b.queueNo}</Typography.Text>,
                },
                {
                  key: 'n',
                  title: t('bloodDrives.bookings.donor'),
                  render: (_v, b) => (
                    <>
                      {b.fullName}
                      <br />
                      <Typography.Text type="secondary">
                        {t(`bloodDrives.channel.${b.channel}`)}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  key: 's',
                  title: t('bloodDrives.statusLabel'),
                  width: 140,
                  render: (_v, b) => <BookingStatusTag status={b.status} />,
                },
                {
                  key: 'a',
                  title: '',
                  width: 130,
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
              scroll={{ y: 160 }}
              columns={[
                { key: 'n', title: t('bloodDrives.bookings.donor'), dataIndex: 'fullName' },
                { key: 'p', title: t('bloodDrives.bookings.phone'), dataIndex: 'phone' },
                {
                  key: 'a',
                  title: '',
                  width: 120,
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
          booking={screening}
          reasons={d.reasons}
          onClose={() => setScreening(null)}
          onWeight={(kg) => weights.current.set(screening.id, kg)}
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
