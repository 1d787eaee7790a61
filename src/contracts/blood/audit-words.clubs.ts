import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's clubs: listed by the module's manifest and its web feature. */
export const clubsAuditWords = defineAuditWords({
  module: 'blood',
  actions: {
    'blood.club.create': { vi: 'Lập câu lạc bộ hiến máu', en: 'Create donor club' },
    'blood.club.update': { vi: 'Sửa câu lạc bộ hiến máu', en: 'Edit donor club' },
    'blood.club.delete': { vi: 'Xoá câu lạc bộ hiến máu', en: 'Delete donor club' },
    'blood.club.members_add': { vi: 'Thêm thành viên câu lạc bộ', en: 'Add club members' },
    'blood.club.member_update': { vi: 'Sửa thành viên câu lạc bộ', en: 'Edit club member' },
    'blood.club.activity_add': { vi: 'Ghi hoạt động câu lạc bộ', en: 'Record club activity' },
    'blood.callout.create': { vi: 'Yêu cầu huy động máu hiếm', en: 'Rare-blood call-out' },
    'blood.callout.reply': { vi: 'Trả lời yêu cầu huy động máu', en: 'Reply to call-out' },
    'blood.callout.attendance': { vi: 'Ghi nhận người hiến đến', en: 'Record who came' },
    'blood.callout.close': { vi: 'Đóng yêu cầu huy động máu', en: 'Close call-out' },
    'blood.honour_rule.create': { vi: 'Thêm quy định tôn vinh', en: 'Add honour rule' },
    'blood.honour.propose': { vi: 'Đề nghị tôn vinh người hiến máu', en: 'Propose honours' },
    'blood.honour.decide': { vi: 'Quyết định tôn vinh', en: 'Decide honour' },
  },
  entities: {
    donor_club: { vi: 'Câu lạc bộ hiến máu', en: 'Donor club' },
    blood_callout: { vi: 'Yêu cầu huy động máu', en: 'Blood call-out' },
    callout_reply: { vi: 'Trả lời huy động máu', en: 'Call-out reply' },
    honour_rule: { vi: 'Quy định tôn vinh', en: 'Honour rule' },
    donor_honour: { vi: 'Tôn vinh người hiến máu', en: 'Donor honour' },
  },
  fields: {},
  values: {},
});
