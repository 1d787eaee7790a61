import type { OrgKind } from '../contracts/orgs.ts';
import { demoSchoolOrgs } from './demo-volunteers-orgs.ts';

/** Vietnamese demo data: organisations of Bắc Ninh (which absorbed Bắc Giang in 2025) and Điện Biên. */
export type DemoOrg = {
  key?: string;
  name: string;
  shortName?: string;
  code?: string;
  kind: OrgKind;
  /** Its administrative unit: a province or commune code of the official 2025 list (loaded with the demo). */
  au?: string;
  est?: string;
  address?: string;
  phone?: string;
  children?: DemoOrg[];
};

const cdcs = (name: string, au?: string): DemoOrg => ({ name: `Công đoàn cơ sở ${name}`, kind: 'union', au });

export const demoForest: DemoOrg[] = [
  {
    key: 'ctd_tw',
    name: 'Trung ương Hội Chữ thập đỏ Việt Nam',
    shortName: 'TW Hội CTĐ',
    code: 'CTD-TW',
    kind: 'red_cross',
    address: '82 Nguyễn Du, Hà Nội',
    children: [
      {
        key: 'ttdvnd',
        name: 'Trung tâm Dịch vụ Nhân đạo',
        shortName: 'TTDVNĐ',
        kind: 'service_centre',
        au: '01',
        address: '82 Nguyễn Du, Hà Nội',
      },
      {
        key: 'ctd_bn',
        name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh',
        shortName: 'Hội CTĐ Bắc Ninh',
        code: 'CTD-24',
        kind: 'red_cross',
        au: '24',
        phone: '0222 3822 468',
        children: [
          { name: 'Hội Chữ thập đỏ phường Kinh Bắc', kind: 'red_cross', au: '09187' },
          { name: 'Hội Chữ thập đỏ phường Từ Sơn', kind: 'red_cross', au: '09367' },
          { name: 'Hội Chữ thập đỏ phường Bắc Giang', kind: 'red_cross', au: '07210', est: '2025-07-01' },
        ],
      },
      {
        key: 'ctd_bg',
        name: 'Hội Chữ thập đỏ tỉnh Bắc Giang',
        code: 'CTD-BG-CU',
        kind: 'red_cross',
        children: [
          { name: 'Hội Chữ thập đỏ phường Nếnh', kind: 'red_cross', au: '07795' },
          { name: 'Hội Chữ thập đỏ phường Việt Yên', kind: 'red_cross', au: '07777' },
        ],
      },
      {
        key: 'ctd_db',
        name: 'Hội Chữ thập đỏ tỉnh Điện Biên',
        shortName: 'Hội CTĐ Điện Biên',
        code: 'CTD-11',
        kind: 'red_cross',
        au: '11',
        children: [
          { name: 'Hội Chữ thập đỏ phường Điện Biên Phủ', kind: 'red_cross', au: '03127' },
          { name: 'Hội Chữ thập đỏ phường Mường Thanh', kind: 'red_cross', au: '03334' },
          { name: 'Hội Chữ thập đỏ xã Tuần Giáo', kind: 'red_cross', au: '03253' },
        ],
      },
    ],
  },
  {
    key: 'tld',
    name: 'Tổng Liên đoàn Lao động Việt Nam',
    shortName: 'Tổng LĐLĐ VN',
    code: 'TLD',
    kind: 'union',
    address: '82 Trần Hưng Đạo, Hà Nội',
    children: [
      {
        key: 'ldld_db',
        name: 'Liên đoàn Lao động tỉnh Điện Biên',
        shortName: 'LĐLĐ Điện Biên',
        code: 'LDLD-11',
        kind: 'union',
        au: '11',
        children: [
          {
            key: 'cd_yte_db',
            name: 'Công đoàn ngành Y tế tỉnh Điện Biên',
            kind: 'union',
            children: [
              cdcs('Bệnh viện Đa khoa tỉnh Điện Biên', '03334'),
              cdcs('Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên', '03127'),
            ],
          },
          {
            name: 'Công đoàn ngành Giáo dục tỉnh Điện Biên',
            kind: 'union',
            children: [
              cdcs('Trường THPT chuyên Lê Quý Đôn', '03127'),
              cdcs('Trường Cao đẳng Y tế Điện Biên', '03334'),
            ],
          },
          {
            name: 'Công đoàn Viên chức tỉnh Điện Biên',
            kind: 'union',
            children: [cdcs('Văn phòng UBND tỉnh Điện Biên')],
          },
          {
            key: 'cd_dbp',
            name: 'Công đoàn phường Điện Biên Phủ',
            kind: 'union',
            au: '03127',
            est: '2025-07-01',
            children: [cdcs('Công ty Cổ phần Cấp nước Điện Biên', '03127')],
          },
          {
            name: 'Công đoàn phường Mường Thanh',
            kind: 'union',
            au: '03334',
            est: '2025-07-01',
            children: [cdcs('Công ty Cổ phần Môi trường và Đô thị Điện Biên', '03334')],
          },
          { key: 'cd_tg', name: 'Công đoàn xã Tuần Giáo', kind: 'union', au: '03253', est: '2025-07-01' },
          {
            key: 'ldld_tg',
            name: 'Liên đoàn Lao động huyện Tuần Giáo',
            kind: 'union',
            est: '2004-01-01',
            children: [
              cdcs('Trường THPT Tuần Giáo', '03253'),
              cdcs('Trung tâm Y tế huyện Tuần Giáo', '03253'),
            ],
          },
          {
            key: 'ldld_tp_dbp',
            name: 'Liên đoàn Lao động thành phố Điện Biên Phủ',
            kind: 'union',
            est: '2004-01-01',
            children: [cdcs('Công ty Điện lực Điện Biên', '03127')],
          },
        ],
      },
      {
        key: 'ldld_bn',
        name: 'Liên đoàn Lao động tỉnh Bắc Ninh',
        shortName: 'LĐLĐ Bắc Ninh',
        code: 'LDLD-24',
        kind: 'union',
        au: '24',
        children: [
          {
            key: 'cd_kcn_bn',
            name: 'Công đoàn các Khu công nghiệp tỉnh Bắc Ninh',
            shortName: 'Công đoàn KCN Bắc Ninh',
            kind: 'union',
            children: [
              cdcs('Công ty TNHH Điện tử Quế Võ', '09247'),
              cdcs('Công ty TNHH Linh kiện Từ Sơn', '09367'),
            ],
          },
          {
            name: 'Công đoàn ngành Y tế tỉnh Bắc Ninh',
            kind: 'union',
            children: [cdcs('Bệnh viện Đa khoa tỉnh Bắc Ninh', '09187')],
          },
          { name: 'Công đoàn phường Kinh Bắc', kind: 'union', au: '09187', est: '2025-07-01' },
        ],
      },
      {
        key: 'ldld_bg',
        name: 'Liên đoàn Lao động tỉnh Bắc Giang',
        code: 'LDLD-BG-CU',
        kind: 'union',
        est: '1997-01-01',
        children: [
          {
            name: 'Công đoàn các Khu công nghiệp tỉnh Bắc Giang',
            kind: 'union',
            children: [
              cdcs('Công ty TNHH May mặc Nếnh', '07795'),
              cdcs('Công ty Cổ phần Cơ khí Việt Yên', '07777'),
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'byt',
    name: 'Bộ Y tế',
    code: 'BYT',
    kind: 'health',
    children: [
      { key: 'cuc_khcndt', name: 'Cục Khoa học công nghệ và Đào tạo', kind: 'health', au: '01' },
      {
        name: 'Sở Y tế tỉnh Bắc Ninh',
        code: 'SYT-24',
        kind: 'health',
        au: '24',
        children: [
          {
            name: 'Trung tâm Kiểm soát bệnh tật tỉnh Bắc Ninh',
            shortName: 'CDC Bắc Ninh',
            kind: 'health',
            au: '24',
          },
        ],
      },
      {
        name: 'Sở Y tế tỉnh Điện Biên',
        code: 'SYT-11',
        kind: 'health',
        au: '11',
        children: [
          {
            name: 'Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên',
            shortName: 'CDC Điện Biên',
            kind: 'health',
            au: '11',
          },
          // Seed 001: the province's blood establishment (receives the drives' blood, asks for rare groups).
          {
            key: 'bv_db',
            name: 'Bệnh viện Đa khoa tỉnh Điện Biên',
            shortName: 'BVĐK tỉnh Điện Biên',
            kind: 'health',
            au: '03334',
            address: 'Tổ dân phố 2, phường Mường Thanh, tỉnh Điện Biên',
          },
        ],
      },
      // Seed 004: the 34 medical training institutions (src/demo/demo-volunteers-orgs.ts).
      ...demoSchoolOrgs,
    ],
  },
  {
    key: 'ubnd_bn',
    name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    code: 'UBND-24',
    kind: 'government',
    au: '24',
    children: [
      { key: 'snv_bn', name: 'Sở Nội vụ tỉnh Bắc Ninh', kind: 'government', au: '24' },
      {
        key: 'sldtbxh_bn',
        name: 'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh',
        kind: 'government',
        est: '1997-01-01',
      },
      { key: 'skhcn_bn', name: 'Sở Khoa học và Công nghệ tỉnh Bắc Ninh', kind: 'government', au: '24' },
      {
        key: 'stttt_bn',
        name: 'Sở Thông tin và Truyền thông tỉnh Bắc Ninh',
        kind: 'government',
        est: '2008-01-01',
      },
      {
        name: 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh',
        shortName: 'BQL KCN Bắc Ninh',
        kind: 'industrial_park_board',
        au: '24',
        children: [
          {
            key: 'cty_quevo',
            name: 'Công ty TNHH Điện tử Quế Võ',
            kind: 'enterprise',
            au: '09247',
            code: '2300123456',
            address: 'KCN Quế Võ, phường Quế Võ, tỉnh Bắc Ninh',
          },
          { name: 'Công ty TNHH Linh kiện Từ Sơn', kind: 'enterprise', au: '09367', code: '2300654321' },
          { name: 'Công ty TNHH May mặc Nếnh', kind: 'enterprise', au: '07795', code: '2400111222' },
        ],
      },
    ],
  },
  {
    key: 'ubnd_db',
    name: 'Ủy ban nhân dân tỉnh Điện Biên',
    code: 'UBND-11',
    kind: 'government',
    au: '11',
    children: [{ name: 'Sở Nội vụ tỉnh Điện Biên', kind: 'government', au: '11' }],
  },
];

/** The 2025 reform as it happened to the demo organisations: [merged, into, date]. */
export const demoMerges: [string, string, string][] = [
  ['sldtbxh_bn', 'snv_bn', '2025-03-01'],
  ['stttt_bn', 'skhcn_bn', '2025-03-01'],
  ['ldld_tg', 'cd_tg', '2025-07-01'],
  ['ldld_tp_dbp', 'cd_dbp', '2025-07-01'],
  ['ldld_bg', 'ldld_bn', '2025-07-01'],
  ['ctd_bg', 'ctd_bn', '2025-07-01'],
];

export const DEMO_PASSWORD = 'ChungTay@2026';

export const demoUsers: { username: string; fullName: string; grants: [string, string][] }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', grants: [['tld', 'system_admin']] },
  { username: 'ctd.bacninh', fullName: 'Nguyễn Thị Lan', grants: [['ctd_bn', 'org_admin']] },
  { username: 'ldld.bacninh', fullName: 'Trần Văn Hải', grants: [['ldld_bn', 'org_admin']] },
  { username: 'ldld.dienbien', fullName: 'Lò Văn Hùng', grants: [['ldld_db', 'org_admin']] },
  { username: 'nhaplieu.kcn', fullName: 'Phạm Minh Đức', grants: [['cd_kcn_bn', 'data_entry']] },
  { username: 'nhaplieu.ytedb', fullName: 'Lường Thị Hoa', grants: [['cd_yte_db', 'data_entry']] },
  { username: 'ttdvnd', fullName: 'Đào Thị Thu Trang', grants: [['ttdvnd', 'training_manager']] },
  { username: 'nhansu.quevo', fullName: 'Hoàng Thị Hạnh', grants: [['cty_quevo', 'data_entry']] },
  {
    username: 'xem.dienbien',
    fullName: 'Quàng Thị Mai',
    grants: [
      ['ldld_db', 'viewer'],
      ['ctd_db', 'viewer'],
    ],
  },
  // Seed 004: the department's officer (all 34 institutions), a school's volunteer officer, and a student
  // volunteer of that school (no grants: users.person_id is set by the volunteers' seed).
  { username: 'cuc.khcndt', fullName: 'Nguyễn Thị Thanh Hương', grants: [['byt', 'mobilisation_officer']] },
  { username: 'tnv.ydhp', fullName: 'Vũ Đức Thắng', grants: [['ydhp', 'volunteer_officer']] },
  { username: 'sv.ydhp', fullName: 'Đỗ Thị Hồng Nhung', grants: [] },
  // Seed 001: the Điện Biên Red Cross's blood desk (donors, health data) who also staffs the check-in desk of the
  // province's union drives (a drive is seen by its organiser's tree: hence the desk grant on the federation), and a
  // donor of the provincial hospital's union who reached 20 donations on 7/4/2021 (users.person_id set by
  // demo-blood.ts).
  {
    username: 'hienmau.dienbien',
    fullName: 'Tòng Thị Thu Hà',
    grants: [
      ['ctd_db', 'blood_desk'],
      ['ldld_db', 'blood_desk'],
    ],
  },
  { username: 'nguoihien.dienbien', fullName: 'Lường Văn Chiến', grants: [] },
  // The health union's officer who organises its drives (bookings, the funnel, the report; no health data).
  { username: 'hienmau.ytedb', fullName: 'Điêu Thị Ngọc', grants: [['cd_yte_db', 'blood_organiser']] },
  // The provincial hospital's haematology officer: asks for rare groups (call-outs) and follows the replies —
  // counts and numbered donors, never a name or a phone number.
  { username: 'huyethoc.bvdk', fullName: 'Lò Văn Hưng', grants: [['bv_db', 'blood_organiser']] },
];
