import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import type { IndicatorSource, SourceQuery } from '../../platform/indicators.ts';

/**
 * Blood-donation figures for the reporting engine (seed 001's targets: ≥ 30 % of members donate, ≥ 105 % of the
 * quota, drives held). Two trees, as in training:
 * - by the donor's **membership** (`member_of_path`, copied on each donation when it is recorded, so a union's
 *   figures do not move when the donor later changes job): who of the unit's members gave blood;
 * - by the **organiser** (`organiser_path`): what the unit's drives collected, whoever the donors are.
 * A unit is a donation with outcome 'donated' in the period (a deferral or an adverse event is not a unit).
 */

const inPeriod = (q: SourceQuery) => sql`d.donated_on BETWEEN ${q.start}::date AND ${q.end}::date`;
const donated = sql`d.outcome = 'donated'`;

/**
 * Members of the unit's subtree who gave blood in the period, split by sex with the category codes plan indicators
 * use for it (`NAM`/`NU`, see contracts/plans/indicators.ts) — the split is left out when someone's sex is not
 * recorded, since it would not add up to the total.
 */
async function membersWhoDonated(db: Db | Tx, q: SourceQuery) {
  const [r] = await rows<{ n: number; men: number; women: number }>(
    db,
    sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE p.sex = 'male')::int AS men,
               count(*) FILTER (WHERE p.sex = 'female')::int AS women
        FROM (SELECT DISTINCT d.person_id FROM blood_donations d
              WHERE ${donated} AND ${inPeriod(q)} AND d.member_of_path <@ ${q.orgPath}::ltree) x
        JOIN people p ON p.id = x.person_id`,
  );
  const { n = 0, men = 0, women = 0 } = r ?? {};
  return {
    value: n,
    breakdown:
      n > 0 && men + women === n
        ? [
            { category: 'NAM', value: men },
            { category: 'NU', value: women },
          ]
        : undefined,
  };
}

async function unitsBy(db: Db | Tx, q: SourceQuery, column: 'member_of_path' | 'organiser_path') {
  const got = await rows<{ kind: string; n: number }>(
    db,
    sql`SELECT d.kind, count(*)::int AS n FROM blood_donations d
        WHERE ${donated} AND ${inPeriod(q)} AND ${sql.identifier(column)} <@ ${q.orgPath}::ltree
        GROUP BY d.kind ORDER BY d.kind`,
  );
  return {
    value: got.reduce((s, r) => s + r.n, 0),
    breakdown: got.map((r) => ({ category: r.kind, value: r.n })),
  };
}

/**
 * The unit's member count as of the period's last day: its own latest declared headcount (`workforce_counts`,
 * the training module's dated figures, as of the end), or — when it declared none — the sum of the latest of
 * each unit below it. Null when nobody declared one: a share without a denominator is not computed.
 */
async function memberCount(db: Db | Tx, q: SourceQuery): Promise<number | null> {
  const [r] = await rows<{ own: number | null; below: number | null }>(
    db,
    sql`WITH latest AS (
          SELECT DISTINCT ON (w.org_id) w.org_id, w.org_path, w.workers FROM workforce_counts w
          WHERE w.org_path <@ ${q.orgPath}::ltree AND w.as_of <= ${q.end}::date
          ORDER BY w.org_id, w.as_of DESC)
        SELECT (SELECT workers FROM latest WHERE org_id = ${q.orgId})::int AS own,
               (SELECT sum(workers) FROM latest WHERE org_id <> ${q.orgId})::int AS below`,
  );
  return r?.own ?? r?.below ?? null;
}

/** The blood module's sources, listed in its manifest. */
export const bloodIndicatorSources: IndicatorSource[] = [
  {
    key: 'blood.donors',
    nameVi: 'Số người hiến máu trong kỳ (đoàn viên, người lao động thuộc đơn vị và các đơn vị trực thuộc)',
    nameEn: 'Donors who gave blood in the period (members of the unit and its subtree)',
    kinds: ['count', 'sum'],
    compute: (db, q) => membersWhoDonated(db, q),
  },
  {
    key: 'blood.units',
    nameVi: 'Số đơn vị máu thu được trong kỳ (người hiến là đoàn viên của đơn vị và các đơn vị trực thuộc)',
    nameEn: 'Units collected in the period (donors who are members of the unit and its subtree), by kind',
    kinds: ['count', 'sum'],
    compute: (db, q) => unitsBy(db, q, 'member_of_path'),
  },
  {
    key: 'blood.units_organised',
    nameVi: 'Số đơn vị máu thu được tại các điểm hiến do đơn vị và các đơn vị trực thuộc tổ chức',
    nameEn: 'Units collected in the period at drives organised by the unit and its subtree, by kind',
    kinds: ['count', 'sum'],
    compute: (db, q) => unitsBy(db, q, 'organiser_path'),
  },
  {
    key: 'blood.member_share',
    nameVi:
      'Tỷ lệ đoàn viên hiến máu: số đoàn viên đã hiến trong kỳ / số đoàn viên (số lao động khai báo gần nhất đến cuối kỳ)',
    nameEn:
      'Share of members who donated: members who gave blood in the period / members (latest declared headcount as of the period end)',
    kinds: ['ratio'],
    compute: async (db, q) => {
      const denominator = await memberCount(db, q);
      if (denominator === null) return null;
      return { ...(await membersWhoDonated(db, q)), denominator };
    },
  },
  {
    key: 'blood.drives',
    nameVi: 'Số điểm (ngày hội) hiến máu do đơn vị và các đơn vị trực thuộc tổ chức trong kỳ',
    nameEn: 'Blood drives held in the period by the unit and its subtree',
    kinds: ['count', 'sum'],
    compute: async (db, q) => {
      const [r] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM blood_drives dr
            WHERE dr.organiser_path <@ ${q.orgPath}::ltree AND dr.status <> 'cancelled'
              AND dr.drive_date BETWEEN ${q.start}::date AND ${q.end}::date`,
      );
      return { value: r?.n ?? 0 };
    },
  },
];
