import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAdminUnits } from '../src/modules/admin-units/admin-units.service.ts';
import { roleGrants, users } from '../src/modules/users/users.tables.ts';
import { hashPassword } from '../src/platform/auth/crypto.ts';
import { cliMeta } from '../src/platform/context.ts';
import { type Db, rows, sql } from '../src/platform/db/database.ts';

/**
 * Builds the synthetic union forest with set-based SQL: every level is one `INSERT … SELECT`, and each
 * row's ltree path is computed in the same statement from its parent's path and an id drawn from the
 * identity sequence, so nothing is inserted row by row and no second UPDATE pass rewrites 126,000 rows
 * (and their GiST/trigram index entries).
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const communesCsv = path.join(repoRoot, 'src/modules/admin-units/data/communes-2025.csv');

/** `provinces`: how many provincial federations (by province code order); null = all 34. */
export type ForestSize = { provinces: number | null; orgs: number; people: number };

export type BenchUser = { username: string; password: string };

export type Forest = {
  root: { id: number; path: string };
  /** The province the provincial admin holds and the subtree queries use: the one with most organisations. */
  province: { id: number; path: string; name: string; orgCount: number; peopleCount: number };
  counts: { provinces: number; communes: number; grassroots: number; orgs: number; people: number };
  buildMs: { communes: number; orgs: number; people: number; analyze: number; total: number };
  dbBytes: number;
  national: BenchUser;
  provincial: BenchUser;
};

// Draws ids from the table's own identity sequence, so later inserts by the app do not collide.
const nextId = sql.raw(`nextval(pg_get_serial_sequence('organisations', 'id'))::int`);

const orgTypes = [
  'Công ty TNHH',
  'Công ty Cổ phần',
  'Công ty TNHH MTV',
  'Công ty TNHH May mặc',
  'Trường Mầm non',
  'Trường Tiểu học',
  'Trường THCS',
  'Trạm Y tế',
  'Hợp tác xã',
  'Chi nhánh Ngân hàng',
  'Bệnh viện đa khoa',
  'Doanh nghiệp tư nhân',
];
const orgWords = [
  'Hòa Bình',
  'Minh Phát',
  'An Khang',
  'Thành Công',
  'Việt Tiến',
  'Hưng Thịnh',
  'Phú Cường',
  'Tân Tiến',
  'Đại Phát',
  'Sông Hồng',
  'Trường Sơn',
  'Hoàng Long',
  'Bình Minh',
  'Thăng Long',
  'Sao Mai',
  'Phương Nam',
  'Kim Long',
  'Đông Á',
  'Hải Âu',
  'Thiên Phúc',
];
const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const middleNames = ['Văn', 'Thị', 'Minh', 'Đức', 'Thanh', 'Ngọc', 'Hữu', 'Quang', 'Thu', 'Xuân'];
const givenNames = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Lan',
  'Linh',
];
givenNames.push(
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
);

const textArray = (xs: string[]) => sql`${`{${xs.map((x) => `"${x}"`).join(',')}}`}::text[]`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await run();
  return [out, performance.now() - t0];
}

async function insertRoot(db: Db) {
  const [root] = await rows<{ id: number; path: string }>(
    db,
    sql`INSERT INTO organisations (id, parent_id, path, name, short_name, code, kind, established_on)
        OVERRIDING SYSTEM VALUE
        SELECT s.id, NULL, s.id::text::ltree, 'Tổng Liên đoàn Lao động Việt Nam', 'TLĐLĐVN', 'TLĐ', 'union', '1929-07-28'
        FROM (SELECT ${nextId} AS id) s
        RETURNING id, path::text AS path`,
  );
  return root!;
}

