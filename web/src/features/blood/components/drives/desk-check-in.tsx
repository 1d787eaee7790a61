import type { BookingView } from '@contracts/blood/drives.ts';
import { Button, Col, Divider, Form, Input, type InputRef, List, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../../app/components/app-form.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { toIsoDate } from '../../../../app/dates.ts';
import { showServerIssues } from '../../../../app/forms.ts';
import { fold } from '../../../../app/text.ts';
import { PersonPicker } from '../../../people/components/person-picker.tsx';
import { useCheckIn, useDriveBookings } from '../../api/drives.ts';
import { hhmm } from './drive-labels.tsx';

const TOKEN_LENGTH = 43;

type WalkIn = {
  walkIn?: {
    personId?: number;
    person?: { fullName?: string; birthDate?: Dayjs; sex?: 'male' | 'female'; phone?: string };
  };
};

const digits = (s: string) => s.replace(/\D/g, '');

/** Booked donors of the drive (every slot) whose name (without diacritics) or phone holds what was typed. */
function matches(all: BookingView[], q: string): BookingView[] {
  const text = fold(q.trim());
  const number = digits(q);
  if (!text) return [];
  return all.filter(
    (b) =>
      b.status === 'booked' &&
      (fold(b.fullName).includes(text) || (number.length >= 3 && digits(b.phone ?? '').includes(number))),
  );
}

/**
 * The desk's left column, keyboard first: the invitation code (Enter on a complete code checks in), a search of
 * the drive's booked donors (name without diacritics or phone; Tab to a result, Enter checks in), and the walk-in
 * lane (a person already known, or a new one with the fields the rules need; Ctrl+Enter or the button sends it).
 */
export function DeskCheckIn({
  driveId,
  tokenRef,
  onDone,
  onFail,
}: {
  driveId: number;
  tokenRef: RefObject<InputRef | null>;
  onDone: (b: BookingView) => void;
  onFail: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(driveId);
  const bookings = useDriveBookings(driveId);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [form] = Form.useForm<WalkIn>();
  const known = Form.useWatch(['walkIn', 'personId'], form);
  const found = matches(bookings.data ?? [], query);
  const submitToken = () => {
    const v = token.trim();
    if (v.length < TOKEN_LENGTH) {
      setTokenError(t('bloodDrives.desk.tokenShort', { n: TOKEN_LENGTH }));
      return;
    }
    checkIn.mutate(
      { token: v },
      {
        onSuccess: (b) => {
          setToken('');
          onDone(b);
        },
        onError: onFail,
      },
    );
  };
  const checkInBooking = (b: BookingView) =>
    checkIn.mutate(
      { bookingId: b.id },
      {
        onSuccess: (done) => {
          setQuery('');
          onDone(done);
        },
        onError: onFail,
      },
    );
  const submitWalkIn = ({ walkIn: v }: WalkIn) => {
    const p = v?.person;
    const walkIn = v?.personId
      ? { personId: v.personId }
      : {
          person: {
            fullName: p?.fullName ?? '',
            birthDate: toIsoDate(p?.birthDate),
            sex: p?.sex,
            phone: p?.phone,
          },
        };
    checkIn.mutate(
      { walkIn },
      {
        onSuccess: (b) => {
          form.resetFields();
          onDone(b);
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) onFail(e);
        },
      },
    );
  };
  const required = [{ required: !known, message: t('validation.required') }];
  return (
    <>
      <label htmlFor="desk-token">
        <Typography.Text strong>{t('bloodDrives.desk.token')}</Typography.Text>
      </label>
      <Input
        id="desk-token"
        ref={tokenRef}
        size="large"
        autoFocus
        autoComplete="off"
        value={token}
        status={tokenError ? 'error' : undefined}
        aria-describedby={tokenError ? 'desk-token-error' : undefined}
        onChange={(e) => {
          setToken(e.target.value);
          setTokenError(null);
        }}
        onPressEnter={submitToken}
        placeholder={t('bloodDrives.desk.tokenHint')}
        style={{ fontFamily: 'monospace' }}
      />
      {tokenError && (
        <Typography.Text type="danger" id="desk-token-error" role="alert">
          {tokenError}
        </Typography.Text>
      )}
      <div style={{ marginTop: 12 }}>
        <label htmlFor="desk-search">
          <Typography.Text strong>{t('bloodDrives.desk.search')}</Typography.Text>
        </label>
        <Input.Search
          id="desk-search"
          size="large"
          allowClear
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('bloodDrives.desk.searchHint')}
          loading={bookings.isFetching && query !== ''}
          enterButton={false}
        />
        {query.trim() !== '' && (
          <List
            size="small"
            aria-label={t('bloodDrives.desk.searchResults')}
            dataSource={found.slice(0, 6)}
            locale={{ emptyText: t('bloodDrives.desk.searchEmpty') }}
            renderItem={(b) => (
              <List.Item
                extra={
                  <Button onClick={() => checkInBooking(b)} loading={checkIn.isPending}>
                    {t('bloodDrives.desk.checkIn')}
                  </Button>
                }
              >
                <List.Item.Meta
                  title={b.fullName}
                  description={`${b.slotStartsAt ? hhmm(b.slotStartsAt) : t('bloodDrives.walkIn')}${b.phone ? ` · ${b.phone}` : ''}`}
                />
              </List.Item>
            )}
          />
        )}
      </div>
      <Divider plain style={{ margin: '12px 0' }}>
        {t('bloodDrives.desk.walkInTitle')}
      </Divider>
      <AppForm<WalkIn>
        form={form}
        layout="vertical"
        onFinish={submitWalkIn}
        aria-label={t('bloodDrives.desk.walkInTitle')}
      >
        <Form.Item
          name={['walkIn', 'personId']}
          label={t('bloodDrives.desk.existing')}
          style={{ marginBottom: 8 }}
        >
          <PersonPicker />
        </Form.Item>
        <Typography.Text type="secondary">{t('bloodDrives.desk.orNew')}</Typography.Text>
        <Form.Item
          name={['walkIn', 'person', 'fullName']}
          label={t('bloodDrives.desk.fullName')}
          rules={required}
          style={{ marginBottom: 8 }}
        >
          <Input maxLength={100} autoComplete="off" disabled={!!known} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item
              name={['walkIn', 'person', 'birthDate']}
              label={t('bloodDrives.desk.birthDate')}
              rules={required}
              style={{ marginBottom: 8 }}
            >
              <DateInput style={{ width: '100%' }} disabled={!!known} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['walkIn', 'person', 'sex']}
              label={t('bloodDrives.desk.sex')}
              rules={required}
              style={{ marginBottom: 8 }}
            >
              <Select
                disabled={!!known}
                options={[
                  { value: 'male', label: t('bloodDrives.desk.male') },
                  { value: 'female', label: t('bloodDrives.desk.female') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['walkIn', 'person', 'phone']} label={t('bloodDrives.desk.phone')}>
          <Input maxLength={20} inputMode="tel" autoComplete="off" disabled={!!known} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={checkIn.isPending}>
          {t('bloodDrives.desk.checkInWalkIn')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('bloodDrives.desk.keys')}
        </Typography.Text>
      </AppForm>
    </>
  );
}
