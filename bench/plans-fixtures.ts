import { type Db, rows, sql } from '../src/platform/db/database.ts';
import type { BenchUser } from './build-forest.ts';

/**
 * What the plans benchmark's data is made of: its 20 indicators, the values every measured submission
 * carries, and the part of the forest it works on (found again when an earlier run left the forest).
 */

/** What the plans part needs of the forest, whether it built it or found it from an earlier run. */
export type PlansForest = {
  root: { id: number; path: string };
  province: { id: number; path: string; name: string; orgCount: number };
  counts: { provinces: number; communes: number; grassroots: number; orgs: number };
  national: BenchUser;
  provincial: BenchUser;
};

export type Slot = { orgId: number; orgPath: string };

type IndicatorDef = {
  code: string;
  name: string;
  unit: string;
  kind: 'count' | 'sum' | 'ratio' | 'yes_no';
  num?: string;
  den?: string;
  goal?: number;
};
const count = (code: string, name: string, unit: string, goal = 100): IndicatorDef => ({
  code,
  name,
  unit,
  kind: 'count',
  goal,
});
const sum = (code: string, name: string, unit: string): IndicatorDef => ({ code, name, unit, kind: 'sum' });
const ratio = (code: string, name: string, num: string, den: string): IndicatorDef => ({
  code,
  name,
  unit: '%',
  kind: 'ratio',
  num,
  den,
});
const yesNo = (code: string, name: string): IndicatorDef => ({ code, name, unit: '', kind: 'yes_no' });

/** 8 counts, 4 sums, 4 ratios, 4 yes/no: the shapes of seeds 001 and 003. */
export const indicatorDefs: IndicatorDef[] = [
  count('KT_ATVSLD', 'Số cuộc kiểm tra, giám sát ATVSLĐ', 'cuộc'),
  count('HL_LOP', 'Số lớp huấn luyện ATVSLĐ', 'lớp'),
  count('HL_NGUOI', 'Số người được huấn luyện ATVSLĐ', 'người', 105),
  count('TNLD_VU', 'Số vụ tai nạn lao động', 'vụ'),
  count('DV_MOI', 'Số đoàn viên kết nạp mới', 'người', 105),
  count('HM_NGUOI', 'Số người hiến máu tình nguyện', 'người', 105),
  count('TT_BUOI', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi'),
  count('SK_CAITIEN', 'Số sáng kiến cải thiện điều kiện làm việc', 'sáng kiến'),
  sum('KP_ATVSLD', 'Kinh phí đầu tư cho ATVSLĐ', 'triệu đồng'),
  sum('HM_DONVI', 'Số đơn vị máu thu được', 'đơn vị'),
  sum('HT_DOANVIEN', 'Kinh phí thăm hỏi, hỗ trợ đoàn viên', 'triệu đồng'),
  sum('MAI_AM', 'Kinh phí xây dựng Mái ấm Công đoàn', 'triệu đồng'),
  ratio('TL_THAMGIA', 'Tỷ lệ đoàn viên tham gia hoạt động', 'Số đoàn viên tham gia', 'Tổng số đoàn viên'),
  ratio('TL_HIENMAU', 'Tỷ lệ đoàn viên hiến máu', 'Số đoàn viên hiến máu', 'Số đoàn viên trong độ tuổi'),
  ratio('TL_KHAMSK', 'Tỷ lệ người lao động được khám sức khỏe định kỳ', 'Số được khám', 'Tổng số lao động'),
  ratio('TL_NU', 'Tỷ lệ nữ đoàn viên được tập huấn', 'Số nữ được tập huấn', 'Tổng số nữ đoàn viên'),
  yesNo('CO_THANGHD', 'Tổ chức Tháng hành động về ATVSLĐ'),
  yesNo('CO_ATVSV', 'Có mạng lưới an toàn, vệ sinh viên'),
  yesNo('CO_DOITHOAI', 'Tổ chức đối thoại tại nơi làm việc'),
  yesNo('CO_HNNLD', 'Tổ chức Hội nghị người lao động'),
];

/** The values every submission carries, bare or through the API: the same work on both sides. */
export function submissionValues(indicators: { id: number; kind: string }[]) {
  return indicators.map((i) => ({
    indicatorId: i.id,
    value: i.kind === 'count' ? 3 : i.kind === 'sum' ? 12.5 : i.kind === 'ratio' ? 7 : 1,
    denominator: i.kind === 'ratio' ? 20 : null,
  }));
}

export const benchPassword = (username: string) => `Bench-${username}-2026`;

async function one<T>(db: Db, q: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(db, q))[0]!;
}

/** The forest of an earlier run (same users and passwords as build-forest.ts makes). */
export async function loadForest(db: Db): Promise<PlansForest> {
  const root = await one<PlansForest['root']>(
    db,
    sql`SELECT id, path::text AS path FROM organisations WHERE nlevel(path) = 1 ORDER BY id LIMIT 1`,
  );
  const province = await one<PlansForest['province']>(
    db,
    sql`SELECT p.id, p.path::text AS path, p.name,
               (SELECT count(*) FROM organisations d WHERE d.path <@ p.path)::int AS "orgCount"
        FROM role_grants g JOIN users u ON u.id = g.user_id JOIN organisations p ON p.id = g.org_id
        WHERE u.username = 'bench.province'`,
  );
  const counts = await one<PlansForest['counts']>(
    db,
    sql`SELECT count(*) FILTER (WHERE nlevel(path) = 2)::int AS provinces,
               count(*) FILTER (WHERE nlevel(path) = 3)::int AS communes,
               count(*) FILTER (WHERE nlevel(path) = 4)::int AS grassroots, count(*)::int AS orgs
        FROM organisations`,
  );
  const user = (username: string) => ({ username, password: benchPassword(username) });
  return { root, province, counts, national: user('bench.national'), provincial: user('bench.province') };
}
