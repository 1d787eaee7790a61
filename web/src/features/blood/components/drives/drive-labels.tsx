import type { bookingStatuses, driveStatuses } from '@contracts/blood/drives.ts';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColour: Record<string, string> = {
  planned: 'default',
  open: 'green',
  closed: 'blue',
  cancelled: 'red',
};
const bookingColour: Record<string, string> = {
  booked: 'default',
  checked_in: 'gold',
  screened: 'cyan',
  donated: 'green',
  deferred: 'orange',
  no_show: 'red',
  cancelled: 'default',
  late_cancelled: 'volcano',
};

export type DriveStatus = (typeof driveStatuses)[number];
export type BookingStatus = (typeof bookingStatuses)[number];

export function DriveStatusTag({ status }: { status: DriveStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColour[status]}>{t(`bloodDrives.status.${status}`)}</Tag>;
}

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <Tag color={bookingColour[status]}>{t(`bloodDrives.booking.${status}`)}</Tag>;
}

/** Places taken of a capacity, as a bar with "12/20". */
export function FillBar({ booked, capacity }: { booked: number; capacity: number }) {
  const percent = capacity ? Math.round((booked / capacity) * 100) : 0;
  return (
    <Progress
      percent={percent}
      size="small"
      status={booked >= capacity && capacity > 0 ? 'exception' : 'normal'}
      format={() => `${booked}/${capacity}`}
      aria-label={`${booked}/${capacity}`}
    />
  );
}

/** "07:30" of an ISO instant written in Vietnamese wall-clock time. */
export const hhmm = (iso: string | null) => (iso ? iso.slice(11, 16) : '');
