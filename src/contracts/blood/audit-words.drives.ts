import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's drives: listed by the module's manifest and its web feature. */
export const drivesAuditWords = defineAuditWords({
  module: 'blood',
  actions: {
    'blood.drive.planned': { vi: 'Đưa điểm hiến máu về kế hoạch', en: 'Set blood drive back to planned' },
    'blood.drive.open': { vi: 'Mở đăng ký điểm hiến máu', en: 'Open blood drive' },
    'blood.drive.closed': { vi: 'Đóng điểm hiến máu', en: 'Close blood drive' },
    'blood.drive.cancelled': { vi: 'Huỷ điểm hiến máu', en: 'Cancel blood drive' },
    'blood.booking.staff': { vi: 'Đặt lịch hiến máu cho người hiến', en: 'Book a donor' },
    'blood.booking.cancel': { vi: 'Huỷ đăng ký hiến máu', en: 'Cancel booking' },
    'blood.booking.late_cancel': { vi: 'Huỷ đăng ký muộn (dưới 24 giờ)', en: 'Late cancellation' },
    'blood.booking.move': { vi: 'Đổi khung giờ hiến máu', en: 'Move booking' },
    'blood.waitlist.join': { vi: 'Vào danh sách chờ hiến máu', en: 'Join waitlist' },
    'blood.desk.check_in': { vi: 'Tiếp nhận người hiến đã đặt lịch', en: 'Check in a booked donor' },
    'blood.desk.walk_in': { vi: 'Tiếp nhận người hiến đến trực tiếp', en: 'Check in a walk-in donor' },
    'blood.desk.screen': { vi: 'Ghi kết quả khám sàng lọc', en: 'Record screening outcome' },
    'blood.desk.donation': { vi: 'Ghi nhận lần hiến máu', en: 'Record donation' },
    'blood.desk.no_show': { vi: 'Ghi vắng mặt', en: 'Mark no-show' },
  },
  entities: {
    blood_drive: { vi: 'Điểm hiến máu', en: 'Blood drive' },
    drive_slot: { vi: 'Khung giờ hiến máu', en: 'Drive slot' },
    drive_waitlist: { vi: 'Danh sách chờ hiến máu', en: 'Drive waitlist' },
  },
  fields: {
    site: { vi: 'Địa điểm', en: 'Site' },
    driveDate: { vi: 'Ngày hiến máu', en: 'Drive date' },
    opensAt: { vi: 'Giờ mở', en: 'Opens at' },
    closesAt: { vi: 'Giờ đóng', en: 'Closes at' },
    targetUnits: { vi: 'Chỉ tiêu (đơn vị máu)', en: 'Target units' },
    slotId: { vi: 'Khung giờ', en: 'Slot' },
    queueNo: { vi: 'Số thứ tự', en: 'Queue number' },
    outcome: { vi: 'Kết quả', en: 'Outcome' },
    volumeMl: { vi: 'Thể tích (ml)', en: 'Volume (ml)' },
  },
  values: {
    booked: { vi: 'Đã đặt lịch', en: 'Booked' },
    late_cancelled: { vi: 'Huỷ muộn', en: 'Late cancelled' },
    no_show: { vi: 'Vắng mặt', en: 'No-show' },
    eligible: { vi: 'Đủ điều kiện', en: 'Eligible' },
    deferred: { vi: 'Tạm hoãn', en: 'Deferred' },
  },
});
