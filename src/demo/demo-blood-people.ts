/**
 * Seed 001's people, as data: the Điện Biên grassroots unions whose members give blood (April 2021) and the named
 * donors of the scenario. demo-blood-donors.ts turns them into records.
 */

/**
 * A grassroots union: generated donors (members on the province's donor list), how many of them came on 7/4/2021, to
 * which drive (1–5 as in demo-blood.ts, one per union of the federation), and its headcount at the start of 2021.
 * Sized so each union's April report is what its records say (demo-plans.ts files them from the records): the
 * health and education unions pass their quotas, the others fall short, and the share of members who gave blood is
 * about a third where the drive was big.
 */
export const donorUnits: {
  name: string;
  donors: number;
  came: number;
  drive: 1 | 2 | 3 | 4 | 5;
  members: number;
}[] = [
  {
    name: 'Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Điện Biên',
    donors: 380,
    came: 255,
    drive: 1,
    members: 700,
  },
  {
    name: 'Công đoàn cơ sở Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên',
    donors: 110,
    came: 75,
    drive: 1,
    members: 250,
  },
  { name: 'Công đoàn cơ sở Trường THPT chuyên Lê Quý Đôn', donors: 250, came: 150, drive: 2, members: 600 },
  { name: 'Công đoàn cơ sở Trường Cao đẳng Y tế Điện Biên', donors: 300, came: 140, drive: 2, members: 700 },
  { name: 'Công đoàn cơ sở Trường THPT Tuần Giáo', donors: 80, came: 48, drive: 3, members: 180 },
  { name: 'Công đoàn cơ sở Trung tâm Y tế huyện Tuần Giáo', donors: 110, came: 62, drive: 3, members: 260 },
  { name: 'Công đoàn cơ sở Văn phòng UBND tỉnh Điện Biên', donors: 120, came: 78, drive: 4, members: 300 },
  { name: 'Công đoàn cơ sở Công ty Điện lực Điện Biên', donors: 200, came: 128, drive: 5, members: 420 },
];
export const unitIndex = (prefix: string) => 1 + donorUnits.findIndex((u) => u.name.includes(prefix));

/** 7/4/2021: booked in a slot (1–4) or walked in, and what happened. */
type Day = {
  lane: 'booked' | 'walk_in';
  slot?: number;
  outcome: 'donated' | 'low_weight' | 'interval' | 'no_show';
};

/** The named donors of the scenario (prior donations before 7/4/2021, the latest on `last`, every `gap` days). */
export type NamedDonor = {
  tag: string;
  name: string;
  female: boolean;
  birth: string;
  unit: string;
  kg: number;
  abo: 'O' | 'A' | 'B' | 'AB';
  rh: 'pos' | 'neg';
  prior: number;
  last?: string;
  gap?: number;
  day?: Day;
};

