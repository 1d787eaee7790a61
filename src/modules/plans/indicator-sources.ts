import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';

/**
 * The indicator interface for other modules. A module that keeps records (blood donations, trainees,
 * volunteers, accidents…) registers a source; a plan indicator may name it, and each unit's report form then
 * opens with the value computed from the unit's own records for the period — people confirm a number instead
 * of retyping it. The value is still submitted, versioned and rolled up like any other, so totals stay exact
 * and auditable even when records are corrected later.
 */
export type IndicatorKindName = 'count' | 'sum' | 'ratio' | 'yes_no';

export type SourceQuery = {
  /** The reporting unit and its subtree path. */
  orgId: number;
  orgPath: string;
  /** The period's first and last calendar day (inclusive, ISO). */
  start: string;
  end: string;
};

export type SourceValue = {
  value: number;
  denominator?: number;
  breakdown?: { category: string; value: number }[];
};

export type IndicatorSource = {
  /** Stable key, `module.name`, e.g. `trainings.certified_learners`. */
  key: string;
  nameVi: string;
  nameEn: string;
  /** The indicator kinds this source can feed. */
  kinds: IndicatorKindName[];
  compute: (db: Db | Tx, q: SourceQuery) => Promise<SourceValue | null>;
};

const registry = new Map<string, IndicatorSource>();

export function registerIndicatorSource(source: IndicatorSource): void {
  if (registry.has(source.key)) throw new Error(`indicator source ${source.key} registered twice`);
  registry.set(source.key, source);
}

export function indicatorSource(key: string): IndicatorSource | undefined {
  return registry.get(key);
}

export function listIndicatorSources(): Omit<IndicatorSource, 'compute'>[] {
  return [...registry.values()].map(({ compute: _c, ...s }) => s);
}

/** Built-in sources of the plans and organisations modules; later modules add theirs at import time. */
registerIndicatorSource({
  key: 'orgs.active_units',
  nameVi: 'Số đơn vị trực thuộc đang hoạt động (từ danh mục tổ chức)',
  nameEn: 'Active subordinate units (from the organisation registry)',
  kinds: ['count'],
  compute: async (db, q) => {
    const [r] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM organisations
          WHERE path <@ ${q.orgPath}::ltree AND path <> ${q.orgPath}::ltree AND status = 'active'
            AND (established_on IS NULL OR established_on <= ${q.end}::date)`,
    );
    return { value: r?.n ?? 0 };
  },
});

registerIndicatorSource({
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
});
