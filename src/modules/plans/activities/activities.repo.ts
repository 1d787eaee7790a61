import { sql } from 'drizzle-orm';
import type { ActivityView } from '../../../contracts/plans.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

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
