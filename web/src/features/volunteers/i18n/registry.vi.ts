/** Vietnamese texts of the volunteer feature's registry pages (and the menu). */
export const viVolunteers = {
  nav: {
    registry: 'Danh sách tình nguyện viên',
    readiness: 'Sẵn sàng huy động',
    waves: 'Đợt huy động',
    inbox: 'Yêu cầu huy động',
    applications: 'Đăng ký chờ duyệt',
    mine: 'Hoạt động tình nguyện của tôi',
  },
};
