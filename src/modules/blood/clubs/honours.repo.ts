import { sql } from 'drizzle-orm';
import { byVietnameseName } from '../../../contracts/names.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { RuleFacts } from './honours.rules.ts';

/** SQL of honour rules, candidates (donation counts) and honours. */

export type HonourRuleRow = RuleFacts & {
  orgId: number | null;
  orgName: string | null;
  decidingBody: string;
  titleVi: string;
  titleEn: string;
  legalSource: string | null;
};

const ruleSelect = sql`SELECT r.id, r.org_id AS "orgId", o.name AS "orgName", o.path::text AS "orgPath",
  r.deciding_body AS "decidingBody", r.kind, r.threshold, r.title_vi AS "titleVi", r.title_en AS "titleEn",
  r.legal_source AS "legalSource", r.effective_from::text AS "effectiveFrom", r.effective_to::text AS "effectiveTo"
  FROM honour_rules r LEFT JOIN organisations o ON o.id = r.org_id`;

/**
 * Rules a caller may read: national defaults, those of organisations in its scope and those of their ancestors
 * (the rules that hold for it). Rules are public texts of their bodies, so an ancestor's is no secret.
 */
export async function listRules(db: Db | Tx, scope: Scope): Promise<HonourRuleRow[]> {
  const mine = scope.all
    ? sql`true`
    : scope.paths.length === 0
      ? sql`false`
      : sql`(${scopeSql(scope, sql`o.path`)} OR o.path @> ANY(${`{${scope.paths.join(',')}}`}::ltree[]))`;
  return rows<HonourRuleRow>(
    db,
    sql`${ruleSelect} WHERE r.org_id IS NULL OR ${mine} ORDER BY r.kind, r.threshold, o.path NULLS FIRST, r.id`,
  );
}

export async function findRule(db: Db | Tx, id: number): Promise<HonourRuleRow | undefined> {
  const [row] = await rows<HonourRuleRow>(db, sql`${ruleSelect} WHERE r.id = ${id}`);
  return row;
}

export async function insertRule(
  tx: Tx,
  r: Omit<HonourRuleRow, 'id' | 'orgName' | 'orgPath'>,
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO honour_rules (org_id, deciding_body, kind, threshold, title_vi, title_en, legal_source,
          effective_from, effective_to)
        VALUES (${r.orgId}, ${r.decidingBody}, ${r.kind}, ${r.threshold}, ${r.titleVi}, ${r.titleEn},
          ${r.legalSource}, ${r.effectiveFrom}, ${r.effectiveTo}) RETURNING id`,
  );
  return row!.id;
}

export type CountRow = { personId: number; name: string; donations: number };

const donatedUpTo = (person: ReturnType<typeof sql>, to: string) =>
  sql`(SELECT count(*)::int FROM blood_donations d WHERE d.person_id = ${person} AND d.outcome = 'donated'
       AND d.donated_on <= ${to}::date)`;

/**
 * Donors in the caller's scope — kept there as donors ('blood') or club members ('club') — under `orgPath` as donors or club members, with their donations (outcome donated,
 * all time up to `to`) when at least `min`; `personIds` narrows to those people.
 */
export async function donorCounts(
  db: Db | Tx,
  scope: Scope,
  q: { orgPath: string | null; to: string; min: number; personIds?: number[] },
): Promise<CountRow[]> {
  const list = await rows<CountRow>(
    db,
    sql`SELECT * FROM (
          SELECT p.id AS "personId", p.full_name AS name, ${donatedUpTo(sql`p.id`, q.to)} AS donations
          FROM people p JOIN donor_profiles dp ON dp.person_id = p.id
          WHERE p.status = 'active'
            ${q.personIds ? sql`AND p.id = ANY(${`{${q.personIds.join(',') || 0}}`}::int[])` : sql``}
            AND EXISTS (SELECT 1 FROM person_links l WHERE l.person_id = p.id
              AND (l.until IS NULL OR l.until >= current_date) AND l.purpose IN ('blood', 'club')
              AND ${scopeSql(scope, sql`l.org_path`)}
              ${q.orgPath ? sql`AND l.org_path <@ ${q.orgPath}::ltree` : sql``})) x
        WHERE donations >= ${q.min}`,
  );
  return byVietnameseName(list, (r) => r.name);
}

export type FamilyRow = { clubId: number; name: string; leaderId: number | null; donations: number };

/**
 * Families (clubs of kind 'family') the caller sees under `orgPath`: the family's count is the donations (outcome
 * donated, up to `to`) of everyone who is a member on `to` — each donation of a member counts, including those
 * made before they joined; the family honour is recorded on its leader (role 'leader', the head of household).
 */
export async function familyCounts(
  db: Db | Tx,
  scope: Scope,
  q: { orgPath: string | null; to: string; min: number; clubIds?: number[] },
): Promise<FamilyRow[]> {
  const onTo = sql`m.since <= ${q.to}::date AND (m.until IS NULL OR m.until >= ${q.to}::date)`;
  return rows<FamilyRow>(
    db,
    sql`SELECT * FROM (
          SELECT c.id AS "clubId", c.name,
            (SELECT m.person_id FROM donor_club_members m WHERE m.club_id = c.id AND m.role = 'leader' AND ${onTo}
              ORDER BY m.id LIMIT 1) AS "leaderId",
            (SELECT count(*)::int FROM donor_club_members m JOIN blood_donations d ON d.person_id = m.person_id
              WHERE m.club_id = c.id AND ${onTo} AND d.outcome = 'donated' AND d.donated_on <= ${q.to}::date) AS donations
          FROM donor_clubs c WHERE c.kind = 'family' AND ${scopeSql(scope, sql`c.org_path`)}
            ${q.orgPath ? sql`AND c.org_path <@ ${q.orgPath}::ltree` : sql``}
            ${q.clubIds ? sql`AND c.id = ANY(${`{${q.clubIds.join(',') || 0}}`}::int[])` : sql``}) x
        WHERE donations >= ${q.min} ORDER BY name, "clubId"`,
  );
}

/** Honours (not rejected) the people hold, with their level. */
export async function heldLevels(db: Db | Tx, personIds: number[]) {
  if (personIds.length === 0) return [];
  return rows<{ personId: number; kind: 'individual' | 'family'; threshold: number }>(
    db,
    sql`SELECT h.person_id AS "personId", r.kind, r.threshold FROM donor_honours h
        JOIN honour_rules r ON r.id = h.rule_id
        WHERE h.person_id = ANY(${`{${personIds.join(',')}}`}::int[]) AND h.status <> 'rejected'`,
  );
}

export async function insertHonours(
  tx: Tx,
  items: { personId: number; clubId: number | null; count: number }[],
  h: { ruleId: number; orgId: number; orgPath: string },
): Promise<number[]> {
  const res = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO donor_honours (person_id, club_id, rule_id, count_at_proposal, proposed_by_org_id, org_path, status)
        SELECT x."personId", x."clubId", ${h.ruleId}, x.count, ${h.orgId}, ${h.orgPath}::ltree, 'proposed'
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x("personId" int, "clubId" int, count int)
        ON CONFLICT (person_id, rule_id) DO UPDATE SET status = 'proposed', club_id = EXCLUDED.club_id,
          count_at_proposal = EXCLUDED.count_at_proposal,
          proposed_by_org_id = EXCLUDED.proposed_by_org_id, org_path = EXCLUDED.org_path, decision_no = NULL,
          decided_on = NULL
          WHERE donor_honours.status = 'rejected'
        RETURNING id`,
  );
  return res.map((r) => r.id);
}

