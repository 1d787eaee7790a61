import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ActivityView } from '../../../contracts/plans.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { organisations } from '../../orgs/index.ts';
import { planActivities, planActivityOutputs, planActivityPartners } from '../plans.tables.ts';

/** Activities of a plan with their lead, partners and outputs, in the plan's order. */
export async function listActivities(
  db: Db | Tx,
  planId: number,
  activityId?: number,
): Promise<ActivityView[]> {
  return rows<ActivityView>(
    db,
    sql`SELECT a.id, a.type, a.title, a.lead_org_id AS "leadOrgId", lo.name AS "leadOrgName",
               a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.notes, a.version,
               coalesce((SELECT json_agg(json_build_object('orgId', o.id, 'orgName', o.name) ORDER BY o.search_text)
                         FROM plan_activity_partners p JOIN organisations o ON o.id = p.org_id
                         WHERE p.activity_id = a.id), '[]') AS partners,
               coalesce((SELECT json_agg(json_build_object('metric', x.metric, 'planned', x.planned::float8,
                                   'actual', x.actual::float8,
                                   'reportedAt', to_char(x.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                                 ORDER BY x.metric)
                         FROM plan_activity_outputs x WHERE x.activity_id = a.id), '[]') AS outputs
        FROM plan_activities a LEFT JOIN organisations lo ON lo.id = a.lead_org_id
        WHERE a.plan_id = ${planId} ${activityId ? sql`AND a.id = ${activityId}` : sql``}
        ORDER BY a.position, a.id`,
  );
}

/** Which of these organisations are active (an activity's lead and partners may be anywhere in the forest). */
export async function activeOrgIds(tx: Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.status, 'active')));
  return new Set(found.map((o) => o.id));
}

/** The position after a plan's last activity. */
export async function nextPosition(tx: Tx, planId: number): Promise<number> {
  const [last] = await rows<{ next: number }>(
    tx,
    sql`SELECT coalesce(max(position) + 1, 0)::int AS next FROM plan_activities WHERE plan_id = ${planId}`,
  );
  return last?.next ?? 0;
}

type ActivityFields = Pick<
  typeof planActivities.$inferInsert,
  'type' | 'title' | 'leadOrgId' | 'startsOn' | 'endsOn' | 'notes'
>;

export async function insertActivity(tx: Tx, planId: number, position: number, a: ActivityFields) {
  const [row] = await tx
    .insert(planActivities)
    .values({ planId, position, ...a })
    .returning({ id: planActivities.id });
  return row!.id;
}

/** An activity's fields replaced, its version moved on. */
export async function updateActivityRow(tx: Tx, id: number, a: ActivityFields, version: number) {
  await tx
    .update(planActivities)
    .set({ ...a, version, updatedAt: sql`now()` })
    .where(eq(planActivities.id, id));
}

export async function deleteActivity(tx: Tx, id: number) {
  await tx.delete(planActivities).where(eq(planActivities.id, id));
}

/** An activity of a plan, locked for the change that follows. */
export async function lockActivity(tx: Tx, planId: number, activityId: number) {
  const [row] = await tx
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.id, activityId), eq(planActivities.planId, planId)))
    .for('update');
  return row;
}

/**
 * An activity's partners and planned outputs, replaced: planned figures are set anew, while actuals already
 * reported for an output that is kept stay.
 */
export async function writePartnersAndOutputs(
  tx: Tx,
  activityId: number,
  partnerIds: number[],
  outputs: { metric: string; planned: number | null }[],
) {
  await tx.delete(planActivityPartners).where(eq(planActivityPartners.activityId, activityId));
  if (partnerIds.length)
    await tx.insert(planActivityPartners).values(partnerIds.map((orgId) => ({ activityId, orgId })));
  const metrics = outputs.map((o) => o.metric);
  const dropped = metrics.length
    ? sql`${planActivityOutputs.metric} <> ALL(${`{${metrics.join(',')}}`}::text[])`
    : sql`true`;
  await tx.delete(planActivityOutputs).where(and(eq(planActivityOutputs.activityId, activityId), dropped));
  for (const o of outputs) {
    await tx
      .insert(planActivityOutputs)
      .values({ activityId, metric: o.metric, planned: o.planned })
      .onConflictDoUpdate({
        target: [planActivityOutputs.activityId, planActivityOutputs.metric],
        set: { planned: o.planned },
      });
  }
}

/** The output metrics an activity plans. */
export async function outputMetrics(tx: Tx, activityId: number): Promise<Set<string>> {
  const list = await tx
    .select({ metric: planActivityOutputs.metric })
    .from(planActivityOutputs)
    .where(eq(planActivityOutputs.activityId, activityId));
  return new Set(list.map((o) => o.metric));
}

/** Actual outputs reported by `userId`, and the activity's version moved on. */
export async function writeActuals(
  tx: Tx,
  activityId: number,
  r: { outputs: { metric: string; actual: number | null }[]; by: number; at: Date; version: number },
) {
  for (const o of r.outputs) {
    await tx
      .update(planActivityOutputs)
      .set({ actual: o.actual, reportedBy: r.by, reportedAt: r.at })
      .where(and(eq(planActivityOutputs.activityId, activityId), eq(planActivityOutputs.metric, o.metric)));
  }
  await tx
    .update(planActivities)
    .set({ version: r.version, updatedAt: sql`now()` })
    .where(eq(planActivities.id, activityId));
}

/**
 * Participants in the activities led by units of a subtree within a period, from their reported outputs
 * (the plans module's indicator source).
 */
export async function activityParticipants(db: Db | Tx, q: { orgPath: string; start: string; end: string }) {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT coalesce(sum(x.actual), 0)::float8 AS n
      FROM plan_activities a JOIN plan_activity_outputs x ON x.activity_id = a.id AND x.metric = 'participants'
      JOIN organisations o ON o.id = a.lead_org_id
      WHERE o.path <@ ${q.orgPath}::ltree AND x.actual IS NOT NULL
        AND coalesce(a.ends_on, a.starts_on, x.reported_at::date) BETWEEN ${q.start}::date AND ${q.end}::date`,
  );
  return r?.n ?? 0;
}
