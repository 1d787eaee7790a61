/** The activity log (`audit.*`). */
export const viAudit = {
  title: 'Nhật ký hoạt động',
  intro:
    'Mọi thay đổi dữ liệu và mọi lần đăng nhập đều được ghi lại. Bấm vào một dòng để xem những gì đã thay đổi.',
  empty: 'Chưa có hoạt động nào được ghi nhận.',
  emptyFiltered: 'Không có hoạt động nào khớp bộ lọc. Hãy nới khoảng thời gian hoặc bỏ bớt bộ lọc.',
  before: 'Trước',
  after: 'Sau',
  nothing: '(không có)',
  field: 'Thông tin',
  noChanges: 'Không có thay đổi dữ liệu nào được ghi cho thao tác này.',
  showRaw: 'Xem dữ liệu gốc',
  hideRaw: 'Ẩn dữ liệu gốc',
  export: 'Xuất Excel',
  exportHint: 'Xuất các dòng khớp bộ lọc (tối đa 50.000 dòng).',
  filters: {
    user: 'Người thực hiện',
    entityType: 'Loại đối tượng',
    org: 'Tổ chức (gồm cả đơn vị trực thuộc)',
    dates: 'Khoảng thời gian',
    action: 'Hành động',
    kind: 'Loại hoạt động',
    kinds: { changes: 'Thay đổi dữ liệu', signins: 'Đăng nhập', all: 'Tất cả' },
  },
  columns: {
    at: 'Thời gian',
    user: 'Người thực hiện',
    ip: 'Địa chỉ IP',
    action: 'Hành động',
    entity: 'Đối tượng',
    org: 'Tổ chức',
  },
};
