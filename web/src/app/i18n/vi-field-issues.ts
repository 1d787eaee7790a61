/**
 * Field issues by code (`fieldIssues.<code>`, e.g. `fieldIssues.plans.indicator_code_duplicate`): the contracts' codes
 * (src/contracts/issues.ts). These Vietnamese texts equal the contracts' own (test/error-vocabulary.test.ts).
 */
export const viFieldIssues = {
  common: {
    date_format: 'Ngày phải có dạng YYYY-MM-DD',
    date_invalid: 'Ngày không tồn tại',
    end_before_start: 'Ngày kết thúc trước ngày bắt đầu',
    full_name_required: 'Nhập họ tên',
    email_invalid: 'Email không hợp lệ',
    phone_invalid: 'Số điện thoại không hợp lệ',
    code_chars: 'Mã chỉ gồm chữ không dấu, số, _ . -',
    period_key_invalid: 'Kỳ báo cáo không hợp lệ',
    id_invalid: 'Mã số phải là số nguyên dương, chỉ gồm chữ số',
    id_not_found: 'Không tìm thấy hoặc bạn không có quyền truy cập',
    int_invalid: 'Phải là số nguyên, chỉ gồm chữ số',
    date_range: 'Ngày phải trong khoảng {{min}} – {{max}}',
    text_nul: 'Văn bản chứa ký tự NUL (mã 0), không được phép',
  },
  admin_units: {
    province_code_digits: 'Mã tỉnh gồm 2 chữ số',
  },
  auth: {
    username_required: 'Nhập tên đăng nhập',
    password_required: 'Nhập mật khẩu',
    password_min: 'Mật khẩu tối thiểu 10 ký tự',
    password_letter: 'Mật khẩu cần có chữ cái',
    password_digit: 'Mật khẩu cần có chữ số',
    token_name_required: 'Đặt tên cho khoá',
  },
  certificates: {
    reason_min: 'Lý do cần ít nhất 3 ký tự',
  },
  orgs: {
    code_chars: 'Mã chỉ gồm chữ, số và . _ / -',
    admin_unit_code_digits: 'Mã đơn vị hành chính gồm 2 (tỉnh) hoặc 5 (xã) chữ số',
    name_min: 'Tên tối thiểu 2 ký tự',
  },
  people: {
    cccd_digits: 'Số CCCD phải gồm đúng 12 chữ số',
  },
  plans: {
    max_below_min: 'Giá trị tối đa nhỏ hơn tối thiểu',
    yes_no_no_breakdown: 'Chỉ tiêu có/không không phân tổ',
    output_duplicate: 'Kết quả đầu ra bị trùng',
    indicators_min: 'Cần ít nhất một chỉ tiêu',
    once_needs_due_date: 'Báo cáo một lần cần hạn nộp',
    indicator_code_duplicate: 'Mã {{code}} bị trùng',
    recipients_list_or_changes: 'Gửi cả danh sách nơi nhận hoặc phần thêm, bớt — không gửi cả hai',
    amend_reason_required: 'Cần ghi lý do điều chỉnh',
  },
  training: {
    expiry_before_effective: 'Ngày hết hiệu lực trước ngày có hiệu lực',
    end_time_before_start: 'Giờ kết thúc phải sau giờ bắt đầu',
    score_range: 'Điểm từ 0 đến 10',
    month_format: 'Tháng có dạng YYYY-MM',
  },
  users: {
    username_min: 'Tên đăng nhập tối thiểu 3 ký tự',
    username_chars: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -',
    grants_min: 'Cần ít nhất một quyền trên một tổ chức',
  },
  volunteers: {
    under_age: 'Tình nguyện viên phải từ đủ 18 tuổi',
    skill_unknown: 'Kỹ năng không có trong danh mục',
    date_order: 'Ngày kết thúc phải sau ngày bắt đầu',
    consent_required: 'Cần đồng ý cho phép liên hệ và xử lý dữ liệu cá nhân',
  },
  blood: {
    volume_too_high: 'Thể tích vượt mức cho phép với cân nặng này ({{max}} ml)',
    weight_range: 'Cân nặng phải từ 30 đến 200 kg',
  },
  clubs: {
    province_code: 'Mã tỉnh gồm 2 chữ số',
    province_unknown: 'Không có tỉnh, thành phố với mã này',
    instant_range: 'Thời điểm phải trong khoảng năm 2000 – 2100',
    date_order: 'Ngày kết thúc phải sau ngày bắt đầu',
    needed_by_past: 'Thời hạn cần máu phải sau thời điểm hiện tại',
    already_member: 'Người này đã là thành viên của câu lạc bộ',
    ref_not_accepted: 'Người hiến #{{ref}} chưa nhận lời tham gia',
    below_threshold: 'Chưa đạt {{threshold}} lần hiến (hiện có {{count}})',
    already_honoured: 'Đã được đề nghị hoặc tôn vinh theo mức này',
    rule_kind: 'Quy định này dành cho {{kind}}',
    nothing_to_propose: 'Chọn ít nhất một người hoặc một gia đình để đề nghị',
    family_no_leader: 'Gia đình chưa có chủ hộ (vai trò trưởng nhóm) để ghi nhận danh hiệu',
    rule_not_applicable: 'Quy định này không áp dụng cho đơn vị đề nghị vào thời điểm này',
  },
};