export type HonourRow = {
  id: number;
  personId: number;
  name: string;
  familyClubId: number | null;
  familyClubName: string | null;
  ruleId: number;
  ruleOrgPath: string | null;
  kind: 'individual' | 'family';
  threshold: number;
  titleVi: string;
  titleEn: string;
  decidingBody: string;
  countAtProposal: number;
  proposedByOrgId: number;
  proposedByName: string;
  orgPath: string;
  status: 'proposed' | 'approved' | 'awarded' | 'rejected';
  decisionNo: string | null;
  decidedOn: string | null;
  createdAt: string;
};

const honourSelect = sql`SELECT h.id, h.person_id AS "personId", p.full_name AS name,
  h.club_id AS "familyClubId", (SELECT c.name FROM donor_clubs c WHERE c.id = h.club_id) AS "familyClubName",
  h.rule_id AS "ruleId", ro.path::text AS "ruleOrgPath", r.kind, r.threshold, r.title_vi AS "titleVi",
  r.title_en AS "titleEn", r.deciding_body AS "decidingBody", h.count_at_proposal AS "countAtProposal",
  h.proposed_by_org_id AS "proposedByOrgId", po.name AS "proposedByName", h.org_path::text AS "orgPath", h.status,
  h.decision_no AS "decisionNo", h.decided_on::text AS "decidedOn",
  to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
  FROM donor_honours h JOIN people p ON p.id = h.person_id JOIN honour_rules r ON r.id = h.rule_id
  LEFT JOIN organisations ro ON ro.id = r.org_id JOIN organisations po ON po.id = h.proposed_by_org_id`;

/** Honours proposed in the caller's scope, or to be decided by an organisation where it manages blood. */
export async function listHonours(
  db: Db | Tx,
  scope: Scope,
  decideScope: Scope,
  f: { orgPath?: string; status?: string; personId?: number; id?: number; lock?: boolean },
): Promise<HonourRow[]> {
  const list = await rows<HonourRow>(
    db,
    sql`${honourSelect} WHERE (${scopeSql(scope, sql`h.org_path`)} OR ${scopeSql(decideScope, sql`ro.path`)})
        ${f.orgPath ? sql`AND (h.org_path <@ ${f.orgPath}::ltree OR ro.path <@ ${f.orgPath}::ltree)` : sql``}
        ${f.status ? sql`AND h.status = ${f.status}` : sql``}
        ${f.personId ? sql`AND h.person_id = ${f.personId}` : sql``}
        ${f.id ? sql`AND h.id = ${f.id}` : sql``}
        ORDER BY r.threshold DESC, h.id ${f.lock ? sql`FOR UPDATE OF h` : sql``}`,
  );
  return f.lock ? list : byVietnameseName(list, (h) => h.name);
}

export async function decideHonour(
  tx: Tx,
  id: number,
  d: { status: string; decisionNo: string | null; decidedOn: string },
): Promise<void> {
  await tx.execute(
    sql`UPDATE donor_honours SET status = ${d.status}, decision_no = ${d.decisionNo}, decided_on = ${d.decidedOn}::date
        WHERE id = ${id}`,
  );
}
