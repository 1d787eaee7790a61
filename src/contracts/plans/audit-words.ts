import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of plans, activities and reports: listed by the module's manifest and its web feature. */
export const plansAuditWords = defineAuditWords({
  module: 'plans',
  actions: {
    issue: { vi: 'Ban hành kế hoạch', en: 'Issue plan' },
    amend: { vi: 'Điều chỉnh kế hoạch', en: 'Amend plan' },
    implement: { vi: 'Triển khai kế hoạch', en: 'Implement plan' },
    set_targets: { vi: 'Giao chỉ tiêu', en: 'Set targets' },
    attach: { vi: 'Đính kèm tệp', en: 'Attach file' },
    remove_attachment: { vi: 'Gỡ tệp đính kèm', en: 'Remove attachment' },
    report_actuals: { vi: 'Báo cáo kết quả hoạt động', en: 'Report activity results' },
    save_draft: { vi: 'Lưu nháp báo cáo', en: 'Save report draft' },
    submit: { vi: 'Gửi báo cáo', en: 'Submit report' },
    accept: { vi: 'Duyệt báo cáo', en: 'Accept report' },
    return: { vi: 'Trả lại báo cáo', en: 'Return report' },
    remind: { vi: 'Nhắc hạn báo cáo', en: 'Send report reminder' },
  },
  entities: {
    plan: { vi: 'Kế hoạch', en: 'Plan' },
    plan_activity: { vi: 'Hoạt động kế hoạch', en: 'Plan activity' },
    plan_report: { vi: 'Báo cáo', en: 'Report' },
  },
  fields: {
    version: { vi: 'Phiên bản', en: 'Version' },
    comment: { vi: 'Nhận xét', en: 'Comment' },
    document: { vi: 'Tài liệu', en: 'Document' },
    periodKey: { vi: 'Kỳ báo cáo', en: 'Period' },
    planId: { vi: 'Kế hoạch (mã số)', en: 'Plan (id)' },
  },
  values: {
    issued: { vi: 'Đã ban hành', en: 'Issued' },
    implementing: { vi: 'Đang triển khai', en: 'Implementing' },
    submitted: { vi: 'Đã gửi', en: 'Submitted' },
    accepted: { vi: 'Đã duyệt', en: 'Accepted' },
    returned: { vi: 'Bị trả lại', en: 'Returned' },
  },
});
