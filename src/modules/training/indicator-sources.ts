import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import type { IndicatorSource, SourceQuery } from '../../platform/indicators.ts';

/**
 * Training figures for the reporting engine (plans): a plan indicator naming one of these keys opens each
 * unit's report form with the value computed from training records for the period.
 *
 * Two trees, two questions:
 * - `training.learners_*` count by the **provider's** tree — what a Red Cross branch or service centre trained
 *   (a provincial Red Cross reporting its branches' first-aid classes);
 * - `training.workers_*` count by the **employer's** tree — workers of the enterprises under the reporting unit
 *   who were trained, whoever ran the class (an industrial-park board or the labour department reporting the
 *   OSH programme).
 * A learner is trained in a period when the class's last session ends in it and the learner has a result
 * (passed or failed; absences are not training); certified when a certificate was first issued in it (a
 * reissue is not a new certificate, a revoked one does not count). `.<family>` keys restrict to one course
 * family (Red Cross first aid, workplace first aid TT 19/2016, OSH NĐ 44/2016).
 */

const families = {
  red_cross_first_aid: ['sơ cấp cứu Chữ thập đỏ', 'Red Cross first aid'],
  workplace_first_aid: ['sơ cứu tại nơi làm việc (TT 19/2016)', 'workplace first aid (TT 19/2016)'],
  osh: ['huấn luyện ATVSLĐ (NĐ 44/2016)', 'OSH training (NĐ 44/2016)'],
} as const;
type Family = keyof typeof families;
type Tree = 'provider' | 'employer';

const vnDate = (col: SQL) => sql`(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** Where the records belong: the class's provider, or the learner's employer, under the unit's subtree. */
function treeSql(tree: Tree, q: SourceQuery): SQL {
  return tree === 'provider'
    ? sql`k.provider_path <@ ${q.orgPath}::ltree`
    : sql`EXISTS (SELECT 1 FROM organisations emp WHERE emp.id = p.employer_org_id AND emp.path <@ ${q.orgPath}::ltree)`;
}
const familySql = (family?: Family) => (family ? sql`AND ct.family = ${family}` : sql``);

async function trained(db: Db | Tx, tree: Tree, q: SourceQuery, family?: Family) {
  const [r] = await rows<{ trained: number; passed: number }>(
    db,
    sql`SELECT count(*)::int AS trained, count(*) FILTER (WHERE e.outcome = 'pass')::int AS passed
        FROM enrolments e JOIN training_classes k ON k.id = e.class_id JOIN people p ON p.id = e.person_id
        JOIN course_types ct ON ct.id = k.course_type_id
        WHERE e.status = 'enrolled' AND e.outcome IN ('pass', 'fail') AND k.status <> 'cancelled'
          AND ${treeSql(tree, q)} ${familySql(family)}
          AND (SELECT ${vnDate(sql`max(s.ends_at)`)} FROM class_sessions s WHERE s.class_id = k.id)
              BETWEEN ${q.start}::date AND ${q.end}::date`,
  );
  return r ?? { trained: 0, passed: 0 };
}

async function certified(db: Db | Tx, tree: Tree, q: SourceQuery, family?: Family) {
  const where =
    tree === 'provider'
      ? sql`ce.issuer_path <@ ${q.orgPath}::ltree`
      : sql`EXISTS (SELECT 1 FROM organisations emp WHERE emp.id = p.employer_org_id AND emp.path <@ ${q.orgPath}::ltree)`;
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM certificates ce JOIN people p ON p.id = ce.person_id
        JOIN course_types ct ON ct.id = ce.course_type_id
        WHERE ce.replaces_id IS NULL AND ce.status <> 'revoked' AND ${where} ${familySql(family)}
          AND ce.issued_on BETWEEN ${q.start}::date AND ${q.end}::date`,
  );
  return r?.n ?? 0;
}

const treeWords: Record<Tree, [string, string]> = {
  provider: ['do đơn vị và các đơn vị trực thuộc tổ chức', 'in classes run by the unit and its subtree'],
  employer: ['là người lao động của các doanh nghiệp thuộc đơn vị', 'working for employers under the unit'],
};
const noun: Record<Tree, string> = { provider: 'learners', employer: 'workers' };
const nounVi: Record<Tree, string> = { provider: 'Số học viên', employer: 'Số người lao động' };

/** The training module's sources, listed in its manifest. */
export const trainingIndicatorSources: IndicatorSource[] = [];
for (const tree of ['provider', 'employer'] as const) {
  for (const family of [undefined, ...(Object.keys(families) as Family[])]) {
    const suffix = family ? `.${family}` : '';
    const fVi = family ? ` – ${families[family][0]}` : '';
    const fEn = family ? ` – ${families[family][1]}` : '';
    trainingIndicatorSources.push({
      key: `training.${noun[tree]}_trained${suffix}`,
      nameVi: `${nounVi[tree]} được huấn luyện trong kỳ${fVi} (${treeWords[tree][0]})`,
      nameEn: `${tree === 'provider' ? 'Learners' : 'Workers'} trained in the period${fEn} (${treeWords[tree][1]})`,
      kinds: ['count', 'sum'],
      compute: async (db, q) => ({ value: (await trained(db, tree, q, family)).trained }),
    });
    trainingIndicatorSources.push({
      key: `training.${noun[tree]}_certified${suffix}`,
      nameVi: `${nounVi[tree]} được cấp giấy chứng nhận trong kỳ${fVi} (${treeWords[tree][0]})`,
      nameEn: `${tree === 'provider' ? 'Learners' : 'Workers'} certified in the period${fEn} (${treeWords[tree][1]})`,
      kinds: ['count', 'sum'],
      compute: async (db, q) => ({ value: await certified(db, tree, q, family) }),
    });
  }
  trainingIndicatorSources.push({
    key: `training.${noun[tree]}_pass_rate`,
    nameVi: `Tỷ lệ đạt: số đạt / số được huấn luyện trong kỳ (${treeWords[tree][0]})`,
    nameEn: `Pass rate: passed / trained in the period (${treeWords[tree][1]})`,
    kinds: ['ratio'],
    compute: async (db, q) => {
      const r = await trained(db, tree, q);
      return { value: r.passed, denominator: r.trained };
    },
  });
}
