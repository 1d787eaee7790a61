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