export const namedDonors: NamedDonor[] = [
  // Reaches 20 on 7/4/2021: the honour candidate, and the demo's donor account (nguoihien.dienbien).
  {
    tag: 'chien',
    name: 'Lường Văn Chiến',
    female: false,
    birth: '1975-08-12',
    unit: 'Bệnh viện',
    kg: 62,
    abo: 'O',
    rh: 'pos',
    prior: 19,
    last: '2020-12-10',
    gap: 120,
    day: { lane: 'booked', slot: 1, outcome: 'donated' },
  },
  // His family (a family club): wife and son.
  {
    tag: 'men',
    name: 'Quàng Thị Mến',
    female: true,
    birth: '1978-03-02',
    unit: 'Kiểm soát',
    kg: 52,
    abo: 'A',
    rh: 'pos',
    prior: 11,
    last: '2021-01-05',
    gap: 150,
    day: { lane: 'booked', slot: 1, outcome: 'donated' },
  },
  {
    tag: 'tuan',
    name: 'Lường Văn Tuấn',
    female: false,
    birth: '1999-05-20',
    unit: 'Điện lực',
    kg: 58,
    abo: 'O',
    rh: 'pos',
    prior: 2,
    last: '2020-11-20',
    gap: 150,
    day: { lane: 'walk_in', outcome: 'donated' },
  },
  // Deferred on 7/4: under the weight limit; too soon after a donation in February; and one no-show.
  {
    tag: 'anh',
    name: 'Tòng Thị Ánh',
    female: true,
    birth: '1998-09-14',
    unit: 'Cao đẳng',
    kg: 41,
    abo: 'B',
    rh: 'pos',
    prior: 0,
    day: { lane: 'booked', slot: 2, outcome: 'low_weight' },
  },
  {
    tag: 'hai',
    name: 'Lò Văn Hải',
    female: false,
    birth: '1986-01-23',
    unit: 'Lê Quý Đôn',
    kg: 60,
    abo: 'O',
    rh: 'pos',
    prior: 6,
    last: '2021-02-20',
    gap: 140,
    day: { lane: 'walk_in', outcome: 'interval' },
  },
  {
    tag: 'hang',
    name: 'Vì Thị Hằng',
    female: true,
    birth: '1990-07-07',
    unit: 'Y tế huyện',
    kg: 50,
    abo: 'A',
    rh: 'pos',
    prior: 4,
    last: '2021-02-25',
    gap: 130,
    day: { lane: 'booked', slot: 2, outcome: 'interval' },
  },
  {
    tag: 'dung',
    name: 'Cà Văn Dũng',
    female: false,
    birth: '1983-11-30',
    unit: 'Văn phòng',
    kg: 65,
    abo: 'B',
    rh: 'pos',
    prior: 3,
    last: '2020-10-15',
    gap: 150,
    day: { lane: 'booked', slot: 3, outcome: 'no_show' },
  },
  // Long-standing donors, already honoured at the levels they reached (so only Chiến is a new candidate).
  {
    tag: 'thinh',
    name: 'Nguyễn Đức Thịnh',
    female: false,
    birth: '1968-04-10',
    unit: 'Bệnh viện',
    kg: 68,
    abo: 'O',
    rh: 'pos',
    prior: 33,
    last: '2021-01-10',
    gap: 100,
    day: { lane: 'booked', slot: 2, outcome: 'donated' },
  },
  {
    tag: 'lananh',
    name: 'Phạm Thị Lan Anh',
    female: true,
    birth: '1972-06-18',
    unit: 'Lê Quý Đôn',
    kg: 55,
    abo: 'A',
    rh: 'pos',
    prior: 24,
    last: '2020-12-20',
    gap: 110,
  },
  {
    tag: 'suong',
    name: 'Lò Văn Sướng',
    female: false,
    birth: '1965-02-14',
    unit: 'Y tế huyện',
    kg: 63,
    abo: 'B',
    rh: 'pos',
    prior: 41,
    last: '2021-01-01',
    gap: 91,
    day: { lane: 'walk_in', outcome: 'donated' },
  },
  // O Rh−: the rare-blood club, who answer the hospital's call-out in May.
  {
    tag: 'thiem',
    name: 'Quàng Văn Thiêm',
    female: false,
    birth: '1984-10-05',
    unit: 'Bệnh viện',
    kg: 66,
    abo: 'O',
    rh: 'neg',
    prior: 8,
    last: '2020-12-01',
    gap: 150,
  },
  {
    tag: 'yen',
    name: 'Lò Thị Yến',
    female: true,
    birth: '1991-12-12',
    unit: 'Cao đẳng',
    kg: 50,
    abo: 'O',
    rh: 'neg',
    prior: 3,
    last: '2020-09-10',
    gap: 160,
  },
  {
    tag: 'toi',
    name: 'Điêu Chính Tơi',
    female: false,
    birth: '1979-03-27',
    unit: 'Điện lực',
    kg: 70,
    abo: 'O',
    rh: 'neg',
    prior: 10,
    last: '2020-11-11',
    gap: 140,
  },
  {
    tag: 'phuong',
    name: 'Cầm Thị Phương',
    female: true,
    birth: '1988-08-08',
    unit: 'Văn phòng',
    kg: 53,
    abo: 'O',
    rh: 'neg',
    prior: 5,
    last: '2020-10-02',
    gap: 150,
  },
  {
    tag: 'la',
    name: 'Tòng Văn Lả',
    female: false,
    birth: '1993-01-19',
    unit: 'THPT Tuần Giáo',
    kg: 58,
    abo: 'O',
    rh: 'neg',
    prior: 2,
    last: '2020-06-15',
    gap: 150,
  },
  {
    tag: 'nga',
    name: 'Hoàng Thị Nga',
    female: true,
    birth: '1980-05-25',
    unit: 'Y tế huyện',
    kg: 49,
    abo: 'O',
    rh: 'neg',
    prior: 7,
    last: '2021-01-20',
    gap: 160,
  },
];
