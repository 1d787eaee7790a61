import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import type { IndicatorSource } from '../../platform/indicators.ts';

/** The plans module's own source, listed in its manifest. */
export const planIndicatorSources: IndicatorSource[] = [
  {
    key: 'plans.activity_participants',
    nameVi: 'Người tham gia các hoạt động do đơn vị chủ trì (từ kết quả hoạt động đã báo cáo)',
    nameEn: 'Participants in activities the unit led (from reported activity outputs)',
    kinds: ['count', 'sum'],
    compute: async (db, q) => {
      const [r] = await rows<{ n: number }>(
        db,
        sql`SELECT coalesce(sum(x.actual), 0)::float8 AS n
          FROM plan_activities a JOIN plan_activity_outputs x ON x.activity_id = a.id AND x.metric = 'participants'
          JOIN organisations o ON o.id = a.lead_org_id
          WHERE o.path <@ ${q.orgPath}::ltree AND x.actual IS NOT NULL
            AND coalesce(a.ends_on, a.starts_on, x.reported_at::date) BETWEEN ${q.start}::date AND ${q.end}::date`,
      );
      return { value: r?.n ?? 0 };
    },
  },
];
