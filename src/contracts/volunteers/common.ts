/**
 * Words shared by the volunteer module's contracts and pages: groups, statuses, skills, refusal reasons.
 * The lists are the tables' enums (src/modules/volunteers/*.tables.ts) — keep them equal.
 */
import { defineFieldIssues } from '../common.ts';

export const volunteerGroups = ['staff', 'lecturer', 'graduate_student', 'student', 'other'] as const;
export type VolunteerGroup = (typeof volunteerGroups)[number];

export const volunteerStatuses = [
  'registered',
  'ready',
  'deployed',
  'returned',
  'stood_down',
  'withdrawn',
] as const;
export type VolunteerStatusCode = (typeof volunteerStatuses)[number];

export const skillLevels = ['basic', 'intermediate', 'advanced'] as const;

/**
 * Skills a wave asks for and a volunteer may hold (seed 004's tasks and the professions of medical institutions).
 * A code list, so a wave's need and a volunteer's qualification match exactly; the words are the pages'.
 */
export const volunteerSkills = {
  sampling: { vi: 'Lấy mẫu xét nghiệm', en: 'Sample collection' },
  testing: { vi: 'Xét nghiệm', en: 'Laboratory testing' },
  vaccination: { vi: 'Tiêm chủng', en: 'Vaccination' },
  treatment_care: { vi: 'Chăm sóc, điều trị', en: 'Treatment and care' },
  infection_control: { vi: 'Kiểm soát nhiễm khuẩn', en: 'Infection control' },
  doctor: { vi: 'Bác sĩ', en: 'Physician' },
  nursing: { vi: 'Điều dưỡng', en: 'Nursing' },
  pharmacy: { vi: 'Dược', en: 'Pharmacy' },
  first_aid: { vi: 'Sơ cấp cứu', en: 'First aid' },
  data_entry: { vi: 'Nhập liệu, thống kê', en: 'Data entry' },
  logistics: { vi: 'Hậu cần', en: 'Logistics' },
  communication: { vi: 'Truyền thông', en: 'Communication' },
  interpreter: { vi: 'Phiên dịch', en: 'Interpreting' },
} as const;
export type VolunteerSkill = keyof typeof volunteerSkills;
export const volunteerSkillCodes = Object.keys(volunteerSkills) as [VolunteerSkill, ...VolunteerSkill[]];

/** Why a proposed volunteer cannot go (wave_members.reasons[].code). */
export const refusalCodes = [
  'overlap',
  'topic_missing',
  'qualification_expired',
  'skill_missing',
  'not_ready',
  'unavailable',
  'under_age',
] as const;

/** Red Cross volunteers are 18 or older (Luật Hoạt động chữ thập đỏ 2008; NĐ 03/2011/NĐ-CP). */
export const VOLUNTEER_MIN_AGE = 18;

export const volunteerIssues = defineFieldIssues('volunteers', {
  under_age: 'Tình nguyện viên phải từ đủ 18 tuổi',
  skill_unknown: 'Kỹ năng không có trong danh mục',
  date_order: 'Ngày kết thúc phải sau ngày bắt đầu',
  consent_required: 'Cần đồng ý cho phép liên hệ và xử lý dữ liệu cá nhân',
  as_of_future: 'Ngày xem số liệu không được sau hôm nay',
});
