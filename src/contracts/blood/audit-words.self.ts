import { defineAuditWords } from '../audit-vocabulary.ts';

/** The audit log's words of the blood-donation module's self: listed by the module's manifest and its web feature. */
export const donorSelfAuditWords = defineAuditWords({
  module: 'blood',
  actions: {
    'blood.booking.self': { vi: 'Người hiến tự đặt lịch', en: 'Donor booked a slot' },
    'blood.booking.questionnaire': {
      vi: 'Người hiến trả lời câu hỏi sức khỏe',
      en: 'Donor answered the health questionnaire',
    },
  },
  entities: {
    drive_booking: { vi: 'Đăng ký hiến máu', en: 'Donation booking' },
  },
  fields: {},
  values: {},
});
