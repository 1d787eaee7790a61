import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the volunteer module's waves: listed by the module's manifest and its web feature. */
export const wavesAuditWords = defineAuditWords({
  module: 'volunteers',
  actions: {
    'wave.create': { vi: 'Tạo đợt huy động', en: 'Create a mobilisation wave' },
    'wave.update': { vi: 'Sửa đợt huy động', en: 'Edit a mobilisation wave' },
    'wave.quotas': { vi: 'Sửa chỉ tiêu các cơ sở', en: 'Change the institutions’ quotas' },
    'wave.open': { vi: 'Mở đợt huy động (gửi yêu cầu)', en: 'Open a wave (send the request)' },
    'wave.filled': { vi: 'Đợt huy động đã đủ người', en: 'Wave filled' },
    'wave.deployed': { vi: 'Đợt huy động đã xuất quân', en: 'Wave deployed' },
    'wave.closed': { vi: 'Kết thúc đợt huy động', en: 'Close a wave' },
    'wave.stood_down': { vi: 'Dừng đợt huy động', en: 'Stand a wave down' },
    'wave.pledge': { vi: 'Cơ sở trả lời số lượng', en: 'Institution pledges a number' },
    'wave.propose': { vi: 'Đề cử tình nguyện viên', en: 'Propose volunteers' },
    'wave.withdraw_member': { vi: 'Rút tình nguyện viên khỏi đợt', en: 'Withdraw a volunteer from a wave' },
    'wave.remind': { vi: 'Nhắc hạn gửi danh sách', en: 'Remind of the names deadline' },
  },
  entities: {
    mobilisation_wave: { vi: 'Đợt huy động', en: 'Mobilisation wave' },
    wave_quota: { vi: 'Chỉ tiêu của cơ sở', en: 'Institution’s quota' },
  },
  fields: {
    quota: { vi: 'Chỉ tiêu', en: 'Quota' },
    pledged: { vi: 'Số cam kết', en: 'Pledged' },
    quotas: { vi: 'Chỉ tiêu', en: 'Quotas' },
    basisNumber: { vi: 'Số văn bản', en: 'Document number' },
    basisSigner: { vi: 'Người ký', en: 'Signed by' },
    namesDueOn: { vi: 'Hạn gửi danh sách', en: 'Names due' },
  },
});