async function insertProvinces(db: Db, root: { id: number; path: string }, limit: number | null) {
  await db.execute(
    sql`INSERT INTO organisations (id, parent_id, path, name, code, kind, admin_unit_code)
        OVERRIDING SYSTEM VALUE
        SELECT s.id, ${root.id}, (${root.path}::text || '.' || s.id)::ltree,
               'Liên đoàn Lao động ' || CASE WHEN s.kind = 'tinh' THEN 'tỉnh ' || s.name ELSE s.name END,
               'LĐLĐ-' || s.code, 'union', s.code
        FROM (SELECT ${nextId} AS id, a.* FROM
               (SELECT * FROM admin_units WHERE level = 'province' ORDER BY code LIMIT ${limit ?? 1000}) a) s`,
  );
}

/** One commune union per commune of the selected provinces, under its provincial federation. */
async function insertCommunes(db: Db, root: { id: number }) {
  await db.execute(
    sql`INSERT INTO organisations (id, parent_id, path, name, code, kind, admin_unit_code)
        OVERRIDING SYSTEM VALUE
        SELECT s.id, s.parent_id, (s.parent_path || '.' || s.id)::ltree,
               'Công đoàn ' || lower(left(s.name, 1)) || substr(s.name, 2), 'CĐ-' || s.code, 'union', s.code
        FROM (SELECT ${nextId} AS id, p.id AS parent_id, p.path::text AS parent_path, a.code, a.name
              FROM admin_units a JOIN organisations p ON p.admin_unit_code = a.province_code AND p.parent_id = ${root.id}
              WHERE a.level = 'commune' ORDER BY a.code) s`,
  );
}

/**
 * Grassroots unions, `total` of them, shared among communes by weight: wards (phường) and the two big
 * cities get more, as workplaces cluster there. Cumulative-weight flooring makes the counts sum exactly.
 */
async function insertGrassroots(db: Db, total: number) {
  await db.execute(
    sql`WITH c AS (
          SELECT o.id, o.path::text AS path, o.admin_unit_code AS commune,
                 (CASE a.kind WHEN 'phuong' THEN 4 WHEN 'dac_khu' THEN 1 ELSE 2 END)
                 * (CASE WHEN a.province_code IN ('01', '79') THEN 2 ELSE 1 END)
                 * (1 + abs(hashtext(a.code)) % 3) AS w
          FROM organisations o JOIN admin_units a ON a.code = o.admin_unit_code
          WHERE nlevel(o.path) = 3),
        cw AS (SELECT c.*, sum(w) OVER (ORDER BY id) AS cum, sum(w) OVER () AS tot FROM c),
        q AS (SELECT id, path, commune, (floor(${total}::numeric * cum / tot) - floor(${total}::numeric * (cum - w) / tot))::int AS n FROM cw)
        INSERT INTO organisations (id, parent_id, path, name, kind, admin_unit_code)
        OVERRIDING SYSTEM VALUE
        SELECT s.id, s.parent_id, (s.parent_path || '.' || s.id)::ltree,
               'Công đoàn cơ sở ' || (${textArray(orgTypes)})[1 + s.id % ${orgTypes.length}] || ' '
                 || (${textArray(orgWords)})[1 + (s.id / ${orgTypes.length}) % ${orgWords.length}] || ' ' || s.id,
               'union', s.commune
        FROM (SELECT ${nextId} AS id, q.id AS parent_id, q.path AS parent_path, q.commune
              FROM q CROSS JOIN LATERAL generate_series(1, q.n) g ORDER BY q.id, g) s`,
  );
}

/**
 * The bench-only people table (not product schema): it sizes the database like the real member
 * registry would and backs the "people in a province's subtree" query. Grassroots are chosen by a
 * hash of the person's number, so the spread is uneven but the same on every run.
 */
