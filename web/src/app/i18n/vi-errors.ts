/** Messages for API error codes (`errors.<code>`); the server's own message is the fallback. */
export const viErrors = {
  unknown: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  network: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  internal: 'Máy chủ gặp sự cố. Vui lòng thử lại sau.',
  validation_failed: 'Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.',
  route: { not_found: 'Không tìm thấy chức năng này.' },
  request: {
    malformed_json: 'Nội dung gửi lên không đúng định dạng JSON.',
    empty_body: 'Thiếu nội dung yêu cầu.',
    invalid: 'Yêu cầu không hợp lệ.',
    invalid_reference: 'Dữ liệu tham chiếu tới bản ghi không tồn tại.',
    invalid_value: 'Có giá trị không hợp lệ.',
    value_too_long: 'Có giá trị quá dài.',
    rate_limited: 'Bạn đã thao tác quá nhiều lần. Hãy đợi một lát rồi thử lại.',
    too_large: 'Tệp hoặc nội dung gửi lên quá lớn.',
    unsupported_media_type: 'Định dạng tệp không được hỗ trợ. Hãy dùng .csv hoặc .xlsx.',
    upload_incomplete: 'Tệp tải lên không trọn vẹn (kết nối bị ngắt trước khi gửi hết tệp). Hãy gửi lại.',
  },
  conflict: {
    duplicate: 'Dữ liệu trùng với bản ghi đã có.',
    retry: 'Có thay đổi đồng thời. Hãy thử lại.',
  },
  auth: {
    invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    locked: 'Tài khoản đang tạm khoá do đăng nhập sai nhiều lần. Hãy thử lại sau hoặc liên hệ quản trị viên.',
    lockedUntil:
      'Tài khoản đang tạm khoá do đăng nhập sai nhiều lần. Hãy thử lại sau {{time}} hoặc liên hệ quản trị viên.',
    rate_limited: 'Bạn đã thử quá nhiều lần. Hãy đợi một lát rồi thử lại.',
    unauthenticated: 'Phiên làm việc đã hết. Hãy đăng nhập lại.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  },
  orgs: {
    not_found: 'Không tìm thấy tổ chức hoặc bạn không có quyền xem.',
    version_conflict:
      'Người khác vừa thay đổi tổ chức này. Dữ liệu mới nhất đã được tải lại, hãy kiểm tra rồi thực hiện lại.',
    has_active_children:
      'Tổ chức còn đơn vị trực thuộc đang hoạt động. Hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước.',
    move_cycle: 'Không thể chuyển hoặc sáp nhập một tổ chức vào chính nó hay đơn vị trực thuộc của nó.',
    code_taken: 'Mã này đã được dùng cho tổ chức khác.',
    not_active: 'Tổ chức đã giải thể hoặc sáp nhập.',
    root_requires_system_admin: 'Chỉ quản trị hệ thống mới tạo được tổ chức cấp cao nhất.',
  },
  audit: {
    export_too_large:
      'Bộ lọc khớp {{total}} dòng, quá {{max}} dòng của một lần xuất: hãy thu hẹp khoảng thời gian hoặc thêm bộ lọc.',
  },
  users: {
    not_found: 'Không tìm thấy người dùng.',
    username_taken: 'Tên đăng nhập đã có người dùng.',
    managed_elsewhere:
      'Người dùng này còn có quyền ở tổ chức ngoài phạm vi của bạn: chỉ cấp quản lý chung mới sửa được tài khoản.',
    cannot_remove_own_admin: 'Không thể tự gỡ quyền quản trị hệ thống của chính mình.',
  },
  plans: {
    not_found: 'Không tìm thấy kế hoạch hoặc bạn không có quyền truy cập.',
    not_issued: 'Kế hoạch chưa ban hành hoặc đã kết thúc.',
    not_draft: 'Kế hoạch đã ban hành: chỉ sửa bằng văn bản điều chỉnh.',
    no_reporters: 'Chưa có đơn vị nào phải báo cáo: hãy chọn nơi nhận trước khi ban hành.',
    report_locked:
      'Báo cáo đã nộp hoặc đã được duyệt nên không sửa được; hãy đề nghị đơn vị ban hành trả lại.',
    report_version_conflict: 'Báo cáo vừa được người khác lưu. Hãy tải lại trước khi lưu, để không ghi đè.',
    version_conflict:
      'Kế hoạch vừa được người khác sửa. Dữ liệu mới nhất đã được tải lại, hãy kiểm tra rồi thực hiện lại.',
    form_closed: 'Đã khoá nhận báo cáo kỳ này. Liên hệ đơn vị ban hành để được mở lại.',
    not_reviewable: 'Báo cáo chưa nộp nên chưa thể duyệt.',
    attachment_too_large: 'Tệp vượt quá dung lượng cho phép (10 MB mỗi tệp).',
    attachment_type: 'Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) và ảnh (PNG, JPEG, GIF, WEBP).',
    attachments: { not_found: 'Không tìm thấy tệp đính kèm.' },
  },
  notifications: { not_found: 'Không tìm thấy thông báo.' },
  plan_activities: { not_found: 'Không tìm thấy hoạt động.' },
  grants: { not_found: 'Không tìm thấy quyền này trong phạm vi của bạn.' },
  api_tokens: { not_found: 'Không tìm thấy khoá API.' },
  training: {
    course: { not_found: 'Không tìm thấy khoá học.' },
    trainer: { not_found: 'Không tìm thấy giảng viên.' },
    request: { not_found: 'Không tìm thấy đề nghị đào tạo hoặc bạn không có quyền truy cập.' },
    class: { not_found: 'Không tìm thấy lớp học hoặc bạn không có quyền truy cập.' },
    enrolment: { not_found: 'Học viên không có trong lớp này.' },
    session: { not_found: 'Không có buổi học này.' },
    certificate: { not_found: 'Không tìm thấy giấy chứng nhận hoặc bạn không có quyền truy cập.' },
    certificates: { not_found: 'Lớp chưa có giấy chứng nhận nào còn hiệu lực để in.' },
    request_version_conflict:
      'Đề nghị vừa được người khác xử lý. Dữ liệu mới nhất đã được tải lại, hãy kiểm tra rồi thực hiện lại.',
    class_version_conflict:
      'Lớp học vừa được người khác sửa. Dữ liệu mới nhất đã được tải lại, hãy kiểm tra rồi thực hiện lại.',
    request_state: 'Đề nghị đã được xử lý (đã xếp lớp hoặc đã từ chối): không thực hiện được thao tác này.',
    request_closed: 'Đề nghị đã được xếp lớp, đã bị từ chối hoặc đã rút: không sửa hay rút được nữa.',
    request_duplicate: 'Đã có đề nghị tương tự đang mở (số {{requestId}}, khoá {{courseCode}}).',
    class_closed: 'Lớp đã kết thúc hoặc đã huỷ: không sửa được nữa.',
    class_cancelled: 'Lớp đã huỷ: không ghi nhận thanh toán cho lớp này.',
    class_transition: 'Không chuyển được lớp sang trạng thái này từ trạng thái hiện tại.',
    too_few_trainers:
      'Lớp cần ít nhất {{need}} giảng viên theo quy định của khoá học (hiện có {{have}}). Hãy phân công thêm ở thẻ “Giảng viên”.',
    too_few_hours:
      'Tổng số giờ các buổi học ({{have}}) chưa đủ thời lượng khoá học ({{need}} giờ). Hãy bổ sung buổi học ở thẻ “Buổi học”.',
    class_no_sessions: 'Lớp chưa có buổi học nào. Hãy nhập lịch ở thẻ “Buổi học” trước.',
    class_not_started_yet: 'Lớp chưa đến ngày học đầu tiên ({{date}}): chưa bắt đầu được lớp.',
    class_not_ended_yet: 'Lớp chưa đến ngày học cuối cùng ({{date}}): chưa kết thúc được lớp.',
    session_not_held_yet: 'Buổi học ngày {{date}} chưa diễn ra: chưa điểm danh được.',
    certificates_class_not_ended:
      'Lớp chưa kết thúc: giấy chứng nhận chỉ được cấp sau khi kết thúc lớp (nút “Kết thúc lớp”).',
    certificate_not_issued_for_course:
      'Khoá học này không cấp giấy chứng nhận (nhóm 4 theo Nghị định 44/2016/NĐ-CP chỉ ghi sổ theo dõi huấn luyện).',
    certificate_not_valid:
      'Giấy chứng nhận đã bị thu hồi hoặc đã được cấp lại: không thực hiện được thao tác này.',
  },
  people: {
    not_found: 'Không tìm thấy người này hoặc bạn không có quyền truy cập.',
    duplicate:
      'Người này đã có trong danh sách (trùng số CCCD, hoặc trùng họ tên, ngày sinh và số điện thoại).',
    identity_conflict: 'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
    version_conflict: 'Hồ sơ vừa được người khác sửa. Hãy tải lại trước khi lưu.',
    merged: 'Hồ sơ này đã được gộp vào hồ sơ khác: hãy sửa hồ sơ được giữ lại.',
    merge_conflict:
      'Hai hồ sơ cùng có mặt trong một lớp hoặc cùng là giảng viên của một đơn vị: hãy huỷ bản ghi trùng trước khi gộp.',
  },
  roster: {
    invalid: 'Danh sách có dòng không hợp lệ: sửa các dòng được báo rồi tải lên lại. Chưa có gì được lưu.',
    invalid_file: 'Không đọc được tệp danh sách. Hãy dùng tệp Excel (.xlsx) theo mẫu.',
  },
  admin_units: {
    not_found: 'Không tìm thấy đơn vị hành chính.',
    import_invalid: 'Tệp có dòng không hợp lệ. Hãy sửa các dòng dưới đây rồi tải lên lại.',
  },
  volunteers: {
    // volunteers
    not_found: 'Không tìm thấy tình nguyện viên hoặc bạn không có quyền truy cập.',
    already_registered: 'Người này đã có trong sổ tình nguyện viên của đơn vị: mở hồ sơ đã có.',
    version_conflict: 'Hồ sơ vừa được người khác sửa. Hãy tải lại trước khi lưu.',
    person_required: 'Chọn một người đã có hoặc nhập thông tin người mới (một trong hai).',
    transition_refused: 'Không chuyển được trạng thái từ “{{from}}” sang “{{to}}”.',
    deployed_by_assignment:
      'Trạng thái “Đang được điều động” chỉ có khi tình nguyện viên được phân công trong một đợt huy động.',
    import_invalid: 'Danh sách có {{count}} lỗi: sửa các dòng được báo rồi tải lên lại. Chưa có gì được lưu.',
    import_file: 'Không đọc được tệp. Hãy dùng tệp Excel (.xlsx) theo mẫu.',
  },
  waves: {
    // waves
    not_found: 'Không tìm thấy đợt huy động hoặc bạn không có quyền truy cập.',
    member: { not_found: 'Không có tình nguyện viên này trong đợt huy động.' },
    quota: { not_found: 'Không có chỉ tiêu này trong đợt huy động.' },
    version_conflict: 'Đợt huy động vừa được người khác sửa. Hãy tải lại trang rồi thực hiện lại.',
    transition: 'Không chuyển được đợt huy động từ “{{from}}” sang “{{to}}”.',
    not_draft: 'Đợt huy động đã mở: chỉ sửa được chỉ tiêu các cơ sở.',
    not_open: 'Đợt huy động không còn nhận đề cử (chưa mở, đã đủ người, đã kết thúc hoặc đã dừng).',
    no_quotas: 'Hãy giao chỉ tiêu cho ít nhất một cơ sở trước khi mở đợt huy động.',
    over_quota:
      'Chỉ tiêu của cơ sở là {{quota}} người, đã đề cử {{taken}}: không đề cử thêm {{asked}} người được. Hãy bớt người hoặc đề nghị đơn vị huy động tăng chỉ tiêu.',
    quota_has_members: '{{orgName}} đã đề cử tình nguyện viên: không bỏ chỉ tiêu của cơ sở này được.',
    member_not_withdrawable: 'Tình nguyện viên đã được điều động hoặc đã rút: không rút được nữa.',
  },
  deployment: {
    // deployment
    wave: { not_found: 'Không tìm thấy đợt huy động hoặc bạn không có quyền truy cập.' },
    assignment: { not_found: 'Không tìm thấy phân công hoặc bạn không có quyền truy cập.' },
    shift: { not_found: 'Không tìm thấy ca trực hoặc bạn không có quyền truy cập.' },
    signup: { not_found: 'Không tìm thấy đăng ký ca hoặc bạn không có quyền truy cập.' },
    certificate: { not_found: 'Không tìm thấy giấy chứng nhận với số này.' },
    overlap:
      '{{count}} tình nguyện viên trùng thời gian với một phân công khác: không phân công ai. Sửa ngày, bỏ người trùng, hoặc phân công vượt quy tắc kèm lý do.',
    wave_state: 'Đợt huy động đang ở trạng thái “{{status}}”: không phân công được.',
    assignment_closed: 'Phân công đã ở trạng thái “{{status}}”: không thay đổi được nữa.',
    shift_full:
      'Ca không đủ chỗ (sức chứa {{capacity}}, đã có {{booked}}), không đăng ký được {{requested}} người.',
    shift_overlap:
      '{{count}} người đã có ca trùng giờ: không đăng ký ai. Bỏ người trùng hoặc đăng ký vượt quy tắc kèm lý do.',
    not_checked_in: 'Chưa điểm danh vào ca: không điểm danh ra được.',
    already_checked: 'Đã điểm danh rồi.',
    check_in_window: 'Chỉ điểm danh vào từ 1 giờ trước khi ca bắt đầu đến khi ca kết thúc.',
    checkout_flagged: 'Ca đã bị đánh dấu quên điểm danh ra: cán bộ phụ trách nhập số giờ.',
    hours_missing: 'Chưa có số giờ: không duyệt được.',
    certificate_not_eligible:
      'Chỉ cấp giấy chứng nhận cho tình nguyện viên đã hoàn thành (đã trở về hoặc hết thời gian phân công).',
  },
  volunteer_self: {
    // volunteer_self
    profile: { not_found: 'Không tìm thấy tình nguyện viên hoặc bạn không có quyền truy cập.' },
    link: { not_found: 'Liên kết đăng ký không tồn tại, đã hết hạn hoặc đã bị khoá.' },
    application: { not_found: 'Không tìm thấy đơn đăng ký hoặc bạn không có quyền truy cập.' },
    assignment: { not_found: 'Không tìm thấy phân công này trong hồ sơ của bạn.' },
    account_exists: 'Người này đã có tài khoản đăng nhập ({{username}}).',
    application_decided: 'Đơn đăng ký đã được xử lý trước đó.',
    already_registered: 'Người này đã có trong sổ tình nguyện viên của cơ sở.',
    assignment_closed: 'Phân công đã kết thúc hoặc bị huỷ: không xác nhận được nữa.',
    no_profile: 'Tài khoản của bạn chưa gắn với hồ sơ tình nguyện viên nào: hãy liên hệ cán bộ phụ trách.',
  },
  donors: {
    // donors
    not_found: 'Không tìm thấy người hiến máu hoặc bạn không có quyền truy cập.',
    donation: { not_found: 'Không tìm thấy lần hiến máu hoặc bạn không có quyền truy cập.' },
    certificate: {
      not_found: 'Không có giấy chứng nhận hiến máu với số này.',
      none: 'Lần hiến này không lấy được máu nên không có giấy chứng nhận hiến máu.',
    },
    version_conflict: 'Hồ sơ người hiến vừa được người khác sửa. Hãy tải lại trước khi lưu.',
    duplicate: 'Người này đã có trong danh sách người hiến máu (hồ sơ số {{id}}).',
    not_eligible: 'Người này chưa được hiến máu vào ngày này: {{words}}.',
    health_forbidden:
      'Bạn không có quyền ghi dữ liệu sức khỏe (nhóm máu, cân nặng, lý do hoãn hiến) của người hiến này.',
  },
  drives: {
    // drives
    not_found: 'Không tìm thấy điểm hiến máu hoặc bạn không có quyền truy cập.',
    booking: { not_found: 'Không tìm thấy đăng ký này.' },
    slot: { not_found: 'Không có khung giờ này.' },
    version_conflict: 'Điểm hiến máu vừa được người khác sửa. Hãy tải lại trước khi lưu.',
    status_change: 'Không chuyển được điểm hiến máu từ trạng thái “{{from}}” sang “{{to}}”.',
    not_open: 'Điểm hiến máu chưa mở hoặc đã đóng: không nhận đăng ký.',
    desk_not_yet: 'Điểm hiến máu diễn ra ngày {{date}}: bàn tiếp nhận chỉ tiếp nhận người hiến từ ngày đó.',
    hours_locked:
      'Đã có người đăng ký: không đổi được ngày, giờ hay độ dài khung giờ. Hãy sửa từng khung giờ.',
    slot_full:
      'Khung giờ này đã đủ chỗ. Bạn có thể chọn khung giờ khác, vào danh sách chờ hoặc đăng ký đợt sau.',
    capacity_below_booked: 'Khung giờ đã có {{booked}} người đăng ký: sức chứa không thể nhỏ hơn.',
    already_booked: 'Người này đã có một đăng ký tại điểm hiến máu này. Hãy đổi giờ thay vì đăng ký lần nữa.',
    not_eligible: 'Chưa thể hiến máu vào ngày này: {{reasons}}.',
    booking_state: 'Đăng ký đang ở trạng thái “{{status}}”: không thực hiện được thao tác này.',
    token_invalid: 'Mã mời không đúng hoặc không thuộc điểm hiến máu này.',
    slot_started: 'Khung giờ này đã bắt đầu. Hãy chọn khung giờ sau hoặc đến trực tiếp tại điểm hiến.',
    slot_not_ended: 'Khung giờ chưa kết thúc: chưa thể ghi vắng mặt.',
    already_waiting: 'Người này đã ở trong danh sách chờ của điểm hiến máu này.',
    identity_conflict: 'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
  },
  clubs: {
    // clubs
    club: { not_found: 'Không tìm thấy câu lạc bộ hoặc bạn không có quyền truy cập.' },
    member: { not_found: 'Không có thành viên này trong câu lạc bộ.' },
    callout: { not_found: 'Không tìm thấy yêu cầu huy động máu.' },
    honour: { not_found: 'Không tìm thấy đề nghị tôn vinh.' },
    club_in_use: 'Câu lạc bộ đã có thành viên hoặc hoạt động: không xoá được, hãy kết thúc thành viên trước.',
    callout_closed: 'Yêu cầu huy động máu đã đóng.',
    not_a_donor: 'Tài khoản này không gắn với người hiến máu nào.',
    honour_decided: 'Đề nghị đã có quyết định ({{status}}): không đổi được nữa.',
  },
  donor_self: {
    // donor_self
    no_person: 'Tài khoản này chưa gắn với một người hiến máu. Hãy liên hệ đơn vị tổ chức để được gắn hồ sơ.',
    booking: { not_found: 'Không tìm thấy đăng ký của bạn.' },
    drive: { not_found: 'Không tìm thấy điểm hiến máu đang nhận đăng ký.' },
    certificate: { not_found: 'Không tìm thấy giấy chứng nhận hiến máu của bạn.' },
  },
};
