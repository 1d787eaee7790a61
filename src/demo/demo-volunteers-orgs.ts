import type { DemoOrg } from './demo-data.ts';

/**
 * Seed 004's institutions: the 34 medical training institutions the Ministry of Health's Department of Science,
 * Technology and Training (Cục Khoa học công nghệ và Đào tạo) directs — universities and academies of the
 * Ministry and medical colleges — with the figures each reported on 24/5/2021 (wave 1): volunteers registered
 * and ready (34 institutions, 23,888 in all) and volunteers already helping localities (15 institutions,
 * 1,976), and where those were working (a province as it was in 2021: its pre-2025 code, read from
 * admin_unit_legacy). The per-institution split is made up (the report's detailed table is not public); the
 * totals are the report's.
 */
export type DemoSchool = {
  key?: string;
  name: string;
  shortName?: string;
  /** Province of the 2025 list (the demo's organisations carry 2025 codes). */
  au: string;
  /** Registered and ready on 24/5/2021. */
  ready: number;
  /** Already volunteering on 24/5/2021 (wave 1), and the pre-2025 province code where. */
  active?: number;
  activeIn?: string;
};

export const demoSchools: DemoSchool[] = [
  { key: 'yhn', name: 'Trường Đại học Y Hà Nội', au: '01', ready: 2412, active: 412, activeIn: '24' },
  { name: 'Trường Đại học Dược Hà Nội', au: '01', ready: 980, active: 58, activeIn: '01' },
  { name: 'Trường Đại học Y tế công cộng', au: '01', ready: 620, active: 85, activeIn: '01' },
  {
    key: 'ydhct',
    name: 'Học viện Y Dược học cổ truyền Việt Nam',
    au: '01',
    ready: 1450,
    active: 120,
    activeIn: '01',
  },
  {
    key: 'ydhp',
    name: 'Trường Đại học Y Dược Hải Phòng',
    au: '31',
    ready: 1680,
    active: 236,
    activeIn: '30',
  },
  {
    key: 'ydtb',
    name: 'Trường Đại học Y Dược Thái Bình',
    au: '33',
    ready: 1520,
    active: 231,
    activeIn: '34',
  },
  {
    key: 'dddnd',
    name: 'Trường Đại học Điều dưỡng Nam Định',
    au: '37',
    ready: 980,
    active: 95,
    activeIn: '36',
  },
  {
    key: 'ktythd',
    name: 'Trường Đại học Kỹ thuật Y tế Hải Dương',
    au: '31',
    ready: 1120,
    active: 185,
    activeIn: '30',
  },
  { name: 'Đại học Y Dược Thành phố Hồ Chí Minh', au: '79', ready: 2296 },
  { name: 'Trường Đại học Y Dược Cần Thơ', au: '92', ready: 1150 },
  { name: 'Trường Đại học Kỹ thuật Y - Dược Đà Nẵng', au: '48', ready: 860, active: 70, activeIn: '48' },
  { name: 'Trường Đại học Y khoa Vinh', au: '40', ready: 740 },
  { name: 'Trường Đại học Y khoa Phạm Ngọc Thạch', au: '79', ready: 1040 },
  { name: 'Trường Cao đẳng Y tế Bạch Mai', au: '01', ready: 420, active: 60, activeIn: '01' },
  { name: 'Trường Cao đẳng Dược Trung ương Hải Dương', au: '31', ready: 380, active: 45, activeIn: '30' },
  { name: 'Trường Cao đẳng Y tế Thái Nguyên', au: '19', ready: 460 },
  { name: 'Trường Cao đẳng Y tế Bắc Ninh', au: '24', ready: 390, active: 195, activeIn: '27' },
  { name: 'Trường Cao đẳng Y tế Phú Thọ', au: '25', ready: 350 },
  { name: 'Trường Cao đẳng Y tế Hà Đông', au: '01', ready: 510, active: 64, activeIn: '01' },
  { name: 'Trường Cao đẳng Y tế Thanh Hóa', au: '38', ready: 470 },
  { name: 'Trường Cao đẳng Y tế Nghệ An', au: '40', ready: 430 },
  { name: 'Trường Cao đẳng Y tế Huế', au: '46', ready: 410 },
  { name: 'Trường Cao đẳng Y tế Quảng Nam', au: '48', ready: 300 },
  { name: 'Trường Cao đẳng Y tế Khánh Hòa', au: '56', ready: 280 },
  { name: 'Trường Cao đẳng Y tế Đồng Nai', au: '75', ready: 330 },
  { name: 'Trường Cao đẳng Y tế Đồng Tháp', au: '82', ready: 260 },
  { name: 'Trường Cao đẳng Y tế Kiên Giang', au: '91', ready: 240 },
  { name: 'Trường Cao đẳng Y tế Cà Mau', au: '96', ready: 220 },
  { name: 'Trường Cao đẳng Y tế Lạng Sơn', au: '20', ready: 250, active: 48, activeIn: '20' },
  { name: 'Trường Cao đẳng Y tế Điện Biên', au: '11', ready: 190 },
  { name: 'Trường Cao đẳng Y tế Hà Nam', au: '37', ready: 310, active: 72, activeIn: '35' },
  { name: 'Trường Cao đẳng Y tế Ninh Bình', au: '37', ready: 290 },
  { name: 'Trường Cao đẳng Y tế Quảng Ninh', au: '22', ready: 340 },
  { name: 'Trường Cao đẳng Y tế Sơn La', au: '14', ready: 210 },
];

/** The organisations of the tree (children of Bộ Y tế). */
export const demoSchoolOrgs: DemoOrg[] = demoSchools.map((s) => ({
  key: s.key,
  name: s.name,
  shortName: s.shortName,
  kind: 'training_institution',
  au: s.au,
  est: '1990-01-01',
}));

/** Wave 2 (27/5/2021): the five institutions the department agreed with, and their quotas (375 in all). */
export const wave2Quotas: [key: string, quota: number][] = [
  ['ydhp', 110],
  ['ydhct', 80],
  ['ydtb', 70],
  ['ktythd', 65],
  ['dddnd', 50],
];

/** Wave 2's needs: skill, head count, pre-2025 province code (Bắc Giang 24, Bắc Ninh 27); 375 in all. */
export const wave2Needs: [skill: string, headcount: number, oldCode: '24' | '27'][] = [
  ['sampling', 180, '24'],
  ['testing', 50, '24'],
  ['treatment_care', 60, '24'],
  ['sampling', 50, '27'],
  ['treatment_care', 35, '27'],
];

/** The four topics the department trains volunteers on (custom courses of the training catalogue). */
export const covidTopics: { code: string; nameVi: string; nameEn: string; hours: number }[] = [
  {
    code: 'COVID_TIEM_CHUNG',
    nameVi: 'Tiêm chủng và an toàn tiêm chủng',
    nameEn: 'Vaccination and vaccination safety',
    hours: 8,
  },
  { code: 'COVID_LAY_MAU', nameVi: 'Lấy mẫu, xét nghiệm', nameEn: 'Sampling and testing', hours: 8 },
  { code: 'COVID_DIEU_TRI', nameVi: 'Chăm sóc điều trị', nameEn: 'Treatment and care', hours: 8 },
  {
    code: 'COVID_PHONG_LAY_NHIEM',
    nameVi: 'Phòng lây nhiễm chéo',
    nameEn: 'Cross-infection prevention',
    hours: 4,
  },
];
