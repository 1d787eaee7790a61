import { type Db, rows, sql } from '../src/platform/db/database.ts';

/**
 * The indexes this benchmark proposes, tried on the bench database only ("what if"): created after the
 * measurements on the product schema, measured again, dropped at the end (and at the start of every run,
 * in case an earlier one died half-way). Never a migration: the proposal goes to whoever owns the schema.
 * An index is tried only when the schema has none leading with the same two columns, so once a migration
 * provides it this step measures nothing and says so.
 */

export type WhatIfIndex = {
  name: string;
  table: string;
  columns: string[];
  /** Why: the query it serves. */
  serves: string;
  /** What a migration should do instead of (or as) the bench index: precise SQL for whoever owns the schema. */
  proposal: string;
};
export type WhatIfApplied = WhatIfIndex & { ddl: string; buildMs: number; present: boolean };

export const whatIfIndexes: WhatIfIndex[] = [
  {
    name: 'bench_whatif_plan_rollups_period_org',
    table: 'plan_rollups',
    columns: ['plan_id', 'period_key', 'org_id'],
    serves:
      "the dashboard's roll-up read (`rollupsFor`: plan, period, org = ANY), which the primary key (plan_id, indicator_id, period_key, org_id) cannot narrow past plan_id",
    proposal:
      'put the primary key of `plan_rollups` in the order the reads use: `ALTER TABLE plan_rollups DROP CONSTRAINT plan_rollups_plan_id_indicator_id_period_key_org_id_pk, ' +
      'ADD CONSTRAINT plan_rollups_plan_id_period_key_org_id_indicator_id_pk PRIMARY KEY (plan_id, period_key, org_id, indicator_id);` ' +
      "(Drizzle: `primaryKey({ columns: [t.planId, t.periodKey, t.orgId, t.indicatorId] })`). Same columns, so `applyRollup`'s " +
      '`ON CONFLICT (plan_id, indicator_id, period_key, org_id)` still infers it, and a submission maintains no extra index. ' +
      'Or keep the key and add the index measured here: `CREATE INDEX plan_rollups_period_org_idx ON plan_rollups (plan_id, period_key, org_id);`',
  },
  {
    name: 'bench_whatif_plan_reports_period',
    table: 'plan_reports',
    columns: ['plan_id', 'period_key'],
    serves:
      "the dashboard's reporters-with-their-report join (`reportersUnder`) and the raw GROUP BY, which otherwise read every report of every month of the plan",
    proposal:
      "`CREATE INDEX plan_reports_period_idx ON plan_reports (plan_id, period_key);` (Drizzle: `index('plan_reports_period_idx').on(t.planId, t.periodKey)`), " +
      "so one month's reports of a plan are read without the other months (the unique key (plan_id, org_id, period_key) serves lookups of one unit only)",
  },
];

const ddlOf = (i: WhatIfIndex) => `CREATE INDEX ${i.name} ON ${i.table} (${i.columns.join(', ')})`;

/** Whether a (non-what-if) index of the table already leads with the same two columns. */
async function schemaHas(db: Db, i: WhatIfIndex): Promise<boolean> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class ix ON ix.oid = x.indexrelid
        WHERE t.relname = ${i.table} AND ix.relname NOT LIKE 'bench_whatif_%'
          AND (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum WHERE k.n <= 2)
              = ${`{${i.columns.slice(0, 2).join(',')}}`}::text[]`,
  );
  return r!.n > 0;
}

export async function dropWhatIf(db: Db) {
  for (const i of whatIfIndexes) await db.execute(sql.raw(`DROP INDEX IF EXISTS ${i.name}`));
}

/** Creates the proposed indexes the schema lacks, and refreshes the statistics the planner reads. */
export async function applyWhatIf(db: Db): Promise<WhatIfApplied[]> {
  const out: WhatIfApplied[] = [];
  for (const i of whatIfIndexes) {
    const present = await schemaHas(db, i);
    const t0 = performance.now();
    if (!present) await db.execute(sql.raw(ddlOf(i)));
    out.push({ ...i, ddl: ddlOf(i), buildMs: performance.now() - t0, present });
  }
  await db.execute(sql`ANALYZE plan_rollups, plan_reports`);
  return out;
}
