import type { FunnelView } from '../../../contracts/blood/drives.ts';

/** Vietnamese words of the drive report (XLSX and PDF share them). */
export const statusVi: Record<string, string> = {
  booked: 'Đã đặt lịch',
  checked_in: 'Đã tiếp nhận',
  screened: 'Đã khám',
  donated: 'Đã hiến',
  deferred: 'Tạm hoãn',
  no_show: 'Vắng mặt',
  cancelled: 'Đã huỷ',
  late_cancelled: 'Huỷ muộn',
};
export const channelVi: Record<string, string> = {
  self: 'Tự đăng ký',
  staff: 'Cán bộ đăng ký',
  walk_in: 'Đến trực tiếp',
};
export const driveStatusVi: Record<string, string> = {
  planned: 'Kế hoạch',
  open: 'Đang nhận đăng ký',
  closed: 'Đã kết thúc',
  cancelled: 'Đã huỷ',
};
export const funnelRows = [
  ['registered', 'Đăng ký'],
  ['checkedIn', 'Đã tiếp nhận'],
  ['screened', 'Đã khám sàng lọc'],
  ['donated', 'Đã hiến (đơn vị máu)'],
  ['deferred', 'Tạm hoãn'],
  ['noShow', 'Vắng mặt'],
  ['lateCancelled', 'Huỷ muộn'],
  ['walkIns', 'Đến trực tiếp'],
] as const;
export const hhmm = (iso: string | null) => (iso ? iso.slice(11, 16) : 'Đến trực tiếp');
export const pct = (n: number, of: number | null) =>
  of ? `${(Math.round((n / of) * 1000) / 10).toString().replace('.', ',')}%` : '—';

/** The funnel's rows a report shows: no deferrals for a reader of no health data (the funnel's null). */
export const shownFunnelRows = (f: FunnelView) =>
  funnelRows.filter(([k]) => k !== 'deferred' || f.totals.deferred !== null);

type SlotRow = FunnelView['slots'][number];

/** The per-slot table's columns (title, value), the deferrals only for a reader of health data. */
export function slotColumns(f: FunnelView, walkIns: boolean): [string, (s: SlotRow) => string | number][] {
  const all: [string, (s: SlotRow) => string | number][] = [
    ['Khung giờ', (s) => hhmm(s.startsAt)],
    ['Sức chứa', (s) => s.capacity ?? ''],
    ['Đăng ký', (s) => s.registered],
    ['Tiếp nhận', (s) => s.checkedIn],
    ['Đã hiến', (s) => s.donated],
    ['Tạm hoãn', (s) => s.deferred ?? ''],
    ['Vắng', (s) => s.noShow],
    ['Trực tiếp', (s) => s.walkIns],
  ];
  return all.filter(
    ([title]) => (title !== 'Tạm hoãn' || f.totals.deferred !== null) && (title !== 'Trực tiếp' || walkIns),
  );
}
