import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/platform/db/database.ts';

/**
 * Arrange-step rows for certificate tests, inserted directly (people, a class with sessions, enrolments
 * with outcomes): the behaviour under test is issuing, printing and verifying, not enrolment.
 */

export type Learner = {
  name: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  cccd?: string | null;
  phone?: string | null;
  outcome?: 'pass' | 'fail' | 'no_show' | 'left_early' | null;
  status?: 'enrolled' | 'waitlisted' | 'cancelled';
  theory?: number | null;
  practice?: number | null;
};

let n = 0;
const uniqueCccd = () => `0${String(Date.now() % 1e8).padStart(8, '0')}${String(++n).padStart(3, '0')}`;

export async function courseId(db: Db, code: string): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`SELECT id FROM course_types WHERE code = ${code}`);
  return row!.id;
}

export async function buildClass(
  db: Db,
  opts: {
    provider: { id: number; path: string };
    course: string;
    learners: Learner[];
    code?: string;
    /** Session days (YYYY-MM-DD), 08:00–12:00 Vietnam time each. */
    days?: string[];
    status?: string;
  },
) {
  const code = opts.code ?? `L${Date.now().toString(36)}${++n}`;
  const [k] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO training_classes (code, provider_org_id, provider_path, course_type_id, title, capacity, status)
        VALUES (${code}, ${opts.provider.id}, ${opts.provider.path}::ltree, ${await courseId(db, opts.course)},
                ${`Lớp ${code}`}, ${Math.max(30, opts.learners.length)}, ${opts.status ?? 'completed'})
        RETURNING id`,
  );
  for (const day of opts.days ?? ['2026-04-20', '2026-04-21'])
    await db.execute(
      sql`INSERT INTO class_sessions (class_id, starts_at, ends_at, hours)
          VALUES (${k!.id}, ${`${day}T08:00:00+07:00`}::timestamptz, ${`${day}T12:00:00+07:00`}::timestamptz, 4)`,
    );
  const people: { personId: number; enrolmentId: number; learner: Learner }[] = [];
  for (const l of opts.learners) {
    const [p] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO people (full_name, birth_date, sex, cccd, phone, org_id, org_path)
          VALUES (${l.name}, ${l.birthDate === undefined ? '1990-03-15' : l.birthDate}::date, ${l.sex ?? null},
                  ${l.cccd === undefined ? uniqueCccd() : l.cccd}, ${l.phone ?? null}, ${opts.provider.id},
                  ${opts.provider.path}::ltree)
          RETURNING id`,
    );
    const [e] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO enrolments (class_id, person_id, status, outcome, theory_score, practice_score)
          VALUES (${k!.id}, ${p!.id}, ${l.status ?? 'enrolled'}, ${l.outcome === undefined ? 'pass' : l.outcome},
                  ${l.theory ?? null}, ${l.practice ?? null})
          RETURNING id`,
    );
    people.push({ personId: p!.id, enrolmentId: e!.id, learner: l });
  }
  return { id: k!.id, code, people };
}

/** Thirty workers of an enterprise in a Bắc Ninh industrial park (seed 000), all passed. */
export function thirtyWorkers(): Learner[] {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const given = ['Thị Hương', 'Văn Đức', 'Thị Ngọc Ánh', 'Quang Huy', 'Thị Thuỷ', 'Minh Tuấn'];
  return Array.from({ length: 30 }, (_, i) => ({
    name: `${family[i % family.length]} ${given[i % given.length]}`,
    birthDate: `199${i % 10}-0${(i % 9) + 1}-1${i % 10}`,
    sex: i % 2 ? ('male' as const) : ('female' as const),
    theory: 7 + (i % 3),
    practice: 8,
  }));
}