async function insertPeople(db: Db, total: number) {
  await db.execute(sql`DROP TABLE IF EXISTS bench_people`);
  await db.execute(
    sql`CREATE TABLE bench_people (id bigint PRIMARY KEY, org_id int NOT NULL, full_name text NOT NULL,
          gender text NOT NULL, birth_year int NOT NULL)`,
  );
  await db.execute(
    sql`WITH gr AS (SELECT id, (row_number() OVER (ORDER BY id))::int - 1 AS rn FROM organisations WHERE nlevel(path) = 4),
             n AS (SELECT count(*)::int AS c FROM gr)
        INSERT INTO bench_people (id, org_id, full_name, gender, birth_year)
        SELECT g, gr.id,
               (${textArray(familyNames)})[1 + g % ${familyNames.length}] || ' '
                 || (${textArray(middleNames)})[1 + (g / 7) % ${middleNames.length}] || ' '
                 || (${textArray(givenNames)})[1 + (g / 3) % ${givenNames.length}],
               CASE (g / 7) % ${middleNames.length} WHEN 0 THEN 'M' WHEN 1 THEN 'F' ELSE CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END END, 1960 + (g % 45)::int
        FROM generate_series(1, ${total}::bigint) g
        JOIN gr ON gr.rn = abs(hashint8(g)) % (SELECT c FROM n)`,
  );
  await db.execute(sql`CREATE INDEX bench_people_org_idx ON bench_people (org_id)`);
}

async function count(db: Db, where: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql.raw(`SELECT count(*)::int AS n FROM organisations WHERE ${where}`),
  );
  return r!.n;
}

/** The biggest provincial federation: the heaviest subtree is the honest one to measure. */
async function biggestProvince(db: Db) {
  const [p] = await rows<Forest['province']>(
    db,
    sql`SELECT p.id, p.path::text AS path, p.name,
               (SELECT count(*) FROM organisations d WHERE d.path <@ p.path)::int AS "orgCount",
               (SELECT count(*) FROM bench_people b JOIN organisations d ON d.id = b.org_id
                 WHERE d.path <@ p.path)::int AS "peopleCount"
        FROM organisations p WHERE nlevel(p.path) = 2
        ORDER BY (SELECT count(*) FROM organisations d WHERE d.path <@ p.path) DESC, p.id LIMIT 1`,
  );
  return p!;
}

async function insertUser(db: Db, username: string, orgId: number, role: string): Promise<BenchUser> {
  const password = `Bench-${username}-2026`;
  const passwordHash = await hashPassword(password);
  const [u] = await db
    .insert(users)
    .values({ username, fullName: `Bench ${username}`, passwordHash })
    .returning();
  await db.insert(roleGrants).values({ userId: u!.id, orgId, role });
  return { username, password };
}

export async function buildForest(db: Db, size: ForestSize): Promise<Forest> {
  const t0 = performance.now();
  const csv = await readFile(communesCsv);
  const [, communesMs] = await timed(() =>
    importAdminUnits({ db, actor: null, meta: cliMeta }, csv, path.basename(communesCsv)),
  );
  const [root, orgsMs] = await timed(async () => {
    const r = await insertRoot(db);
    await insertProvinces(db, r, size.provinces);
    await insertCommunes(db, r);
    const upper = await count(db, 'nlevel(path) <= 3');
    await insertGrassroots(db, Math.max(0, size.orgs - upper));
    return r;
  });
  const [, peopleMs] = await timed(() => insertPeople(db, size.people));
  const [, analyzeMs] = await timed(() => db.execute(sql`ANALYZE`));
  const counts = {
    provinces: await count(db, 'nlevel(path) = 2'),
    communes: await count(db, 'nlevel(path) = 3'),
    grassroots: await count(db, 'nlevel(path) = 4'),
    orgs: await count(db, 'true'),
    people: (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bench_people`))[0]!.n,
  };
  const province = await biggestProvince(db);
  const [sz] = await rows<{ n: string }>(db, sql`SELECT pg_database_size(current_database())::text AS n`);
  return {
    root,
    province,
    counts,
    buildMs: {
      communes: communesMs,
      orgs: orgsMs,
      people: peopleMs,
      analyze: analyzeMs,
      total: performance.now() - t0,
    },
    dbBytes: Number(sz!.n),
    national: await insertUser(db, 'bench.national', root.id, 'system_admin'),
    provincial: await insertUser(db, 'bench.province', province.id, 'org_admin'),
  };
}
